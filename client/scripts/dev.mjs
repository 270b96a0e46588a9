// `npm run dev`: the API server on 127.0.0.1:3001 (tsx, restarted by hand) and Vite's dev server
// for the client with hot reload, proxying /api and /socket.io to the API server so the browser
// stays on one origin. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const apiPort = Number(process.env.CQ_API_PORT ?? 3001);
const vitePort = Number(process.env.CQ_VITE_PORT ?? 5173);
// The browser's Origin is Vite's page; the proxy passes it through, so the API server must allow it.
const viteOrigins = ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${vitePort}`);
const allowedOrigins = [process.env.CQ_ALLOWED_ORIGINS, ...viteOrigins].filter(Boolean).join(',');

const api = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const { serve } = await import('./server/src/cli/serve.ts'); await serve();",
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(apiPort), HOST: '127.0.0.1', CQ_ALLOWED_ORIGINS: allowedOrigins },
  },
);

process.env.CQ_API_PORT = String(apiPort);
const vite = await createServer({
  configFile: `${root}client/vite.config.ts`,
  server: { port: vitePort, strictPort: true },
});
await vite.listen();
vite.printUrls();
console.log(`API server on http://127.0.0.1:${apiPort} (proxied at /api and /socket.io)`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  api.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}
api.on('exit', (code) => {
  if (!stopping) console.error(`The API server stopped (exit ${code}); stopping the dev server too.`);
  void stop(code ?? 1);
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
