import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ChaosServer } from '../../server/src/app.ts';
import { launchChromium, person, screenshot, startServer, type Person } from './harness.ts';

/**
 * Detection as play (issue 11) in real Chromium: a facilitator opens "The Lagging Replica" with
 * the dynamic baseline on, a player watches the dashboards, gets the predictive page, declares the
 * incident from it, the facilitator confirms the declaration in the console, and the debrief draws
 * when each signal came against the team's detection, timed from the declaration.
 */
const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
  projector: { width: 1920, height: 1080 },
} as const;

describe('detection from dashboards and alerts', () => {
  let server: ChaosServer;
  let stopServer: () => Promise<void>;
  let browser: Browser;
  let facilitator: Person;
  let sre: Person;
  let joinCode = '';

  beforeAll(async () => {
    ({ server, stop: stopServer } = await startServer());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stopServer?.();
  });

  it('opens a session with the dynamic baseline, and the table sees dashboards and a predictive page', async () => {
    facilitator = await person(browser, 'facilitator', { viewport: SIZES.laptop });
    const { page } = facilitator;
    await page.goto(server.url);
    await page.getByRole('radio', { name: /The Lagging Replica/ }).check();
    await page.getByLabel('Monitoring').selectOption('thresholds+baseline');
    await page.getByRole('button', { name: 'Open a session' }).click();
    await expect.poll(() => page.locator('.join-code').textContent()).toMatch(/^[A-Z0-9]{6}$/);
    joinCode = (await page.locator('.join-code').textContent()) ?? '';
    await expect.poll(() => page.getByLabel('Monitoring').inputValue()).toBe('thresholds+baseline');

    sre = await person(browser, 'sre', { viewport: SIZES.laptop });
    await sre.page.goto(`${server.url}/#/join/${joinCode}`);
    await sre.page.getByLabel('Your name').fill('Ana');
    await sre.page.getByRole('button', { name: 'Join' }).click();
    await sre.page
      .getByRole('region', { name: 'On-call SRE', exact: true })
      .getByRole('button', { name: 'Take this role' })
      .click();
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
    await facilitator.page.locator('.metric-chart canvas').first().waitFor();
    await screenshot(facilitator.page, 'detection-console-laptop');
  });

  it('puts the dashboards on the big screen, and gives a session on fixed rules only no predictive page', async () => {
    const screen = await person(browser, 'screen', { viewport: SIZES.projector });
    await screen.page.goto(`${server.url}/#/screen/${joinCode}`);
    await screen.page.locator('.metric-chart canvas').first().waitFor();
    await screenshot(screen.page, 'detection-big-screen-projector');

    const other = await person(browser, 'other-facilitator', { viewport: SIZES.laptop });
    await other.page.goto(server.url);
    await other.page.getByRole('radio', { name: /The Lagging Replica/ }).check();
    await other.page.getByLabel('Monitoring').selectOption('thresholds');
    await other.page.getByRole('button', { name: 'Open a session' }).click();
    await expect.poll(() => other.page.locator('.join-code').textContent()).toMatch(/^[A-Z0-9]{6}$/);
    const code = (await other.page.locator('.join-code').textContent()) ?? '';
    const bo = await person(browser, 'bo', { viewport: SIZES.laptop });
    await bo.page.goto(`${server.url}/#/join/${code}`);
    await bo.page.getByLabel('Your name').fill('Bo');
    await bo.page.getByRole('button', { name: 'Join' }).click();
    await bo.page
      .getByRole('region', { name: 'On-call SRE', exact: true })
      .getByRole('button', { name: 'Take this role' })
      .click();
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

    await console.getByRole('button', { name: 'End the quest…' }).click();
    await console.getByRole('button', { name: /End now/ }).click();
    const story = console.locator('p.story');
    await story.waitFor();
    expect(await story.textContent()).toMatch(
      new RegExp(
        `You detected it at ${declaredAt} \\(monitoring\\)\\. The dynamic baseline flagged it at \\d\\d:\\d\\d, \\d+ minutes before you\\.`,
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
