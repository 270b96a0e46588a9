import type { IncidentRecord } from '@chaos-quest/engine';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChaosServer } from '../../server/src/app.ts';
import { TestClient } from '../server/harness.ts';
import { ARTIFACTS, person, SCREENS, screenshot, serverAndBrowser, SIZES, type Person } from './harness.ts';
import { earlierRuns } from './practice-records.ts';

/**
 * The metrics page in real Chromium: real incidents uploaded in each documented shape beside the
 * practice runs, the definitions on the page, a run left out of the figures with its reason, and a
 * closed run's debrief opened through a read-only link, on a laptop and on a phone.
 */
const fixture = (name: string) => new URL(`../fixtures/incidents/${name}`, import.meta.url).pathname;
const TEAM = 'Night shift';
const REASON = 'Training run for two new hires';

/** History: five weekly runs of one team, the last two paged by the dynamic baseline too, and detected by it. */
function history(now: number): IncidentRecord[] {
  return earlierRuns(now).map((r, i) =>
    i < 3
      ? { ...r, monitoring: 'thresholds', detectionSource: i === 0 ? 'customer' : 'team' }
      : { ...r, monitoring: 'thresholds+baseline', detectionSource: 'monitoring' },
  );
}

/** Opens a session of the shipped TTL Trap over HTTP and plays it to a closed debrief over a real socket. */
async function closedRun(server: ChaosServer): Promise<string> {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: 'dns-ttl-trap', team: TEAM }),
  });
  const { sessionId, facilitatorToken } = (await response.json()) as { sessionId: string; facilitatorToken: string };
  const facilitator = await TestClient.connect(server.url, { token: facilitatorToken });
  try {
    for (const command of [
      { type: 'session.start' },
      { type: 'clock.advance', minutes: 12 },
      { type: 'milestone.mark', milestone: 'detected' },
      { type: 'session.end', outcome: 'partial' },
      { type: 'action-item.add', text: 'Review resolver TTL changes' },
      { type: 'session.close' },
    ] as const)
      expect(await facilitator.send(command)).toMatchObject({ ok: true });
  } finally {
    facilitator.close();
  }
  return sessionId;
}

