import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { person, screenshot, serverAndBrowser, SIZES, type Person } from './harness.ts';

/**
 * The scenario studio (issue 17) in real Chromium against a real server started with CQ_STUDIO=1 on
 * a temporary scenarios folder: write a scenario from an empty file, fix a diagnostic by following its
 * message, save, read the graph, run tests and simulate; and see a change made on disk arrive.
 */
const SHIPPED = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A small scenario with a typo in one goto: the studio must say so and how to fix it. */
const FIRST_QUEST = `format: chaos-quest/1
id: first-quest
title: The First Quest
summary: A deploy breaks logins; roll back or wait.
difficulty: intro
duration: 30
services: [login]
clock: { start: "09:00", timebox: 60 }
roles:
  - id: ic
    name: Incident Commander
    brief: You coordinate the response.
    can_apply_choices: true
system:
  components:
    - { id: web, name: Web front end }
    - { id: auth, name: Login service, depends_on: [web] }
escalation:
  - { level: 1, who: On-call engineer, after: 0 }
fault: { starts_at: 0, affects: [auth], summary: A bad deploy }
start: alert
scenes:
  - id: alert
    narration: Logins fail for a third of users since the 09:00 deploy.
    choices:
      - { id: look, label: Open the login dashboards, takes: 5, goto: dashboards }
  - id: dashboards
    milestone: detected
    narration: The errors began with the 09:00 deploy.
    choices:
      - { id: rollback, label: Roll back the deploy, takes: 5, goto: recoverd }
      - { id: wait, label: Wait and watch, takes: 20, goto: lost }
endings:
  - { id: recovered, outcome: success, milestone: resolved }
  - { id: lost, outcome: failure }
`;

