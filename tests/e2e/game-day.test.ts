import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  ARTIFACTS,
  joinLink,
  joinTable,
  openSession,
  person,
  type Person,
  roleSlot,
  SCREENS,
  screenshot,
  serverAndBrowser,
  SIZES,
  takeRole,
} from './harness.ts';
import { earlierRuns } from './practice-records.ts';

/**
 * A game day in real Chromium against the real server: a facilitator and three players, each in
 * their own browser context, play the shipped "The TTL Trap" from the lobby to the debrief.
 */
const XSS_NAME = '<img src=x onerror=alert(1)>';
const LAPTOP = { width: 1440, height: 900 };
const INCIDENTS_CSV = new URL('../fixtures/incidents/generic.csv', import.meta.url).pathname;

const choice = (page: Page, label: string): Locator => page.locator('li.choice').filter({ hasText: label });

describe('a game day in the browser', () => {
  const env = serverAndBrowser();
  let facilitator: Person;
  let ana: Person;
  let mallory: Person;
  let bo: Person;
  let screen: Person;
  let joinCode = '';
  const people = () => [facilitator, ana, mallory, bo, screen].filter(Boolean);

  it('opens a session from the start page', async () => {
    facilitator = await person(env.browser, 'facilitator');
    const { page } = facilitator;
    joinCode = await openSession(page, env.server.url, /The TTL Trap/, {
      before: async () => {
        await page.getByLabel('Team label').fill('Checkout on-call');
        await screenshot(page, 'home');
      },
    });
  });

  it('lets three players join and take roles; a hostile name shows as text', async () => {
    ana = await person(env.browser, 'ana');
    mallory = await person(env.browser, 'mallory', { colorScheme: 'dark' });
    bo = await person(env.browser, 'bo', SCREENS.phone);
    for (const [who, name] of [
      [ana, 'Ana'],
      [mallory, XSS_NAME],
      [bo, 'Bo'],
    ] as const) {
      await joinTable(who.page, joinLink(env.server.url, joinCode), name);
    }
    await takeRole(ana.page, 'Incident Commander');
    await takeRole(mallory.page, 'Network Engineer');
    await takeRole(bo.page, 'Customer Support Lead');
    await roleSlot(bo.page, 'Customer Support Lead').getByText('Your role').waitFor();

    const lobby = facilitator.page;
    await roleSlot(lobby, 'Network Engineer').getByText(XSS_NAME, { exact: true }).waitFor();
    expect(await lobby.locator('.roles-board img').count()).toBe(0);
    await roleSlot(lobby, 'Incident Commander').getByText('Ana', { exact: true }).waitFor();
    await screenshot(lobby, 'lobby');
  });

  it('lets the facilitator move a player to another role, and remove one', async () => {
    await facilitator.page.getByLabel('Role for Bo').selectOption('sre');
    await roleSlot(bo.page, 'On-call SRE').getByText('Your role').waitFor();
    await roleSlot(facilitator.page, 'On-call SRE').getByText('Bo', { exact: true }).waitFor();

    const eve = await person(env.browser, 'eve');
    await joinTable(eve.page, joinLink(env.server.url, joinCode), 'Eve');
    await facilitator.page.getByRole('button', { name: 'Remove Eve from the table' }).click();
    await facilitator.page.getByRole('button', { name: 'Remove Eve', exact: true }).click();
    await eve.page.locator('.connection-banner.final').waitFor();
    await eve.page.reload();
    await eve.page.getByRole('heading', { name: 'Cannot take this seat' }).waitFor();
    expect(await eve.page.getByRole('alert').textContent()).toContain('removed');
    expect(eve.errors).toEqual([]);
    await eve.context.close();
  });

  it('briefs the table, shows each player only their own secrets, and starts', async () => {
    screen = await person(env.browser, 'big screen', { viewport: { width: 1600, height: 1000 } });
    await screen.page.goto(`${env.server.url}/#/screen/${joinCode}`);
    await screen.page.locator('.big-code').getByText(joinCode).waitFor();
    await screenshot(screen.page, 'big-screen-lobby');

    await facilitator.page.getByRole('button', { name: 'Brief the table' }).click();
    await ana.page.getByText('Only you know').waitFor();
    await expect.poll(() => ana.page.locator('.role-card').textContent()).toContain('change board');
    expect(await ana.page.locator('body').textContent()).not.toContain('staging zone by mistake');
    await facilitator.page.getByRole('button', { name: 'Start the quest' }).click();
    for (const who of [ana, mallory, bo])
      await who.page.getByRole('heading', { name: /Support is drowning/ }).waitFor();
  });

  it('jumps to any scene, and runs the clock in paced mode until stopped', async () => {
    const f = facilitator.page;
    await f.getByLabel('Jump to').selectOption({ label: 'Everything is green' });
    await f.getByRole('button', { name: 'Go', exact: true }).click();
    await mallory.page.getByRole('heading', { name: 'Everything is green' }).waitFor();
    await f.getByLabel('Jump to').selectOption({ label: '09:42 — Support is drowning' });
    await f.getByRole('button', { name: 'Go', exact: true }).click();
    await mallory.page.getByRole('heading', { name: /Support is drowning/ }).waitFor();

    const before = await f.locator('.clock-time').textContent();
    await f.getByLabel('Seconds per game minute').fill('1');
    await f.getByRole('button', { name: 'Run the clock' }).click();
    await ana.page.getByText('Running: 1 min every 1 s').waitFor();
    await expect.poll(() => f.locator('.clock-time').textContent(), { timeout: 10_000 }).not.toBe(before);
    await f.getByRole('button', { name: 'Stop paced mode' }).click();
    await ana.page.getByText('Moves with the story').waitFor();
  });

  it('carries votes, proposals, pages, improvised injects, coaching and raised hands', async () => {
    const f = facilitator.page;
    await choice(ana.page, 'Ask support what the failing customers')
      .getByRole('button', { name: 'Vote for this' })
      .click();
    await choice(f, 'Ask support what the failing customers').getByText('1 vote: Ana').waitFor();

    await bo.page.getByLabel('Propose an action').fill('Check what resolvers the failing customers use');
    await bo.page.getByRole('button', { name: 'Propose' }).click();
    await f.locator('.proposals').getByText('Check what resolvers the failing customers use').waitFor();

    await f.getByRole('button', { name: '+5 min' }).click();
    await bo.page.locator('.page-alerts').getByText('PAGE [SEV2] raised by Support').waitFor();
    await bo.page.screenshot({ path: `${ARTIFACTS}/player-phone-paged.png`, animations: 'disabled' });
    await bo.page.getByRole('button', { name: 'Acknowledge page' }).click();
    await bo.page.locator('.inject-feed').getByText('You acknowledged this page').waitFor();
    expect(await bo.page.locator('.page-alerts').count()).toBe(0);
    await f.getByText('Acknowledged by Bo').waitFor();

    await f.getByLabel('Improvised inject').fill('The CEO asks in #general whether the site is down.');
    await f.getByRole('button', { name: 'Reveal to everyone' }).click();
    await mallory.page
      .locator('.inject-feed')
      .getByText('The CEO asks in #general whether the site is down.')
      .waitFor();

    await f.getByRole('tab', { name: 'People' }).click();
    await f.getByLabel('Coach privately').selectOption({ label: 'Ana' });
    await f.getByLabel('Coaching note').fill('Ask the support lead what the tickets have in common.');
    await f.getByRole('button', { name: 'Send', exact: true }).click();
    await ana.page.locator('.coach-notes').getByText('Ask the support lead what the tickets have in common.').waitFor();
    expect(await bo.page.locator('body').textContent()).not.toContain('Ask the support lead what the tickets');

    await mallory.page.getByRole('button', { name: 'Raise hand' }).click();
    await f.locator('.hands-up').getByText(`Hand up: ${XSS_NAME}`).waitFor();

    await f.getByRole('tab', { name: 'Milestones' }).click();
    await f.getByLabel('Detected by').selectOption('monitoring');
    await f.getByRole('button', { name: 'Mark detected' }).click();
    await f
      .locator('.milestone-list')
      .getByText(/· monitoring$/)
      .waitFor();
    // The facilitator's mark came first: a declaration after it has nothing left to set.
    await bo.page.getByRole('button', { name: 'Declare incident' }).click();
    await bo.page.getByText(/The incident is already recorded, at \d\d:\d\d\./).waitFor();
    await screenshot(f, 'console');
    await f.getByRole('tab', { name: 'Injects' }).click();
    await screenshot(bo.page, 'player-phone');
  });

  it('brings a reloaded player back to the same seat', async () => {
    await bo.page.reload();
    await bo.page.getByRole('heading', { name: /Support is drowning/ }).waitFor();
    await expect.poll(() => bo.page.locator('.role-name').textContent()).toBe('On-call SRE');
    await bo.page.getByText('You acknowledged this page').waitFor();
  });

  it('shows a banner when the connection drops and recovers by itself', async () => {
    const anaId = await ana.page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('cq.seat.player.'));
      return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { playerId: string }).playerId : null;
    });
    for (const socket of env.server.io.of('/').sockets.values()) {
      if (socket.data.viewer.kind === 'player' && socket.data.viewer.playerId === anaId) socket.conn.close();
    }
    await ana.page.locator('.connection-banner').waitFor();
    await ana.page.locator('.connection-banner').waitFor({ state: 'detached' });
    const before = await facilitator.page.locator('.clock-time').textContent();
    await facilitator.page.getByRole('button', { name: '+1 min' }).click();
    await expect.poll(() => facilitator.page.locator('.clock-time').textContent()).not.toBe(before);
    const after = await facilitator.page.locator('.clock-time').textContent();
    await expect.poll(() => ana.page.locator('.clock-time').textContent()).toBe(after);
  });

  it('applies choices with dice to an ending, showing the roll', async () => {
    const f = facilitator.page;
    await choice(ana.page, 'Ask support what the failing customers').getByRole('button', { name: 'Apply' }).click();
    await ana.page.getByRole('heading', { name: /It works on 4G/ }).waitFor();
    await choice(f, 'Compare what the ISP resolvers').getByRole('button', { name: 'Apply' }).click();
    await choice(f, 'Move clients to a new API hostname').getByRole('button', { name: 'Apply' }).click();
    await ana.page.getByLabel('Note (optional)').fill('Apps on api2 are recovering');
    // Ana is the incident commander: her declaration counts at once, with nothing for the facilitator to confirm.
    await ana.page.getByRole('button', { name: 'Declare mitigated' }).click();
    await ana.page.getByText('You declared mitigated: recorded').waitFor();
    await f.locator('.milestone-list li.reached', { hasText: 'Mitigated' }).waitFor({ state: 'attached' });
    const ship = choice(f, 'Create api2, update remote config');
    await ship.getByLabel('Table dice (optional)').fill('25');
    await ship.getByRole('button', { name: 'Apply' }).click();
    await ship.getByText('A d20 shows 1 to 20; 25 cannot be right.').waitFor();
    await ship.getByLabel('Table dice (optional)').fill('17');
    await ship.getByRole('button', { name: 'Apply' }).click();
    await ana.page.locator('.roll-verdict').getByText('Success').waitFor();
    await screen.page.locator('.roll-verdict').getByText('Success').waitFor();
    await screenshot(screen.page, 'big-screen');
    await screenshot(ana.page, 'player');
    await screenshot(mallory.page, 'player-dark');
    await f.getByRole('tab', { name: 'Map' }).click();
    await f.locator('.map-panel').screenshot({ path: `${ARTIFACTS}/map.png`, animations: 'disabled' });

    const notify = choice(f, 'Call and write to each partner');
    await notify.getByLabel('Table dice (optional)').fill('20');
    await notify.getByRole('button', { name: 'Apply' }).click();
    await choice(f, 'Confirm every partner is syncing').getByRole('button', { name: 'Apply' }).click();
    for (const who of [facilitator, ana, mallory, bo])
      await who.page.getByRole('heading', { name: 'Around the cache' }).waitFor();
  });

  it('holds a debrief with run times, action items and the post-mortem draft', async () => {
    const f = facilitator.page;
    await mallory.page.getByLabel('New action item').fill('Verify TTL steps against the production zone');
    await mallory.page.getByLabel('Owner (optional)').fill('Network');
    await mallory.page.getByRole('button', { name: 'Add', exact: true }).click();
    await f.locator('.action-items').getByText('Verify TTL steps against the production zone').waitFor();
    await expect
      .poll(() => f.locator('pre.markdown').textContent())
      .toContain('Verify TTL steps against the production zone');
    expect(await f.locator('.run-times').textContent()).toMatch(/Time to detect\d+ min/);
    expect(await mallory.page.getByRole('button', { name: 'Copy Markdown' }).count()).toBe(0);
    await screenshot(f, 'debrief');
    await screenshot(mallory.page, 'debrief-player');
    await f.getByRole('button', { name: 'Close the session' }).click();
    await mallory.page.locator('.phase-badge').getByText('Closed').waitFor();
    expect(await mallory.page.getByLabel('New action item').count()).toBe(0);
  });

  it('lists the run in the metrics beside earlier runs, filtered by team', async () => {
    // History for the trends: records of earlier sessions (opened for real, their records seeded).
    for (const record of earlierRuns(Date.now())) {
      const response = await fetch(`${env.server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenarioId: 'dns-ttl-trap', team: record.team }),
      });
      const { sessionId } = (await response.json()) as { sessionId: string };
      await env.server.store.putIncidentRecord(sessionId, { ...record, sessionId });
    }
    const f = facilitator.page;
    await f.getByRole('link', { name: 'Metrics' }).click();
    await expect.poll(() => f.locator('.metrics-count').textContent()).toMatch(/^6 practice incidents/);
    // Every figure's definition is on the page beside the figures.
    expect(await f.locator('.figure-legend').textContent()).toContain('from the first signal the team could see');
    expect(await f.getByRole('rowheader', { name: /^MTTD/ }).getAttribute('title')).toContain('fault onset');
    // Real incidents beside practice: an upload, its skipped rows, then the side-by-side figures.
    await f.getByLabel('Incident CSV').setInputFiles(INCIDENTS_CSV);
    await f.getByRole('button', { name: 'Import incidents' }).click();
    await expect
      .poll(() => f.locator('.import-summary p').textContent())
      .toBe('Generic CSV: 4 new, 0 already imported, 5 rows skipped.');
    expect(await f.locator('.import-rejected li').first().textContent()).toBe(
      'Line 5: no service: every incident needs the service it hit',
    );
    await expect
      .poll(() => f.locator('.metrics-count').textContent())
      .toMatch(/^6 practice incidents · 4 real incidents/);
    const figures = f.getByRole('region', { name: 'Practice and real figures (scrolls)' });
    expect(await figures.getByRole('row', { name: /^MTTR/ }).textContent()).toMatch(/game clock\d of 6.*3 of 4/);
    const awareness = f.getByRole('region', { name: 'Who noticed first (scrolls)' });
    expect(await awareness.getByRole('row', { name: /^Customers/ }).textContent()).toMatch(
      /0 of 6 ?25% ?1 of 4 ?0% ?0 of 1 ?– ?0 of 0$/,
    );
    const mtbf = f.getByRole('region', { name: 'Mean time between failures (scrolls)' });
    await expect.poll(() => mtbf.getByRole('row', { name: /^checkout 2 / }).count()).toBe(1);
    expect(await mtbf.getByRole('row', { name: /^api / }).count()).toBe(0);
    await screenshot(f, 'metrics');
    await f.setViewportSize(SIZES.phone);
    await screenshot(f, 'metrics-phone');
    await f.setViewportSize(LAPTOP);
    const [download] = await Promise.all([
      f.waitForEvent('download'),
      f.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('chaos-quest-metrics.csv');
    expect(
      readFileSync(await download.path(), 'utf8')
        .split('\n')
        .filter((line) => line.includes('dns-ttl-trap')),
    ).toHaveLength(6);
    await f.getByLabel('Team', { exact: true }).selectOption('Checkout on-call');
    await expect.poll(() => f.locator('.metrics-count').textContent()).toMatch(/^1 practice incident /);
    expect(await f.locator('.incident-table tbody tr').count()).toBe(1);
  });

  it('opened no dialog and logged no errors anywhere', () => {
    expect(people().flatMap((p) => p.dialogs)).toEqual([]);
    expect(people().flatMap((p) => p.errors)).toEqual([]);
  });
});
