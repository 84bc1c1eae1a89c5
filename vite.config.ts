import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  plugins: [reactRouter()],
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
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
