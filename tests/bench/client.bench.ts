/**
 * Client benchmark (issue 4, "Performance"):
 *  (a) the initial JavaScript of the player screen, gzipped: every script Chromium loads to show
 *      a seated player's screen from a cold cache, each gzipped with zlib, summed;
 *  (b) the time from pressing "Join" to the first rendered view of the session, in headless
 *      Chromium against the real server on loopback, measured inside the page.
 * Prints medians and ratios against the targets (200 KB, 500 ms); asserts nothing about time.
 *
 *   npm run bench:client [-- --quick] [-- --json]
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildClient, distIsStale } from '../e2e/build-client.ts';
import { launchChromium, startServer } from '../e2e/harness.ts';
import { median, percentile, printTable } from './lib/stats.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const json = argv.includes('--json');
const JOIN_RUNS = quick ? 3 : 9;
const TARGET_KB = 200;
const TARGET_MS = 500;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

async function openSession(url: string): Promise<string> {
  const response = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: 'dns-ttl-trap' }),
  });
  if (!response.ok) throw new Error(`Could not open a session: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { joinCode: string }).joinCode;
}

/** One join in a fresh context: milliseconds from the Join button's submit to the lobby's first paint of the view. */
async function timeJoin(
  browser: Browser,
  url: string,
  joinCode: string,
  name: string,
): Promise<{ ms: number; storage: StorageState }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/#/join/${joinCode}`);
  await page.getByLabel('Your name').fill(name);
  await page.evaluate(() => {
    const marks: { submit?: number; view?: number } = {};
    (window as unknown as { __cqBench: typeof marks }).__cqBench = marks;
    document.addEventListener('submit', () => (marks.submit = performance.now()), true);
    new MutationObserver(() => {
      if (marks.view === undefined && document.querySelector('.player-lobby')) marks.view = performance.now();
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.getByRole('button', { name: 'Join' }).click();
  await page.locator('.player-lobby').waitFor();
  const marks = await page.evaluate(
    () => (window as unknown as { __cqBench: { submit: number; view: number } }).__cqBench,
  );
  const storage = await context.storageState();
  await context.close();
  return { ms: marks.view - marks.submit, storage };
}

/** Gzipped bytes of every script a cold context loads to show the player's screen. */
async function playerScriptBytes(
  browser: Browser,
  url: string,
  storage: StorageState,
): Promise<{ raw: number; gzip: number; files: number }> {
  const context = await browser.newContext({ storageState: storage });
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  const seat = storage.origins.flatMap((o) => o.localStorage).find((e) => e.name.startsWith('cq.seat.player.'));
  if (!seat) throw new Error('The join left no player seat in localStorage');
  const sessionId = (JSON.parse(seat.value) as { sessionId: string }).sessionId;
  await page.goto(`${url}/#/play/${sessionId}`);
  await page.locator('.player-lobby').waitFor();
  const scripts = await Promise.all(bodies);
  await context.close();
  return {
    raw: scripts.reduce((n, b) => n + b.length, 0),
    gzip: scripts.reduce((n, b) => n + gzipSync(b).length, 0),
    files: scripts.length,
  };
}

async function main(): Promise<void> {
  if (distIsStale()) await buildClient();
  const { server, stop } = await startServer();
  const browser = await launchChromium();
  try {
    const joinCode = await openSession(server.url);
    // A first join warms the server's code paths (tsx compile, the session load) and the browser.
    const warm = await timeJoin(browser, server.url, joinCode, 'Warm-up');
    const joins: number[] = [];
    for (let i = 0; i < JOIN_RUNS; i++)
      joins.push((await timeJoin(browser, server.url, joinCode, `Player ${i + 1}`)).ms);
    const js = await playerScriptBytes(browser, server.url, warm.storage);
    const round = (x: number) => Math.round(x * 100) / 100;
    const figures = {
      quick,
      runs: JOIN_RUNS,
      playerScripts: js.files,
      playerJsRawKB: round(js.raw / 1024),
      playerJsGzipKB: round(js.gzip / 1024),
      playerJsTargetKB: TARGET_KB,
      playerJsOverTarget: round(js.gzip / 1024 / TARGET_KB),
      joinToViewMedianMs: round(median(joins)),
      joinToViewP90Ms: round(percentile(joins, 0.9)),
      joinToViewTargetMs: TARGET_MS,
      joinToViewOverTarget: round(median(joins) / TARGET_MS),
    };
    printTable('Player screen: initial JavaScript (cold cache, each script gzipped)', [
      ['scripts loaded', `${figures.playerScripts}`],
      ['raw', `${figures.playerJsRawKB} KB`],
      ['gzipped', `${figures.playerJsGzipKB} KB`],
      [`gzipped ÷ ${TARGET_KB} KB target`, `${figures.playerJsOverTarget}`],
    ]);
    printTable(`Join to first rendered view (headless Chromium, loopback, ${JOIN_RUNS} runs)`, [
      ['median', `${figures.joinToViewMedianMs} ms`],
      ['p90', `${figures.joinToViewP90Ms} ms`],
      [`median ÷ ${TARGET_MS} ms target`, `${figures.joinToViewOverTarget}`],
    ]);
    if (json) console.log(JSON.stringify(figures));
  } finally {
    await browser.close();
    await stop();
  }
}

await main();
