import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  ARTIFACTS,
  joinLink,
  joinTable,
  openSession,
  person,
  screenshot,
  serverAndBrowser,
  SIZES,
  takeRole,
} from './harness.ts';

/**
 * Format 1.1 in real Chromium (issue 15): a facilitator opens the threat hunt with practised
 * procedures chosen at creation and its attack chain dealt face down, the analyst rolls the procedure
 * that is theirs, and the console shows the turn, counters, parameters and the dealt chain; the ransomware exercise shows its module, discussion
 * questions and the regulator's deadline with the time left.
 */
describe('a format 1.1 exercise in the console', () => {
  const env = serverAndBrowser();

  it('opens the hunt with practised procedures, and the analyst rolls the log review', async () => {
    const facilitator = await person(env.browser, 'hunt-facilitator', { viewport: SIZES.laptop });
    const { page } = facilitator;
    const joinCode = await openSession(page, env.server.url, /Ten Turns to Find Them/, {
      before: async () => {
        await page.getByLabel('The team has practised these procedures before').selectOption('yes');
        // The attack chain is dealt at random unless the facilitator fixes it here.
        const chain = page.getByLabel("The intruder's attack chain (dealt at random unless set)");
        expect(await chain.inputValue()).toBe('');
        expect(await chain.locator('option').first().textContent()).toBe('Dealt at random');
        await screenshot(page, 'format-1-1-create-laptop');
      },
    });

    const analyst = await person(env.browser, 'hunt-analyst', { viewport: SIZES.phone });
    await joinTable(analyst.page, joinLink(env.server.url, joinCode), 'Ana');
    await takeRole(analyst.page, 'SOC Analyst');
    await page.getByRole('button', { name: 'Start the quest' }).click();
    await page.locator('.choice', { hasText: 'Open the hunt' }).getByRole('button', { name: 'Apply' }).click();
    // The analyst's screen offers the procedure the analyst rolls, and only that one among the checks.
    const review = analyst.page.locator('.choice', { hasText: 'Review the SIEM and proxy logs' });
    await review.getByLabel(/result|dice|physical/i).fill('8');
    await review.getByRole('button', { name: 'Apply' }).click();
    expect(
      await analyst.page
        .locator('.choice', { hasText: 'Capture and analyse memory' })
        .getByRole('button', { name: 'Apply' })
        .count(),
    ).toBe(0);

    const state = page.getByRole('region', { name: 'Story state' });
    await state.getByText('practised these procedures').waitFor();
    await expect.poll(() => state.textContent()).toMatch(/Choices applied\s*2/);
    expect(await state.textContent()).toContain('yes');
    // The chain dealt at setup, face down: in the facilitator's state panel, nowhere on the analyst's screen.
    const dealt = state.getByRole('list', { name: 'Cards dealt at setup' }).locator('li');
    expect(await dealt.count()).toBe(1);
    const chains = ['The patient tunnel', 'The cleaned workstation', 'The disguised task'];
    expect(chains).toContain(await dealt.locator('.deck-card-title').textContent());
    const seen = (await analyst.page.locator('body').textContent()) ?? '';
    for (const title of chains) expect(seen).not.toContain(title);
    // 8 + 3 for the practised procedure = 11 against 11: the way in is found.
    expect(await page.locator('.timeline').textContent()).toContain('d20 8 + 3 = 11 vs 11: success');
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await screenshot(page, `format-1-1-hunt-console-${size}`);
      // The console scrolls inside its columns: the state panel, with the dealt chain, is shot on its own.
      await state.screenshot({ path: join(ARTIFACTS, `format-1-1-hunt-state-${size}.png`), animations: 'disabled' });
    }
    await page.setViewportSize(SIZES.laptop);
    await screenshot(analyst.page, 'format-1-1-hunt-player-phone');

    // A natural 1 draws a complication card: the whole table reads it, and the console lists it as drawn.
    await page.locator('.choice', { hasText: 'Back to the hunt' }).getByRole('button', { name: 'Apply' }).click();
    const capture = page.locator('.choice', { hasText: 'Capture and analyse memory' });
    await capture.getByLabel('Table dice (optional)').fill('1');
    await capture.getByRole('button', { name: 'Apply' }).click();
    await analyst.page
      .getByText(/Card drawn from complications: /)
      .first()
      .waitFor();
    const drawnCards = state.getByRole('list', { name: 'Cards drawn, newest first' }).locator('li');
    await expect.poll(() => drawnCards.count()).toBe(1);
    await screenshot(analyst.page, 'format-1-1-hunt-card-player-phone');
    await state.screenshot({ path: join(ARTIFACTS, 'format-1-1-hunt-card-state-laptop.png'), animations: 'disabled' });
  });

  it('shows the ransomware exercise module by module, with its questions and the regulator deadline', async () => {
    const facilitator = await person(env.browser, 'ransom-facilitator', { viewport: SIZES.laptop });
    const { page } = facilitator;
    await openSession(page, env.server.url, /Seventy-Two Hours/);
    await page.getByRole('button', { name: 'Start the quest' }).click();
    const state = page.getByRole('region', { name: 'Story state' });
    await state.getByText('Module 1 of 3: Detection and first response').waitFor();
    expect(await state.getByRole('list', { name: 'Discussion questions' }).locator('li').count()).toBe(3);
    const apply = async (label: string, dice?: string) => {
      const card = page.locator('.choice', { hasText: label });
      if (dice) await card.getByLabel('Table dice (optional)').fill(dice);
      await card.getByRole('button', { name: 'Apply' }).click();
    };
    await apply('Open the endpoint console');
    await apply('Cut the file servers');
    await apply('Trace what left the network', '12');
    await state.getByText('Module 2 of 3: Containment and the ransom note').waitFor();
    // The exfiltration is confirmed at 04:50 on the game clock: 72 hours from then.
    const deadlines = state.getByRole('list', { name: 'Deadlines' });
    await expect
      .poll(() => deadlines.textContent())
      .toContain('Regulator notice (72 hours) 3 d 0 h left, due Day 4 04:50');
    for (const size of ['laptop', 'projector'] as const) {
      await page.setViewportSize(SIZES[size]);
      await screenshot(page, `format-1-1-ransomware-console-${size}`);
    }
  });
});
