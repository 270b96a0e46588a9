import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  joinLink,
  joinTable,
  openSession,
  person,
  type Person,
  screenshot,
  serverAndBrowser,
  SIZES,
  takeRole,
} from './harness.ts';

/**
 * The post-mortem half of issue 12 in real Chromium: a facilitator ends "The TTL Trap" early, the
 * scenario's questions stay, two players and the facilitator write what went well, what was hard
 * and where they got lucky from their own screens, the facilitator adds an action item with owner
 * and priority, the draft carries all of it, and the blameless check offers a rewrite for a
 * sentence that blames a person, without stopping anyone from writing it.
 */
const BLAMING = 'Bo forgot to check the resolver before the cutover';

async function join(browser: Browser, url: string, code: string, name: string, role: string, phone = false) {
  const who = await person(browser, name, { viewport: phone ? SIZES.phone : SIZES.laptop });
  await joinTable(who.page, joinLink(url, code), name);
  await takeRole(who.page, role);
  return who;
}

async function addNote(page: Page, kind: string, text: string) {
  const notes = page.locator('.debrief-notes');
  await notes.getByRole('radio', { name: kind }).check();
  await notes.getByLabel('Your note').fill(text);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await notes.locator('.note-column li').getByText(text, { exact: true }).waitFor();
}

describe('the post-mortem at the debrief', () => {
  const env = serverAndBrowser();
  let facilitator: Person;
  let ana: Person;
  let bo: Person;

  it('ends a session early and keeps the scenario’s debrief questions', async () => {
    facilitator = await person(env.browser, 'facilitator', { viewport: SIZES.laptop });
    const f = facilitator.page;
    const code = await openSession(f, env.server.url, /The TTL Trap/);
    ana = await join(env.browser, env.server.url, code, 'Ana', 'On-call SRE', true);
    bo = await join(env.browser, env.server.url, code, 'Bo', 'Incident Commander');
    await f.getByRole('button', { name: 'Start the quest' }).click();
    await f.getByRole('tab', { name: /End/ }).click();
    await f.getByRole('button', { name: 'End the quest…' }).click();
    await f.getByLabel('Outcome').selectOption('failure');
    await f.getByRole('button', { name: 'End now: failure' }).click();
    for (const who of [facilitator, ana, bo]) {
      const questions = who.page.getByRole('region', { name: 'Questions for the team' });
      await questions.locator('.prompts li').first().waitFor();
      expect(await questions.locator('.prompts li').count()).toBeGreaterThan(0);
    }
  });

  it('takes notes from players and the facilitator, and an action item, into the draft', async () => {
    const f = facilitator.page;
    await addNote(ana.page, 'Went well', 'The page reached the on-call within a minute');
    await addNote(f, 'We got lucky', 'It happened in the quietest hour of the week');

    // Bo types a sentence that blames a person: the check offers a rewrite as he types, and lets him post it.
    const notes = bo.page.locator('.debrief-notes');
    await notes.getByRole('radio', { name: 'Was hard' }).check();
    await notes.getByLabel('Your note').fill(BLAMING);
    const hint = notes.locator('.note-hint .blameless-hint');
    await hint.getByText('Bo forgot').waitFor();
    expect(await hint.textContent()).toContain('The step was missed because');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.locator('.note-column li').getByText(BLAMING).waitFor();

    const items = f.locator('.action-items');
    await items.getByLabel('New action item').fill('Verify TTL steps against the production zone');
    await items.getByLabel('Owner (optional)').fill('Network team');
    await items.getByLabel('Priority (optional)').selectOption('high');
    await items.getByRole('button', { name: 'Add', exact: true }).click();
    await items.getByText('Owner: Network team · high priority').waitFor();

    const draft = f.locator('pre.markdown');
    for (const text of [
      'The page reached the on\\-call within a minute',
      'It happened in the quietest hour of the week',
      'Bo forgot to check the resolver before the cutover',
      '| Verify TTL steps against the production zone | Network team | high |',
    ])
      await expect.poll(() => draft.textContent()).toContain(text);
    const check = f.getByRole('region', { name: 'Blameless check of the draft' });
    await check.getByText('Bo forgot').first().waitFor();
    expect(await check.textContent(), 'one phrase, one piece of advice').toMatch(
      /one phrase to reconsider before sharing/,
    );
    expect(await check.textContent()).toContain('Consider: The step was missed because');

    // Everyone at the table sees every note; the blaming one carries its rewrite on every screen.
    for (const who of [facilitator, ana, bo]) {
      const column = who.page.getByRole('region', { name: 'Was hard' });
      await column.getByText(BLAMING).waitFor();
      expect(await column.locator('.blameless-hint').textContent()).toContain('The step was missed because');
    }
  });

  it('lays the debrief out for a laptop and a phone', async () => {
    for (const who of [facilitator, ana]) {
      for (const size of ['phone', 'laptop'] as const) {
        await who.page.setViewportSize(SIZES[size]);
        // The charts take their width from a ResizeObserver after the resize: wait for the page to settle.
        await expect
          .poll(() => who.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
            message: `${who.name} at ${size} scrolls sideways`,
          })
          .toBeLessThanOrEqual(0);
        await screenshot(who.page, `postmortem-${who.name}-${size}`);
        // The part this issue built, close enough to read.
        await who.page
          .locator('.notes-panel')
          .screenshot({ path: `${ARTIFACTS}/postmortem-${who.name}-notes-${size}.png`, animations: 'disabled' });
      }
    }
    for (const who of [facilitator, ana, bo]) expect(who.errors).toEqual([]);
  });
});
