import { describe, expect, it } from 'vitest';
import {
  joinLink,
  joinTable,
  openSession,
  person,
  type Person,
  readableTimelineLines,
  smallestDrawnText,
  screenshot,
  serverAndBrowser,
  SIZES,
  takeRole,
} from './harness.ts';

/**
 * Detection as play (issue 11) in real Chromium: a facilitator opens "The Lagging Replica" with
 * the dynamic baseline on, a player watches the dashboards, gets the predictive page, declares the
 * incident from it, the facilitator confirms the declaration in the console, and the debrief draws
 * when each signal came against the team's detection, timed from the declaration.
 */
describe('detection from dashboards and alerts', () => {
  const env = serverAndBrowser();
  let facilitator: Person;
  let sre: Person;
  let joinCode = '';

  it('opens a session with the dynamic baseline, and the table sees dashboards and a predictive page', async () => {
    facilitator = await person(env.browser, 'facilitator', { viewport: SIZES.laptop });
    const { page } = facilitator;
    joinCode = await openSession(page, env.server.url, /The Lagging Replica/, {
      before: () => page.getByLabel('Monitoring').selectOption('thresholds+baseline'),
    });
    await expect.poll(() => page.getByLabel('Monitoring').inputValue()).toBe('thresholds+baseline');

    sre = await person(env.browser, 'sre', { viewport: SIZES.laptop });
    await joinTable(sre.page, joinLink(env.server.url, joinCode), 'Ana');
    await takeRole(sre.page, 'On-call SRE');
    await page.getByRole('button', { name: 'Start the quest' }).click();

    // Play began after the fault's onset: the alerts already firing page the table at once.
    const alerts = sre.page.getByRole('alert', { name: 'Pages to acknowledge' });
    await alerts
      .getByText(/PREDICTIVE:/)
      .first()
      .waitFor();
    await sre.page.locator('.metric-chart canvas').first().waitFor();
    expect(await sre.page.locator('.metric-chart').count()).toBe(3);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await sre.page.setViewportSize(viewport);
      await screenshot(sre.page, `detection-player-${size}`);
    }
    await sre.page.setViewportSize(SIZES.laptop);
    await facilitator.page.getByRole('tab', { name: 'System' }).click();
    await facilitator.page.locator('.metric-chart canvas').first().waitFor();
    await screenshot(facilitator.page, 'detection-console-laptop');
  });

  it('puts the dashboards on the big screen, and gives a session on fixed rules only no predictive page', async () => {
    const screen = await person(env.browser, 'screen', { viewport: SIZES.projector });
    await screen.page.goto(`${env.server.url}/#/screen/${joinCode}`);
    await screen.page.locator('.metric-chart canvas').first().waitFor();
    // A graph five levels deep is laid out across the wide panel: drawn larger than top to bottom
    // (its smallest text 12 px there), and it leaves the timeline room for more than its newest line.
    await expect.poll(() => smallestDrawnText(screen.page, '.big-system svg')).toBeGreaterThan(13);
    expect(await readableTimelineLines(screen.page)).toBeGreaterThanOrEqual(2);
    await screenshot(screen.page, 'detection-big-screen-projector');

    const other = await person(env.browser, 'other-facilitator', { viewport: SIZES.laptop });
    const code = await openSession(other.page, env.server.url, /The Lagging Replica/, {
      before: () => other.page.getByLabel('Monitoring').selectOption('thresholds'),
    });
    const bo = await person(env.browser, 'bo', { viewport: SIZES.laptop });
    await joinTable(bo.page, joinLink(env.server.url, code), 'Bo');
    await takeRole(bo.page, 'On-call SRE');
    await other.page.getByRole('button', { name: 'Start the quest' }).click();
    const pages = bo.page.getByRole('alert', { name: 'Pages to acknowledge' });
    await pages.getByText(/orders-api 5xx above 5%/).waitFor();
    expect(await pages.getByText(/PREDICTIVE:/).count()).toBe(0);
    expect([...screen.errors, ...other.errors, ...bo.errors]).toEqual([]);
    for (const who of [screen, other, bo]) await who.context.close();
  });

  it('takes the declaration from an alert, the facilitator confirms it, and the debrief times detection from it', async () => {
    const { page } = sre;
    const console = facilitator.page;
    // Five game minutes in, so the declaration's minute and the confirmation's differ.
    await console.getByRole('button', { name: '+5 min' }).click();
    await expect.poll(() => page.locator('.mini-clock').textContent()).toMatch(/\d\d:\d\d/);
    await page.getByLabel('What told you?').selectOption('alert');
    await page.getByLabel('Which alert?').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Declare incident' }).click();
    await page.getByText(/You declared an incident: waiting for the facilitator to confirm/).waitFor();
    const declaredAt = ((await console.locator('.mini-clock').textContent()) ?? '').trim();

    const waiting = console.getByRole('region', { name: /Waiting for your answer \(1\)/ });
    await waiting.getByText(`Ana (On-call SRE) declares an incident at ${declaredAt} from an alert`).waitFor();
    await console.getByRole('button', { name: '1 waiting for you' }).waitFor();
    await screenshot(console, 'declaration-pending-console-laptop');
    await console.setViewportSize(SIZES.phone);
    await screenshot(console, 'declaration-pending-console-phone');
    await waiting.getByRole('button', { name: 'Change source or time…' }).click();
    expect(await waiting.getByLabel('What told them').inputValue()).toBe('alert');
    await screenshot(console, 'declaration-change-console-phone');
    await waiting.getByRole('button', { name: 'Back' }).click();
    await console.setViewportSize(SIZES.laptop);

    await console.getByRole('button', { name: '+5 min' }).click();
    await expect.poll(() => console.locator('.mini-clock').textContent()).not.toContain(declaredAt);
    await waiting.getByRole('button', { name: `Confirm at ${declaredAt}` }).click();
    await waiting.waitFor({ state: 'detached' });
    await page.getByText(/You declared an incident: confirmed/).waitFor();
    expect(await console.getByRole('button', { name: /waiting for you/ }).count()).toBe(0);

    await console.getByRole('tab', { name: /End/ }).click();
    await console.getByRole('button', { name: 'End the quest…' }).click();
    await console.getByRole('button', { name: /End now/ }).click();
    const story = console.locator('p.story');
    await story.waitFor();
    expect(await story.textContent()).toMatch(
      new RegExp(
        `You detected it at ${declaredAt} \\(monitoring\\)\\. The dynamic baseline flagged Replication lag at \\d\\d:\\d\\d, \\d+ minutes before you\\.`,
      ),
    );
    // The fault began three minutes before play; the declaration came five minutes into it.
    const ttd = console.locator('.run-times li', { hasText: 'Time to detect' });
    expect(await ttd.locator('.run-game').textContent()).toBe('8 min');
    const detected = console.locator('.milestone-table tr', { hasText: 'Detected' });
    expect(await detected.textContent()).toMatch(
      /monitoring, declared by Ana \(On-call SRE\) from an alert \(.+\), confirmed by the facilitator/,
    );
    for (const [size, viewport] of Object.entries(SIZES)) {
      await console.setViewportSize(viewport);
      await screenshot(console, `detection-debrief-${size}`);
    }
    expect([...facilitator.errors, ...sre.errors]).toEqual([]);
  });
});
