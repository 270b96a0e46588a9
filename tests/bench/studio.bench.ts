/**
 * Studio benchmark (issue 17): typing in a scenario of 500+ lines (the largest shipped one,
 * db-failover-lag.yaml), the time from a keystroke to the engine's diagnostics for the new text being
 * on screen, in headless Chromium against the real server (CQ_STUDIO=1), measured inside the page:
 * from the key event's timestamp to the frame after the diagnostics list re-rendered for that text:
 * first the checks that need no exploring (on the page's thread), then validate's full set with the
 * deep checks (from a worker).
 * Baseline in the same run: the same keystroke to the frame after CodeMirror showed the character
 * (the editor alone, no checks). Prints median, p90 and ratios against the 150 ms target and the
 * baseline; asserts nothing about time.
 *
 *   npm run bench:studio [-- --quick] [-- --json]
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildClient, distIsStale } from '../e2e/build-client.ts';
import { launchChromium, startServer } from '../e2e/harness.ts';
import { median, percentile, printTable } from './lib/stats.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const json = argv.includes('--json');
const KEYSTROKES = quick ? 15 : 60;
const WARM_UP = 5;
const TARGET_MS = 150;
const FILE = 'db-failover-lag.yaml';
const SHIPPED = fileURLToPath(new URL('../../scenarios/', import.meta.url));

interface Marks {
  key: number;
  typed: number | null;
  /** The checks that need no exploring, shown. */
  checked: number | null;
  /** validate's full set (the deep checks, from the worker), shown. */
  deep: number | null;
}

/** Installs the in-page probes: the key event's time, CodeMirror's DOM change and the list's next check, each to the next frame. */
async function installProbe(page: Page): Promise<void> {
  // As source text: tsx would wrap named functions in a helper that does not exist in the page.
  await page.evaluate(`(() => {
    const probe = { marks: [] };
    window.__cqStudio = probe;
    const list = document.querySelector('.studio-diagnostics');
    const content = document.querySelector('.studio-editor')?.shadowRoot?.querySelector('.cm-content');
    if (!list || !content) throw new Error('The studio is not open.');
    document.addEventListener('keydown', (event) => {
      probe.marks.push({ key: event.timeStamp, typed: null, checked: null, deep: null });
    }, true);
    new MutationObserver(() => {
      const mark = probe.marks.at(-1);
      if (mark && mark.typed === null) requestAnimationFrame(() => { mark.typed ??= performance.now(); });
    }).observe(content, { subtree: true, childList: true, characterData: true });
    new MutationObserver((records) => {
      const mark = probe.marks.at(-1);
      if (!mark) return;
      for (const record of records) {
        const name = record.attributeName === 'data-checks' ? 'checked' : 'deep';
        if (mark[name] === null) requestAnimationFrame(() => { mark[name] ??= performance.now(); });
      }
    }).observe(list, { attributes: true, attributeFilter: ['data-checks', 'data-deep-checks'] });
  })()`);
}

async function keystroke(page: Page, key: string): Promise<Marks> {
  const before = await page.evaluate(
    () => (window as unknown as { __cqStudio: { marks: Marks[] } }).__cqStudio.marks.length,
  );
  await page.keyboard.press(key);
  await page.waitForFunction(
    (n) => {
      const mark = (window as unknown as { __cqStudio: { marks: Marks[] } }).__cqStudio.marks[n];
      return mark !== undefined && mark.typed !== null && mark.checked !== null && mark.deep !== null;
    },
    before,
    { timeout: 10_000 },
  );
  // A pause longer than the studio's debounce, so each keystroke gets a check of its own.
  await page.waitForTimeout(100);
  return page.evaluate(
    (n) => (window as unknown as { __cqStudio: { marks: Marks[] } }).__cqStudio.marks[n] as Marks,
    before,
  );
}

async function main(): Promise<void> {
  if (distIsStale()) await buildClient();
  const dir = mkdtempSync(join(tmpdir(), 'cq-studio-bench-'));
  copyFileSync(join(SHIPPED, FILE), join(dir, FILE));
  const lines = readFileSync(join(dir, FILE), 'utf8').split('\n').length;
  const { server, stop } = await startServer({ scenariosDir: dir, env: { CQ_STUDIO: '1' } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/#/studio/${FILE}`);
    await page.locator('.studio-diagnostics h3').waitFor();
    await page.locator('.studio-node').first().waitFor();
    await installProbe(page);
    // Type at the end of the title: every keystroke changes the text the engine checks.
    await page.getByLabel(`${FILE} text`).click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const toChecked: number[] = [];
    const toTyped: number[] = [];
    const toDeep: number[] = [];
    for (let i = 0; i < WARM_UP + KEYSTROKES; i++) {
      // Letters and Backspace in turn, so the file keeps its size.
      const mark = await keystroke(page, i % 2 === 0 ? 'x' : 'Backspace');
      if (i < WARM_UP || mark.typed === null || mark.checked === null || mark.deep === null) continue;
      toTyped.push(mark.typed - mark.key);
      toChecked.push(mark.checked - mark.key);
      toDeep.push(mark.deep - mark.key);
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    const figures = {
      quick,
      file: FILE,
      lines,
      keystrokes: toChecked.length,
      toDiagnosticsMedianMs: round(median(toChecked)),
      toDiagnosticsP90Ms: round(percentile(toChecked, 0.9)),
      targetMs: TARGET_MS,
      toDiagnosticsOverTarget: Math.round((median(toChecked) / TARGET_MS) * 100) / 100,
      toFullCheckMedianMs: round(median(toDeep)),
      toFullCheckP90Ms: round(percentile(toDeep, 0.9)),
      toFullCheckOverTarget: Math.round((median(toDeep) / TARGET_MS) * 100) / 100,
      editorOnlyMedianMs: round(median(toTyped)),
      diagnosticsOverEditorOnly: Math.round((median(toChecked) / median(toTyped)) * 10) / 10,
    };
    printTable(`Studio: keystroke to diagnostics shown (${FILE}, ${lines} lines, ${toChecked.length} keystrokes)`, [
      ['median', `${figures.toDiagnosticsMedianMs} ms`],
      ['p90', `${figures.toDiagnosticsP90Ms} ms`],
      [`median ÷ ${TARGET_MS} ms target`, `${figures.toDiagnosticsOverTarget}`],
      ['with the deep checks (worker), median', `${figures.toFullCheckMedianMs} ms`],
      ['with the deep checks (worker), p90', `${figures.toFullCheckP90Ms} ms`],
      [`deep median ÷ ${TARGET_MS} ms target`, `${figures.toFullCheckOverTarget}`],
      ['baseline: keystroke to the character shown (median)', `${figures.editorOnlyMedianMs} ms`],
      ['diagnostics ÷ baseline', `${figures.diagnosticsOverEditorOnly}×`],
    ]);
    if (json) console.log(JSON.stringify(figures));
  } finally {
    await browser.close();
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
