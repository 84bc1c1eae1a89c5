import { registerMessages } from "~/i18n/i18n";
import { toolkitNb } from "./nb";
import { toolkitNn } from "./nn";
import { toolkitEn } from "./en";

/**
 * Adds the toolkit's texts to the app's catalogue. Imported by the toolkit's layouts and server modules:
 * on the server every route module is loaded at start, so the texts are there before the first request;
 * the browser loads them only if a toolkit route module ever runs there.
 */
registerMessages({ nb: toolkitNb, nn: toolkitNn, en: toolkitEn });
