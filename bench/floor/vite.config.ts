import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// The floor app's build: React Router's plugin and nothing else (ADR 0020).
export default defineConfig({
  plugins: [reactRouter()],
  build: { sourcemap: false },
});
