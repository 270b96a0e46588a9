/// <reference types="node" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API server runs beside Vite (client/scripts/dev.mjs); the proxy keeps the browser on
// one origin. changeOrigin stays off so the Host header still matches the page's Origin, which the
// server's same-origin check compares.
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
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
