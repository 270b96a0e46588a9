import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createServer, type ChaosServer, type CreateServerOptions } from '../../server/src/app.ts';
import { CLIENT_DIST } from './build-client.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

/** The real server on a free loopback port, serving the built client, with a fresh SQLite file; `options` win. */
export async function startServer(
  options: CreateServerOptions = {},
): Promise<{ server: ChaosServer; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cq-e2e-'));
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    clientDir: CLIENT_DIST,
    allowedOrigins: null,
    adminKey: null,
    logger: false,
    watchScenarios: false,
    env: {},
    ...options,
  });
  return {
    server,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the background traffic switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The screens a browser test photographs: a phone, a laptop and a projector. */
export const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  laptop: { viewport: { width: 1280, height: 800 } },
  wide: { viewport: { width: 1920, height: 1080 } },
} as const;

/** A page in its own browser context (its own localStorage: one person), watched for trouble. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, which must stay empty. */
  errors: string[];
  /** Any dialog that opened (alert, confirm…): an injected script would show here. */
  dialogs: string[];
}

export async function person(browser: Browser, name: string, options: BrowserContextOptions = {}): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const who: Person = { name, context, page, errors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') who.errors.push(`${name}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => who.errors.push(`${name}: page error: ${error.message}`));
  // The console's "Failed to load resource" does not say which; this does.
  page.on('response', (response) => {
    if (response.status() >= 400)
      who.errors.push(`${name}: HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    who.dialogs.push(`${name}: ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return who;
}

/** Saves a full-page screenshot to tests/artifacts/<file>.png. */
export async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Right after a resize, a full-page capture can catch cards not yet repainted at the new width
  // (blank where they stand): two frames let the layout and paint catch up.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage: true, animations: 'disabled' });
}