describe('the scenario studio', () => {
  let dir: string;
  const people: Person[] = [];
  const env = serverAndBrowser(
    () => {
      dir = mkdtempSync(join(tmpdir(), 'cq-studio-e2e-'));
      copyFileSync(join(SHIPPED, 'dns-ttl-trap.yaml'), join(dir, 'dns-ttl-trap.yaml'));
      return { scenariosDir: dir, env: { CQ_STUDIO: '1' } };
    },
    {
      after: () => {
        rmSync(dir, { recursive: true, force: true });
        for (const p of people) expect(p.errors).toEqual([]);
      },
    },
  );

  async function studio(name: string, viewport: { width: number; height: number }): Promise<Person> {
    const who = await person(env.browser, name, { viewport });
    people.push(who);
    return who;
  }

  const editorText = (page: Page) => page.locator('.cm-content').innerText();
  const diagnostics = (page: Page) => page.getByRole('region', { name: 'Diagnostics' });

  it('writes a new scenario from an empty file, fixes a diagnostic by its message, saves, and runs its tests and simulate', async () => {
    const { page } = await studio('author', SIZES.laptop);
    await page.goto(`${env.server.url}/#/studio`);
    await page.getByRole('textbox', { name: 'New file' }).fill('first-quest');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/#\/studio\/first-quest\.yaml$/);
    expect(readFileSync(join(dir, 'first-quest.yaml'), 'utf8')).toBe('');

    await page.getByLabel('first-quest.yaml text').click();
    await page.keyboard.insertText(FIRST_QUEST);
    await expect.poll(() => page.getByText('● unsaved').isVisible()).toBe(true);

    // The engine's own diagnostic, inline and in the list, says what to write instead.
    const typo = diagnostics(page).getByRole('button', { name: /CQ2002/ });
    await typo.waitFor();
    const message = (await typo.textContent()) ?? '';
    expect(message).toMatch(/^first-quest\.yaml:\d+:\d+: error CQ2002 /);
    const suggestion = /Did you mean '([^']+)'\?/.exec(message)?.[1];
    expect(suggestion).toBe('recovered');
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await screenshot(page, 'studio-diagnostic-laptop');

    // Clicking it puts the cursor on the word; replace the word with what the message suggests.
    await typo.click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('goto: recoverd');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.insertText(suggestion ?? '');
    await expect.poll(() => diagnostics(page).locator('h3').innerText()).toBe('No problems');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByText('● unsaved').count()).toBe(0);
    expect(readFileSync(join(dir, 'first-quest.yaml'), 'utf8')).toBe(FIRST_QUEST.replace('recoverd', 'recovered'));

    // The graph: a click on an ending moves the editor to its line.
    const graph = page.getByRole('region', { name: 'Scenario graph' });
    await graph.getByRole('button', { name: /ending, success recovered/ }).click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('id: recovered');
    await expect.poll(() => graph.locator('.studio-node').count()).toBe(4);

    await page.getByRole('button', { name: 'Run tests' }).click();
    await page.getByRole('region', { name: 'Test report' }).getByText('Tests: 0 passed, 0 failed').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Playtest to the success ending; the graph lights the path.
    const playtest = page.getByRole('region', { name: 'Solo playtest' });
    await playtest.getByRole('button', { name: 'Open the login dashboards' }).first().click();
    await playtest.getByRole('button', { name: 'Roll back the deploy' }).first().click();
    await playtest.getByText('Ending reached: recovered').waitFor();
    await expect.poll(() => graph.getByRole('button', { name: /on the playtest path/ }).count()).toBe(3);
    await screenshot(page, 'studio-playtest-laptop');
    // A button's name starts with what it shows (WCAG 2.5.3), so "Back to here" is what a voice user says.
    expect(await seriousViolations(page)).toEqual([]);

    // Step back to the dashboards and take the other branch, to the failure ending.
    await playtest.getByRole('button', { name: /^Back to here, step 1/ }).click();
    await playtest.getByRole('button', { name: 'Wait and watch' }).first().click();
    await playtest.getByText('Ending reached: lost').waitFor();
    await expect
      .poll(() => graph.getByRole('button', { name: /ending, failure lost, on the playtest path/ }).count())
      .toBe(1);
    expect(await graph.getByRole('button', { name: /recovered, on the playtest path/ }).count()).toBe(0);

    // Save the path as a test: it lands under the file's tests, the file is saved, and it passes.
    await playtest.getByLabel('Test name').fill('waiting loses the day');
    await playtest.getByRole('button', { name: 'Save path as test' }).click();
    await expect
      .poll(() => readFileSync(join(dir, 'first-quest.yaml'), 'utf8'))
      .toContain('- name: waiting loses the day');
    expect(readFileSync(join(dir, 'first-quest.yaml'), 'utf8')).toMatch(
      /\ntests:\n {2}- name: waiting loses the day\n/,
    );
    await expect.poll(() => page.getByText('● unsaved').count()).toBe(0);
    await page.getByRole('button', { name: 'Run tests' }).click();
    const tests = page.getByRole('region', { name: 'Test report' });
    await tests.getByText('Tests: 1 passed, 0 failed').waitFor();
    expect(await tests.getByRole('row', { name: /waiting loses the day passed/ }).count()).toBe(1);

    await page.getByLabel('Runs').fill('50');
    await page.getByRole('button', { name: 'Simulate' }).click();
    const report = page.getByRole('region', { name: 'Simulation report' });
    await report.getByText('Simulation: 50 runs').waitFor();
    const rows = await report.getByRole('row').allInnerTexts();
    expect(rows.some((r) => r.startsWith('recovered'))).toBe(true);
    expect(rows.some((r) => r.startsWith('lost'))).toBe(true);
    await screenshot(page, 'studio-laptop');
  });

  it('follows a change made on disk, and asks before leaving unsaved edits', async () => {
    const author = await studio('disk-author', SIZES.projector);
    const { page } = author;
    await page.goto(`${env.server.url}/#/studio/dns-ttl-trap.yaml`);
    await expect.poll(() => editorText(page)).toContain('title: The TTL Trap');
    await page.getByRole('region', { name: 'Scenario graph' }).locator('.studio-node').first().waitFor();
    await screenshot(page, 'studio-projector');

    // Play two steps, then change the file on disk: the studio reloads it and replays the same steps.
    const playtest = page.getByRole('region', { name: 'Solo playtest' });
    await playtest.getByRole('button', { name: 'Check the API and load balancer dashboards' }).first().click();
    await playtest.getByRole('button', { name: "Investigate yesterday's iOS 5.2 release" }).first().click();
    await playtest.getByRole('heading', { name: 'Path (2 steps)' }).waitFor();

    const onDisk = readFileSync(join(dir, 'dns-ttl-trap.yaml'), 'utf8');
    writeFileSync(join(dir, 'dns-ttl-trap.yaml'), onDisk.replace('title: The TTL Trap', 'title: The TTL Trap Returns'));
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('title: The TTL Trap Returns');
    await page.getByRole('status').getByText('changed on disk; reloaded').waitFor();
    expect(await playtest.getByRole('heading', { name: 'Path (2 steps)' }).count()).toBe(1);
    expect(await playtest.getByRole('alert').count()).toBe(0);

    // A version where the second step's choice is gone: the replay says where the path stops fitting.
    writeFileSync(
      join(dir, 'dns-ttl-trap.yaml'),
      onDisk
        .replace('title: The TTL Trap', 'title: The TTL Trap Returns')
        .replaceAll('blame-release', 'blame-the-release'),
    );
    await playtest
      .getByRole('alert')
      .getByText(/no longer fits at step 2/)
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'studio-replay-projector');

    // Completion from the schema: at the top level, the keys a scenario may have, with what they take.
    await page.getByLabel('dns-ttl-trap.yaml text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\ndiff');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.getByText('difficulty').waitFor();
    expect(await completion.innerText()).toContain('"intro" | "medium" | "hard"');
    await page.keyboard.press('Escape');
    // Hover docs on a key say what the schema allows there.
    await page.keyboard.press('Control+Home');
    await page
      .locator('.cm-line', { hasText: /^title:/ })
      .getByText('title', { exact: true })
      .hover();
    await expect.poll(() => page.locator('.studio-hover').innerText()).toContain('at most 200 characters');

    // Unsaved edits: following a link asks first, and a "no" keeps the page.
    // The harness answers every dialog with "no" and records it.
    await page.getByRole('link', { name: 'Sessions' }).click();
    expect(author.dialogs).toEqual([expect.stringContaining('unsaved changes')]);
    expect(page.url()).toMatch(/#\/studio\/dns-ttl-trap\.yaml$/);

    // Another author's edit lands on disk while ours is unsaved: saving does not overwrite it, and says so.
    const path = join(dir, 'dns-ttl-trap.yaml');
    const theirs = `${readFileSync(path, 'utf8')}# their note\n`;
    writeFileSync(path, theirs);
    await page.keyboard.press('Control+s');
    await page
      .getByRole('status')
      .getByText(/Not saved: .*changed on disk since you opened it/)
      .waitFor();
    const banner = page.locator('.studio-disk');
    await banner.getByText('changed on disk while you have unsaved edits').waitFor();
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    // The refused save is the one HTTP error this page should have met, and the only thing it logged.
    expect(author.errors).toEqual([
      expect.stringMatching(/HTTP 412 PUT .*dns-ttl-trap\.yaml$/),
      expect.stringContaining('status of 412'),
    ]);
    author.errors.length = 0;
    await screenshot(page, 'studio-conflict-projector');
    // Keeping ours, knowingly: the next save overwrites theirs.
    await banner.getByRole('button', { name: 'Keep my edits (saving overwrites it)' }).click();
    await page.keyboard.press('Control+s');
    await page.getByRole('status').getByText('Saved dns-ttl-trap.yaml.').waitFor();
    expect(readFileSync(path, 'utf8')).toContain('\ndiff');
    expect(readFileSync(path, 'utf8')).not.toContain('# their note');
    writeFileSync(path, onDisk);
  });

  it('says clearly on a phone that it needs a wider screen', async () => {
    const { page } = await studio('phone-author', SIZES.phone);
    await page.goto(`${env.server.url}/#/studio/dns-ttl-trap.yaml`);
    await page.getByRole('note').getByText('The studio needs a wider screen').waitFor();
    expect(await page.locator('.studio-editor').isVisible()).toBe(false);
    await screenshot(page, 'studio-phone');
  });
});
