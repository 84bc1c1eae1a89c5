// `react-router` (build, dev, typegen) without one line of noise from inside its own tooling.
//
// React Router 7's CLI starts internal Vite servers with the option `envFile: false`, which Vite 8 has
// deprecated: each start printed "The `envFile` option is deprecated, please use `envDir: false` instead.",
// three to eight times per command, about code a newcomer cannot change (checked up to @react-router/dev
// 7.18.7). This drops exactly that line and passes everything else through unchanged, in the same process
// and terminal (so `dev` stays interactive). Remove this file once React Router sets `envDir: false` itself.
import { createRequire } from "node:module";
import path from "node:path";

const deprecated = "The `envFile` option is deprecated, please use `envDir: false` instead.";
// eslint-disable-next-line no-control-regex
const plain = (value) => (typeof value === "string" ? value.replace(/\u001b\[[0-9;]*m/g, "") : "");

for (const method of ["warn", "log", "info"]) {
  const original = console[method].bind(console);
  console[method] = (...args) => {
    if (args.length >= 1 && plain(args[0]).trim().endsWith(deprecated)) return;
    original(...args);
  };
}

// The CLI reads its arguments from process.argv.slice(2): `node scripts/react-router.mjs build` runs `react-router build`.
const require = createRequire(import.meta.url);
require(path.join(path.dirname(require.resolve("@react-router/dev/package.json")), "bin.js"));
