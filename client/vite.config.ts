/// <reference types="node" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API server runs beside Vite (client/scripts/dev.mjs); the proxy keeps the browser on
// one origin. The page's Origin is Vite's, which dev.mjs puts in the API server's CQ_ALLOWED_ORIGINS.
const apiPort = Number(process.env['CQ_API_PORT'] ?? 3001);
const api = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: api },
      '/socket.io': { target: api, ws: true },
    },
  },
  // Source maps would publish the whole client source from the server; CQ_SOURCEMAP=1 builds them for debugging.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: process.env['CQ_SOURCEMAP'] === '1',
    rolldownOptions: {
      output: {
        // The studio's editor is most of its page and changes only with its version: in a chunk of
        // its own, a browser keeps it cached across our releases and fetches it beside the page.
        codeSplitting: {
          groups: [
            {
              name: 'editor',
              test: /node_modules[\\/](@codemirror|codemirror|@lezer|crelt|style-mod|w3c-keyname|@marijn)/,
            },
          ],
        },
      },
    },
  },
});
