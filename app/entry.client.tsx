import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
// Designsystemet's custom elements that our components render (ds-field, ds-error-summary, the fieldset's
// labelling and <details>' polyfill), and no others: the rest of @digdir/designsystemet-web (combobox,
// tabs, tooltips, popovers and their dependencies) is left out of the client build (vite.config.ts, ADR 0025).
import "@digdir/designsystemet-web/ds-field";
import "@digdir/designsystemet-web/fieldset";
import "@digdir/designsystemet-web/ds-error-summary";
import "@digdir/designsystemet-web/details";
import { isLang, loadCatalogue } from "~/i18n/i18n";

// Only hydrated pages (staff tools, the map) load this file. The page's language is in <html lang>; its
// catalogue is a chunk of its own (preloaded by the HTML), loaded before hydrating, so the first render in
// the browser has the server's texts (no key shown, no hydration mismatch).
const lang = document.documentElement.lang;
loadCatalogue(isLang(lang) ? lang : "nb").then(
  () => {
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <HydratedRouter />
        </StrictMode>,
      );
    });
  },
  // Should the chunk not load, the page stays as the server sent it: every page works without JavaScript.
  () => {},
);
