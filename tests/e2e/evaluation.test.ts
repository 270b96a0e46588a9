import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MeMessage, ViewMessage } from '@chaos-quest/engine';
import type { EvidenceManifest } from '../../server/src/exports/evidence-pack.ts';
import { loadLibrary } from '../golden/library.ts';
import { auditFrames } from '../server/frame-audit.ts';
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

/**
 * An exercise in real Chromium: a facilitator, an evaluator and three players play the shipped
 * "Keys in the Wild" with objectives. The evaluator's notes and ratings never reach a player's
 * socket; players fill the hot wash; the facilitator signs off, downloads the evidence pack (its
 * manifest's hashes match its files), a later edit is refused, and the report prints to PDF.
 */
const NOTE = 'Security deactivated the key within two minutes of the notice';
const AREA = 'Nobody checked for a second access key before declaring containment';
const CAUSE = 'The runbook stops at rotating the leaked key';
const REASONS = [
  'Fast, but persistence was found late',
  'Snapshots taken before termination',
  'Regulator call drafted, not sent',
];
// Loaded as the server loads it: its metric's baseline is a CSV beside the file.
const SCENARIO = loadLibrary().find((s) => s.file === 'leaked-credentials.yaml')?.scenario;

/** Every Socket.IO text frame a page receives, as the server sent it. */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && frames.push(f.payload)));
  return frames;
}

/** The whole `view` and `me` messages among raw Socket.IO frames (`42["view",{…}]`), for the DESIGN audit. */
function messages(frames: readonly string[]): (ViewMessage | MeMessage)[] {
  return frames.flatMap((f) => {
    if (!f.startsWith('42')) return [];
    const [event, body] = JSON.parse(f.slice(2)) as [string, ViewMessage | MeMessage];
    return event === 'view' || event === 'me' ? [body] : [];
  });
}

