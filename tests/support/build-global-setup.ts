import { buildOnce } from "./build";

/** Build the app for production (once per run, shared with the browser tests), so tests can start `node server.mjs`. */
export default function setup() {
  buildOnce();
}