describe('the metrics page', () => {
  const env = serverAndBrowser();
  let admin: Person;
  let reader: Person;
  let link = '';

  beforeAll(async () => {
    const { server } = env;
    for (const record of history(Date.now())) {
      const response = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenarioId: 'dns-ttl-trap', team: record.team }),
      });
      const { sessionId } = (await response.json()) as { sessionId: string };
      await server.store.putIncidentRecord(sessionId, { ...record, sessionId });
    }
    await closedRun(server);
  });

  it('imports real incidents in each documented shape, broken rows named, and shows them beside practice', async () => {
    // The server's own machine: the admin of a server without CQ_ADMIN_KEY.
    admin = await person(env.browser, 'admin', { viewport: SIZES.laptop });
    const page = admin.page;
    await page.goto(`${env.server.url}/#/metrics`);
    await expect.poll(() => page.locator('.metrics-count').textContent()).toMatch(/^6 practice incidents · 0 real/);
    expect(await page.locator('.figure-legend').textContent()).toContain('from the first signal the team could see');
    expect(await page.getByRole('rowheader', { name: /^MTTA/ }).getAttribute('title')).toMatch(/^Wall clock/);
    const uploads: [string, RegExp, RegExp][] = [
      ['generic.csv', /^Generic CSV: 4 new, 0 already imported, 5 rows skipped\.$/, /^Line 5: no service/],
      ['pagerduty.csv', /: 2 new, 0 already imported, 2 rows skipped\.$/, /^Line \d+: /],
      [
        'opsgenie.csv',
        /^Opsgenie alert or incident export: 3 new, 0 already imported, 2 rows skipped\.$/,
        /^Line \d+: /,
      ],
    ];
    for (const [file, summary, firstRejected] of uploads) {
      await page.getByLabel('Incident CSV').setInputFiles(fixture(file));
      await page.getByRole('button', { name: 'Import incidents' }).click();
      await expect.poll(() => page.locator('.import-summary p').textContent()).toMatch(summary);
      expect(await page.locator('.import-rejected li').first().textContent()).toMatch(firstRejected);
    }
    await expect.poll(() => page.locator('.metrics-count').textContent()).toMatch(/^6 practice incidents · 9 real/);
    const figures = page.getByRole('region', { name: 'Practice and real figures (scrolls)' });
    expect(await figures.getByRole('row', { name: /^MTTD/ }).textContent()).toMatch(/game clock6 of 6.*4 of 9/);
    const awareness = page.getByRole('region', { name: 'Who noticed first (scrolls)' });
    const monitoring = await awareness.getByRole('row', { name: /^Monitoring/ }).textContent();
    // Practice, real, then practice paged by fixed alerts only (the three older runs and tonight's) and with the dynamic baseline.
    expect(monitoring).toMatch(/^Monitoring33% ?2 of 6\d+% ?\d of 9 ?0% ?0 of 4 ?100% ?2 of 2$/);
  });

  it('draws each scenario’s trend per team with uPlot, against the scenario’s own baseline', async () => {
    const page = admin.page;
    const chart = page.locator('.trend-chart').filter({ hasText: 'The TTL Trap' });
    await chart.locator('canvas').first().waitFor();
    await page.getByLabel('Figure', { exact: true }).selectOption('mttd');
    expect(await chart.locator('figcaption').textContent()).toMatch(/6 of 6 runs reached it · baseline \d+ min/);
    expect(await chart.locator('.trend-plot').getAttribute('aria-label')).toMatch(
      /^Time to detect on The TTL Trap\. Night shift: .*; Payments on-call: from 30 min to 14 min \(5 of 5 runs\)\./,
    );
    expect(await chart.locator('.u-legend').textContent()).toContain('Baseline (median)');
  });

  it('leaves a run out of the figures with its reason, and says so beside the figures', async () => {
    const page = admin.page;
    const partial = page.locator('.run-list tbody tr').filter({ hasText: 'partial' }).filter({ hasText: 'Payments' });
    await partial.getByRole('button', { name: 'Note or leave out' }).click();
    await page.getByLabel('Note (optional)').fill('Two seats were empty');
    await page.getByLabel('Leave this run out of the figures').check();
    await page.getByLabel('Why it is left out').fill(REASON);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.metrics-count').textContent())
      .toMatch(/^5 practice incidents \(1 more left out\)/);
    expect(await page.locator('.excluded-note').textContent()).toContain(`1 excluded`);
    expect(await page.locator('.excluded-note li').textContent()).toBe(`The TTL Trap: ${REASON}`);
    const figures = page.getByRole('region', { name: 'Practice and real figures (scrolls)' });
    expect(await figures.getByRole('row', { name: /^MTTD/ }).textContent()).toMatch(/game clock5 of 5/);
    expect(await partial.locator('td.left-out').textContent()).toBe(`Left out: ${REASON}Note: Two seats were empty`);
    // Kept: the reload reads it back from the server.
    await page.reload();
    await expect.poll(() => page.locator('.excluded-note li').textContent()).toBe(`The TTL Trap: ${REASON}`);
    await screenshot(page, 'metrics-laptop');
    await page.setViewportSize(SIZES.phone);
    await screenshot(page, 'metrics-phone');
    // Scrolled to its last column on a phone, the table still says which figure each number is.
    await figures.evaluate((region) => region.scrollTo({ left: region.scrollWidth }));
    const region = (await figures.boundingBox())!;
    const name = (await figures.getByRole('rowheader', { name: /^MTTD/ }).boundingBox())!;
    expect(region.width).toBeLessThan(SIZES.phone.width);
    expect(name.x).toBeGreaterThanOrEqual(region.x);
    expect(name.x + name.width).toBeLessThan(region.x + region.width / 2);
    await figures.screenshot({ path: join(ARTIFACTS, 'metrics-phone-figures-scrolled.png') });
    await page.setViewportSize(SIZES.laptop);
  });

  it('shares a closed run read-only: its debrief opens from the link, with nothing to change', async () => {
    const page = admin.page;
    const row = page.locator('.run-list tbody tr').filter({ hasText: TEAM });
    await row.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('button', { name: 'Make a read-only link' }).click();
    const field = page.getByLabel('Read-only link (copy it now: it is shown only once)');
    await expect.poll(() => field.inputValue()).toMatch(/#\/debrief\/[A-Za-z0-9_-]{43}$/);
    link = await field.inputValue();
    // The list is asked for again once the link is made, so it can trail the field by a request.
    await expect.poll(() => page.locator('.share-links li').count()).toBe(1);

    reader = await person(env.browser, 'reader', SCREENS.phone);
    await reader.page.goto(link);
    await reader.page.getByRole('heading', { name: 'The TTL Trap' }).waitFor();
    expect(await reader.page.locator('.link-state').textContent()).toBe('Read-only');
    expect(await reader.page.locator('.outcome-word').textContent()).toContain('Partial success');
    expect(await reader.page.locator('.action-items').textContent()).toContain('Review resolver TTL changes');
    expect(await reader.page.getByLabel('New action item').count()).toBe(0);
    expect(await reader.page.getByRole('button', { name: 'Close the session' }).count()).toBe(0);
    expect(await reader.page.getByText('Post-mortem draft').count()).toBe(0);
    // The dashboards' story comes over HTTP with the link's token, as the socket brings it to a seat.
    await reader.page.getByText('What could have told you').waitFor();
    await reader.page.locator('.metric-plot canvas').first().waitFor();
    await screenshot(reader.page, 'read-only-debrief-phone');
    await reader.page.setViewportSize(SIZES.laptop);
    await screenshot(reader.page, 'read-only-debrief-laptop');
  });

  it('revokes the link from the run list', async () => {
    const page = admin.page;
    await page.locator('.share-links li').getByRole('button', { name: 'Revoke' }).click();
    await expect
      .poll(() => page.locator('.share-run').textContent())
      .toContain('No read-only link opens this debrief.');
    const token = link.split('#/debrief/')[1] ?? '';
    const answer = await fetch(`${env.server.url}/api/debrief`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(404);
  });

  it('opened no dialog and logged no errors anywhere', () => {
    expect([admin, reader].flatMap((p) => p.dialogs)).toEqual([]);
    expect([admin, reader].flatMap((p) => p.errors)).toEqual([]);
  });
});