describe('an exercise with an evaluator, in the browser', () => {
  const env = serverAndBrowser();
  let facilitator: Person;
  let evaluator: Person;
  let players: Person[] = [];
  const playerFrames: string[][] = [];
  let sessionId = '';
  let joinCode = '';
  let evaluatorLink = '';

  it('opens an exercise with its plan under test and invites an evaluator', async () => {
    facilitator = await person(env.browser, 'facilitator', { viewport: SIZES.laptop });
    const f = facilitator.page;
    joinCode = await openSession(f, env.server.url, /Keys in the Wild/, {
      before: async () => {
        await f.getByLabel('Team label').fill('Cloud security');
        await f.getByLabel('Plan', { exact: true }).fill('Incident response plan');
        await f.getByLabel('Version').fill('4.2');
      },
    });
    sessionId = decodeURIComponent(new URL(f.url()).hash.split('/')[2] ?? '');
    await f.getByText('Testing Incident response plan, version 4.2.').waitFor();
    await f.getByRole('button', { name: 'Make feedback forms anonymous' }).click();
    await f.getByRole('button', { name: 'Feedback forms are anonymous' }).waitFor();
    await f.getByRole('button', { name: 'Invite evaluators' }).click();
    evaluatorLink = (await f.locator('.evaluator-url').textContent()) ?? '';
    expect(evaluatorLink).toMatch(/#\/evaluate\/[A-Za-z0-9_-]{40,}$/);

    evaluator = await person(env.browser, 'evaluator', { viewport: SIZES.laptop });
    await evaluator.page.goto(evaluatorLink);
    await evaluator.page.getByLabel('Your name').fill('Eve Evaluator');
    await evaluator.page.getByRole('button', { name: 'Take the evaluator’s seat' }).click();
    await evaluator.page.getByText('Evaluator: Eve Evaluator').waitFor();
    await f.getByText('Seated: Eve Evaluator').waitFor();
  });

  it('seats three players whose sockets are recorded', async () => {
    players = [
      await person(env.browser, 'ana'),
      await person(env.browser, 'bo'),
      await person(env.browser, 'cy', SCREENS.phone),
    ];
    const roles = ['Incident Commander', 'Security Engineer', 'Platform Engineer'];
    for (const [i, who] of players.entries()) {
      playerFrames.push(recordFrames(who.page));
      await joinTable(who.page, joinLink(env.server.url, joinCode), ['Ana', 'Bo', 'Cy'][i] ?? '');
      await takeRole(who.page, roles[i] ?? '');
      await roleSlot(who.page, roles[i] ?? '')
        .getByText('Your role')
        .waitFor();
    }
  });

  it('lets the evaluator record observations during play, pinned to both clocks and the inject', async () => {
    const f = facilitator.page;
    await f.getByRole('button', { name: 'Brief the table' }).click();
    await f.getByRole('button', { name: 'Start the quest' }).click();
    const e = evaluator.page;
    await e
      .locator('.now-line')
      .getByText(/Two messages at once/)
      .waitFor();
    await e
      .getByLabel('Objective', { exact: true })
      .selectOption({ label: "Contain the attacker's access by game minute 60" });
    await e.getByLabel('Observation', { exact: true }).fill(NOTE);
    await e.getByRole('button', { name: 'Record' }).click();
    await e.locator('.observations').getByText(NOTE).waitFor();
    await e.getByLabel('Area for improvement').check();
    await e.getByLabel('Observation', { exact: true }).fill(AREA);
    await e.getByLabel('Root cause (optional)').fill(CAUSE);
    await e.getByRole('button', { name: 'Record' }).click();
    await e.locator('.observations').getByText(`Root cause: ${CAUSE}`).waitFor();
    expect(await e.locator('.observations li').first().textContent()).toMatch(
      /game \d\d:\d\d · \d\d:\d\d:\d\d · after “/,
    );
    // Watching is all an evaluator's seat does: the screen offers no game control at all.
    expect(await e.getByRole('button', { name: /Apply|Start|Pause|Reveal/ }).count()).toBe(0);

    await f
      .locator('li.choice')
      .filter({ hasText: 'Deactivate the leaked key right now' })
      .getByRole('button', { name: 'Apply' })
      .click();
    await e.locator('.task-met').getByText('Deactivate the leaked access key').waitFor();
    await screenshot(e, 'evaluator-laptop');
    await e.setViewportSize(SIZES.phone);
    await screenshot(e, 'evaluator-phone');
    await e.setViewportSize(SIZES.laptop);

    await f.getByRole('tab', { name: /End/ }).click();
    await f.getByRole('button', { name: 'End the quest…' }).click();
    await f.getByLabel('Outcome').selectOption('partial');
    await f.getByRole('button', { name: /End now/ }).click();
    for (const who of players) await who.page.getByRole('heading', { name: 'Hot wash' }).waitFor();
  });

  it('takes each player’s hot-wash form and votes, and the evaluator’s ratings', async () => {
    for (const [i, who] of players.entries()) {
      const p = who.page;
      await p.getByLabel('What went well?').fill(`Player ${i + 1}: the roles were clear`);
      await p
        .getByLabel('What should we improve?')
        .fill(`Player ${i + 1}: ${['rotate every key', 'page privacy sooner', 'practise CloudTrail'][i]}`);
      await p.getByLabel(String(3 + (i % 3)), { exact: true }).check();
      await p.getByRole('button', { name: 'Send my feedback' }).click();
      await p.getByText('Thank you: your feedback is in.').waitFor();
    }
    for (const who of players) {
      await expect.poll(() => who.page.locator('.area-votes li').count()).toBe(3);
      await who.page
        .locator('.area-votes li')
        .filter({ hasText: 'rotate every key' })
        .getByRole('button', { name: 'Vote' })
        .click();
    }
    await expect
      .poll(() => players[2]?.page.locator('.area-votes li').first().locator('.vote-count').textContent())
      .toBe('3');
    await screenshot(players[2]?.page as Page, 'hotwash-phone');

    const e = evaluator.page;
    const forms = e.locator('.rate-form');
    await expect.poll(() => forms.count()).toBe(3);
    for (const [i, rating] of (['S', 'P', 'M'] as const).entries()) {
      const form = forms.nth(i);
      await form.getByRole('radio', { name: new RegExp(`^${rating} `) }).check();
      await form.getByLabel('Reason').fill(REASONS[i] ?? '');
      await form.getByRole('button', { name: 'Rate' }).click();
      await form.getByText(`Your rating: ${rating}`).waitFor();
    }
    await facilitator.page
      .locator('.rating-reason')
      .getByText(REASONS[2] ?? '')
      .waitFor();
  });

  it('never sends a player the evaluation record (frame audit)', () => {
    const notes = [NOTE, AREA, CAUSE, ...REASONS];
    for (const frames of playerFrames) {
      expect(frames.length).toBeGreaterThan(5);
      for (const frame of frames) {
        for (const note of notes) expect(frame).not.toContain(note);
        expect(frame).not.toContain('"observations"');
        expect(frame).not.toContain('"exercise"');
      }
      expect(auditFrames(SCENARIO as never, 'no-seed-given', messages(frames), notes)).toEqual([]);
    }
  });

  it('signs off, downloads an evidence pack whose manifest matches its files, and refuses later edits', async () => {
    const f = facilitator.page;
    await f.getByLabel('Issue (an area for improvement)').fill(AREA);
    await f
      .getByLabel('Corrective action', { exact: true })
      .fill('Add a step to list and revoke every key the attacker created');
    await f.getByLabel('Objective', { exact: true }).selectOption({ index: 1 });
    await f.getByLabel('Capability element', { exact: true }).selectOption('planning');
    await f.getByLabel('Priority', { exact: true }).selectOption('high');
    await f.getByLabel('Owner', { exact: true }).fill('Security lead');
    await f.getByLabel('Organisation', { exact: true }).fill('Security');
    await f.getByLabel('Due', { exact: true }).fill('2040-03-31');
    await f.getByRole('button', { name: 'Add to the improvement plan' }).click();
    await f.locator('.improvement-plan').getByText('Add a step to list and revoke every key').waitFor();
    await screenshot(f, 'exercise-debrief');
    await f.getByLabel('Signed off by', { exact: true }).fill('Fran Facilitator');
    await f.getByRole('button', { name: 'Sign off and freeze the record' }).click();
    await f.locator('.signed-off').getByText('Signed off by Fran Facilitator').first().waitFor();
    await evaluator.page.locator('.signed-off').waitFor();

    // A later edit: closing the session writes to its record, so it is refused, with the reason.
    await f.getByRole('button', { name: 'Close the session' }).click();
    await f.getByText(/signed off by Fran Facilitator; its record is frozen/).waitFor();

    const dir = join(ARTIFACTS, 'evidence');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const [download] = await Promise.all([
      f.waitForEvent('download'),
      f.getByRole('button', { name: 'Evidence pack' }).click(),
    ]);
    const zipPath = join(dir, download.suggestedFilename());
    await download.saveAs(zipPath);
    const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as EvidenceManifest;
    expect(manifest.signedOff?.name).toBe('Fran Facilitator');
    expect(manifest.plan).toEqual({ name: 'Incident response plan', version: '4.2' });
    expect(manifest.files.map((x) => x.name).sort()).toEqual([
      'after-action-report.md',
      'controls.md',
      'feedback-summary.md',
      'improvement-plan.csv',
      'improvement-plan.json',
      'incident-record.json',
      'log.jsonl',
      'roster.csv',
    ]);
    for (const file of manifest.files) {
      const bytes = files[file.name] as Uint8Array;
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    const report = strFromU8(files['after-action-report.md'] as Uint8Array);
    expect(report).toContain('Signed off by Fran Facilitator');
    expect(strFromU8(files['roster.csv'] as Uint8Array)).toContain('Eve Evaluator,evaluator,Evaluator');
    expect(strFromU8(files['controls.md'] as Uint8Array)).toMatch(
      /\d of 7 elements of PCI DSS 12\.10\.1 were exercised/,
    );
    expect(strFromU8(files['feedback-summary.md'] as Uint8Array)).toContain('3 forms, anonymous');
    // The log names who sent each command, so an anonymous form's answers stay out of it.
    const log = strFromU8(files['log.jsonl'] as Uint8Array);
    expect(log).toContain('"type":"feedback.submit","redacted":"anonymous"');
    expect(log).not.toContain('rotate every key');
    expect(manifest.redacted).toMatch(/anonymous/);
    for (const who of [facilitator, evaluator, ...players])
      expect(who.errors.filter((x) => !x.includes('HTTP 4'))).toEqual([]);
  });

  it('prints the report to PDF in Chromium, and its pages are turned into images', async () => {
    const page = await facilitator.context.newPage();
    await page.setViewportSize(SIZES.laptop);
    await page.goto(`${env.server.url}/#/report/${sessionId}`);
    await page.getByRole('heading', { name: 'Keys in the Wild' }).waitFor();
    await screenshot(page, 'report-laptop');
    await page.setViewportSize(SIZES.phone);
    await screenshot(page, 'report-phone');
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(ARTIFACTS, 'evidence', 'after-action-report.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const prefix = join(ARTIFACTS, 'report-pdf-page');
    for (const old of readdirSync(ARTIFACTS).filter((n) => n.startsWith('report-pdf-page')))
      rmSync(join(ARTIFACTS, old));
    const toPng = spawnSync('pdftoppm', ['-png', '-r', '70', pdfPath, prefix], { encoding: 'utf8' });
    expect(toPng.status, toPng.stderr).toBe(0);
    const pages = readdirSync(ARTIFACTS).filter((n) => n.startsWith('report-pdf-page') && n.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).stdout;
    for (const expected of ['Keys in the Wild', 'Executive summary', NOTE, CAUSE, 'Fran Facilitator'])
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    expect(text).not.toContain('Print or save as PDF');
    await page.close();
  });

  it('shows each objective’s rating by game day in the team’s metrics', async () => {
    const f = facilitator.page;
    await f.goto(`${env.server.url}/#/metrics`);
    await f.getByLabel('Team', { exact: true }).selectOption('Cloud security');
    const table = f.locator('table.objective-trend');
    await table
      .getByRole('row', { name: /Notify the regulator within 72 hours/ })
      .getByRole('cell', { name: 'M', exact: true })
      .waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    await table.screenshot({ path: `${ARTIFACTS}/objective-trend.png`, animations: 'disabled' });
  });
});
