import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
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

/** The server and the browser a describe block shares: theirs once its beforeAll has run. */
export interface ServerAndBrowser {
  readonly server: ChaosServer;
  readonly browser: Browser;
}

/**
 * Registers the beforeAll that starts the server and Chromium, and the afterAll that closes both,
 * then runs `after` (a file's own clean-up, once nothing uses what it removes). `options` may be a
 * function when they exist only once beforeAll runs (a temporary scenarios folder).
 */
export function serverAndBrowser(
  options: CreateServerOptions | (() => CreateServerOptions) = {},
  { after }: { after?: () => void | Promise<void> } = {},
): ServerAndBrowser {
  let server: ChaosServer | undefined;
  let stopServer: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, stop: stopServer } = await startServer(typeof options === 'function' ? options() : options));
    browser = await launchChromium();
  });
  afterAll(async () => {
    try {
      await browser?.close();
      await stopServer?.();
    } finally {
      await after?.();
    }
  });
  return {
    get server() {
      if (!server) throw new Error('The server starts in beforeAll: use it inside a hook or a test');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll: use it inside a hook or a test');
      return browser;
    },
  };
}

/** The viewports a browser test photographs: a phone, a laptop and the room's projector. */
export const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
  projector: { width: 1920, height: 1080 },
} as const;

/** The same sizes as whole browser contexts: the phone is a touch screen at twice the pixels. */
export const SCREENS = {
  phone: { viewport: SIZES.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  laptop: { viewport: SIZES.laptop },
  projector: { viewport: SIZES.projector },
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

/**
 * Opens a session of the scenario whose radio matches `scenario` from the start page at `url`, and
 * returns its join code; `before` sets up the create form (or checks it) between the two.
 */
export async function openSession(
  page: Page,
  url: string,
  scenario: RegExp,
  { before }: { before?: () => Promise<unknown> } = {},
): Promise<string> {
  await page.goto(url);
  await page.getByRole('radio', { name: scenario }).check();
  await before?.();
  await page.getByRole('button', { name: 'Open a session' }).click();
  await expect.poll(() => page.locator('.join-code').textContent()).toMatch(/^[A-Z0-9]{6}$/);
  return (await page.locator('.join-code').textContent()) ?? '';
}

/** The join link of the session with `code` on the server at `url`, as the console shows it. */
export const joinLink = (url: string, code: string): string => `${url}/#/join/${code}`;

/**
 * Opens `link` (see joinLink), gives `name` and joins; waits for `arrived`: the table's welcome,
 * unless the test expects another answer (a table with no role left, a name already seated).
 */
export async function joinTable(page: Page, link: string, name: string, arrived = `Welcome, ${name}.`): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByText(arrived).first().waitFor();
}

/** A role's place in the lobby, found by the role's name. */
export const roleSlot = (page: Page, role: string): Locator => page.getByRole('region', { name: role, exact: true });

/**
 * How many of the big screen's timeline lines the room can read: those on the screen that end above
 * the middle of the 56 px fade at the panel's foot (big-screen.css).
 */
export function readableTimelineLines(page: Page): Promise<number> {
  return page.locator('.big-timeline').evaluate((panel) => {
    const clear = Math.min(panel.getBoundingClientRect().bottom - 28, window.innerHeight);
    return [...panel.querySelectorAll('.timeline-entry')].filter((e) => e.getBoundingClientRect().bottom <= clear)
      .length;
  });
}

/**
 * The smallest text, in CSS px as drawn, in the SVG drawings matching `selector`: scaled by their
 * viewBox as it fits their box (a box of another shape letterboxes the drawing, the smaller scale wins).
 */
export function smallestDrawnText(page: Page, selector: string): Promise<number> {
  return page.evaluate((css) => {
    const sizes = [...document.querySelectorAll<SVGSVGElement>(css)]
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        const { width, height } = svg.viewBox.baseVal;
        const scale = Math.min(box.width / width, box.height / height);
        return [...svg.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale);
      });
    return sizes.length ? Math.min(...sizes) : 0;
  }, selector);
}

/** Takes `role` in the lobby. */
export async function takeRole(page: Page, role: string): Promise<void> {
  await roleSlot(page, role).getByRole('button', { name: 'Take this role' }).click();
}
