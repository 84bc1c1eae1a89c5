import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import path from "node:path";

/**
 * Designsystemet's packages do not declare themselves free of side effects, so importing one component
 * used to bring every component into every hydrated page, with the combobox's dependencies (floating-ui,
 * a virtual list, u-combobox, u-tabs): ≈ 60 KB gzip (issue 12, item 5; ADR 0025). Its React components
 * have none; of its web package (custom elements that register themselves), only the elements we use keep
 * theirs, and app/entry.client.tsx imports exactly those. The other elements are dropped unless imported.
 */
const keptElements = new Set(["field", "fieldset", "error-summary", "details", "utils", "packages"]);
function moduleSideEffects(id: string): boolean {
  if (/[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id)) return false;
  const web = /[\\/]@digdir[\\/]designsystemet-web[\\/]dist[\\/]esm[\\/]([^\\/]+)/.exec(id);
  if (web) return keptElements.has(web[1]!);
  return true;
}

/**
 * `virtual:kp/catalogue-chunks`: the URLs of each language's catalogue chunk in the client build (with the
 * chunks they import), so the server can tell a hydrated page's browser to fetch its language's catalogue
 * at once (a modulepreload link in the HTML) instead of after the entry has run (app/root.tsx; ADR 0025).
 * The server is built after the client, whose Vite manifest React Router keeps until the end of the build.
 */
function catalogueChunks(): Plugin {
  const id = "virtual:kp/catalogue-chunks";
  let base = "/";
  let clientOutDir = "";
  return {
    name: "kp-catalogue-chunks",
    configResolved(config) {
      base = config.base;
      clientOutDir = path.resolve(config.root, config.environments.client?.build.outDir ?? "build/client");
    },
    resolveId(source) {
      return source === id ? `\0${id}` : undefined;
    },
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const languages = ["nb", "nn", "en"];
      let urls: Record<string, string[]> = {};
      if (this.environment.mode === "dev") {
        urls = Object.fromEntries(languages.map((lang) => [lang, [`${base}app/i18n/${lang}.ts`]]));
      } else if (this.environment.name !== "client") {
        const file = path.join(clientOutDir, ".vite/manifest.json");
        const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, { file: string; imports?: string[] }>;
        const withImports = (key: string): string[] => {
          const chunk = manifest[key];
          if (!chunk) throw new Error(`kp-catalogue-chunks: ${key} is not in the client build's manifest (${file})`);
          return [chunk.file, ...(chunk.imports ?? []).flatMap(withImports)];
        };
        urls = Object.fromEntries(languages.map((lang) => [lang, [...new Set(withImports(`app/i18n/${lang}.ts`))].map((f) => base + f)]));
      }
      return `export default ${JSON.stringify(urls)};`;
    },
  };
}

export default defineConfig({
  plugins: [reactRouter(), catalogueChunks()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  ssr: {
    // Bundling Designsystemet into the server build halves cold start (STACK-NOTES).
    noExternal: [/^@digdir\//],
    external: ["@electric-sql/pglite", "argon2", "pg", "nodemailer"],
  },
  build: {
    sourcemap: false,
    // Rolldown's timing report (PLUGIN_TIMINGS) names React Router's own plugins, which we cannot speed up:
    // it is noise on every `npm start` build (issue 11, item 16).
    rolldownOptions: { checks: { bundlerTimings: false }, treeshake: { moduleSideEffects } },
  },
});
