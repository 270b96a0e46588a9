import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { JOIN_FAILURES } from '../../server/src/http/limits.ts';
import {
  ARTIFACTS,
  joinTable,
  openSession,
  person,
  type Person,
  roleSlot,
  SCREENS,
  screenshot,
  serverAndBrowser,
} from './harness.ts';

/**
 * The game day at the table, in real Chromium against the real server with its default join limits:
 * the join link and QR code, fourteen people joining from one address (as an office does behind one
 * router), and a pause that every screen shows, with a vote refused in words people understand.
 */
const { phone: PHONE, laptop: LAPTOP } = SCREENS;
const FIRST_CHOICE = 'Ask support what the failing customers';
const PAUSED_VOTE = 'Voting is paused until the facilitator resumes the game.';

const choice = (page: Page, label: string): Locator => page.locator('li.choice').filter({ hasText: label });

/** The number of dark modules a QR code of `text` has: the drawn SVG must have exactly as many squares. */
function darkModules(text: string): number {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return Array.from(modules.data).filter(Boolean).length;
}

async function drawnModules(qr: Locator): Promise<number> {
  const d = (await qr.locator('path').getAttribute('d')) ?? '';
  return d.split('M').length - 1;
}

describe('the game day at the table', () => {
  // The product's own join limits (the harness raises them for the other browser tests).
  const env = serverAndBrowser({ joinLimit: JOIN_FAILURES });
  let facilitator: Person;
  let phone: Person;
  let held: Person;
  let screen: Person;
  let joinCode = '';
  let link = '';
  // While true, the held player's browser gets no view or patch from the server: its screen still shows
  // the game running after the facilitator paused, so its vote reaches the server and is refused there.
  let holdViews = false;
  const others: Person[] = [];

  it('shows the join code with the join link and its QR code in the console', async () => {
    facilitator = await person(env.browser, 'facilitator', LAPTOP);
    const { page } = facilitator;
    joinCode = await openSession(page, env.server.url, /The TTL Trap/);
    // The server listens on 127.0.0.1 here, so its own answer to "where do players join" is that address.
    link = `http://127.0.0.1:${env.server.port}/#/join/${joinCode}`;
    await expect.poll(() => page.locator('.join-url .url').textContent()).toBe(link);
    const qr = page.locator('.join-info svg.qr-code');
    expect(await qr.getAttribute('aria-label')).toBe(`QR code of the join link ${link}`);
    expect(await drawnModules(qr)).toBe(darkModules(link));
    expect(await qr.isVisible()).toBe(true);
    await screenshot(page, 'table-console-lobby-laptop');
  });

  it('puts the code and the QR code on the big screen', async () => {
    screen = await person(env.browser, 'big screen', SCREENS.projector);
    await screen.page.goto(`${env.server.url}/#/screen/${joinCode}`);
    await screen.page.locator('.big-code').getByText(joinCode).waitFor();
    const qr = screen.page.locator('.big-lobby svg.qr-code');
    await expect.poll(() => qr.getAttribute('aria-label')).toBe(`QR code of the join link ${link}`);
    expect(await drawnModules(qr)).toBe(darkModules(link));
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(200);
    await screenshot(screen.page, 'table-big-screen-lobby-wide');
  });

  it('opens the join form with the code filled in from the join link, not the start page', async () => {
    phone = await person(env.browser, 'phone', PHONE);
    await phone.page.goto(link);
    await phone.page.getByRole('heading', { name: 'Join a quest' }).waitFor();
    expect(await phone.page.getByLabel('Join code').inputValue()).toBe(joinCode);
    expect(await phone.page.getByRole('button', { name: 'Open a session' }).count()).toBe(0);
    await expect
      .poll(() => phone.page.evaluate(() => document.activeElement?.getAttribute('autocomplete')))
      .toBe('nickname');
    await screenshot(phone.page, 'table-join-phone');
    await phone.page.getByLabel('Your name').fill('Pia');
    await phone.page.getByRole('button', { name: 'Join' }).click();
    await phone.page.getByText('Welcome, Pia.').waitFor();
  });

  it('seats fourteen people joining from one address', async () => {
    held = await person(env.browser, 'held', LAPTOP);
    await held.page.routeWebSocket(/socket\.io/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => {
        if (holdViews && typeof message === 'string' && /^42\["(view|patch)"/.test(message)) return;
        ws.send(message);
      });
      ws.onMessage((message) => upstream.send(message));
    });
    const join = (who: Person, name: string) => joinTable(who.page, link, name);
    await join(held, 'Vic');
    const names = Array.from({ length: 12 }, (_, i) => `Guest ${i + 1}`);
    // Four at a time: a dozen Chromium pages at once would only measure this 2-core machine.
    for (let i = 0; i < names.length; i += 4) {
      const batch = await Promise.all(
        names.slice(i, i + 4).map((name) => person(env.browser, name, { viewport: { width: 800, height: 600 } })),
      );
      await Promise.all(batch.map((who) => join(who, who.name)));
      others.push(...batch);
    }
    await facilitator.page
      .locator('.lobby-count')
      .getByText(/^14 joined/)
      .waitFor();
    for (const who of others) {
      expect(who.errors).toEqual([]);
      await who.context.close();
    }
  });

  it('pauses on every screen, disables the vote with the reason, and words a refused vote for people', async () => {
    await roleSlot(phone.page, 'Incident Commander').getByRole('button', { name: 'Take this role' }).click();
    await roleSlot(held.page, 'Network Engineer').getByRole('button', { name: 'Take this role' }).click();
    await roleSlot(held.page, 'Network Engineer').getByText('Your role').waitFor();
    const f = facilitator.page;
    await f.getByRole('button', { name: 'Brief the table' }).click();
    await f.getByRole('button', { name: 'Start the quest' }).click();
    for (const who of [phone, held])
      await choice(who.page, FIRST_CHOICE).getByRole('button', { name: 'Vote for this' }).waitFor();
    await screen.page.locator('.big-join-corner').getByText(joinCode).waitFor();
    expect(await screen.page.locator('.big-join-corner svg.qr-code').isVisible()).toBe(true);

    holdViews = true;
    await f.getByRole('button', { name: 'Pause', exact: true }).click();
    for (const who of [phone, facilitator, screen])
      await who.page.locator('.paused-banner').getByText('The game is paused.').waitFor();
    const vote = choice(phone.page, FIRST_CHOICE).getByRole('button', { name: 'Vote for this' });
    expect(await vote.isDisabled()).toBe(true);
    expect(await phone.page.locator('.choices .disabled-reason').textContent()).toContain(PAUSED_VOTE);
    expect(await phone.page.getByRole('button', { name: 'Declare incident' }).isDisabled()).toBe(true);
    expect(await f.getByRole('button', { name: '+5 min' }).isDisabled()).toBe(true);
    expect(await f.locator('.disabled-reason').first().textContent()).toContain('paused');
    await screenshot(phone.page, 'table-paused-phone');
    await screenshot(f, 'table-paused-console-laptop');
    // What each person sees without scrolling: the banner and the disabled controls with their reason.
    await phone.page.screenshot({ path: `${ARTIFACTS}/table-paused-phone-viewport.png`, animations: 'disabled' });
    await f.screenshot({ path: `${ARTIFACTS}/table-paused-console-laptop-viewport.png`, animations: 'disabled' });
    await screenshot(screen.page, 'table-paused-big-screen-wide');

    // The held player's screen has not heard of the pause, so it still offers the vote; the server refuses it.
    expect(await held.page.locator('.paused-banner').count()).toBe(0);
    await choice(held.page, FIRST_CHOICE).getByRole('button', { name: 'Vote for this' }).click();
    await choice(held.page, FIRST_CHOICE).getByRole('alert').getByText(PAUSED_VOTE).waitFor();
    await screenshot(held.page, 'table-refused-vote-laptop');

    holdViews = false;
    await f.getByRole('button', { name: 'Resume the game' }).click();
    await phone.page.locator('.paused-banner').waitFor({ state: 'detached' });
    // The next patch does not fit the stale view the held player kept, so its client resyncs by itself.
    await held.page.locator('.phase-badge').getByText('In play').waitFor();
    await choice(held.page, FIRST_CHOICE).getByRole('button', { name: 'Vote for this' }).click();
    await choice(f, FIRST_CHOICE).getByText('1 vote: Vic').waitFor();
    for (const who of [facilitator, phone, held, screen]) {
      expect(who.errors).toEqual([]);
      expect(who.dialogs).toEqual([]);
    }
  });
});
