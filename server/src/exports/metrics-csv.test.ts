import { FIGURE_DEFINITIONS, type RunAnnotation } from '@chaos-quest/engine';
import { practiceRecord } from '@chaos-quest/engine/testing';
import { describe, expect, it } from 'vitest';
import { metricsCsv } from './metrics-csv.ts';

const MIN = 60_000;

/** The data rows (before the empty line) as objects by header name; naive split, for rows without quoted commas. */
function table(csv: string): Record<string, string>[] {
  const [head, ...rows] = (csv.split('\r\n\r\n')[0] ?? '').split('\r\n');
  const names = head?.split(',') ?? [];
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i], v])));
}

describe('metricsCsv', () => {
  it('writes each figure as its definition measures it, the wall clock only where the definition says so', () => {
    const record = practiceRecord({ start: 0, onset: -38, detect: 41, resolve: 80, monitoring: 'thresholds' });
    record.firstSignal = { game: 1, wall: MIN, kind: 'page' };
    record.milestones.firstPage = { game: 1, wall: MIN, source: 'page' };
    record.milestones.acknowledged = { game: 1, wall: MIN + 95_000, source: 'page' };
    const [row] = table(metricsCsv([record]));
    expect(row).toMatchObject({
      mttd_game_min: '41',
      reaction_game_min: '2',
      mtta_wall_ms: '95000',
      mttm_game_min: '',
      mttr_game_min: '80',
      monitoring: 'thresholds',
      excluded: 'no',
    });
    expect(Object.keys(row ?? {}).filter((k) => k.endsWith('_wall_ms'))).toEqual(['mtta_wall_ms', 'session_wall_ms']);
  });

  it('marks a run left out of the figures with its reason, keeps notes, and guards typed text', () => {
    const annotations: RunAnnotation[] = [
      { sessionId: 's0', note: '=cmd()', excluded: true, reason: 'training run', at: 0 },
      { sessionId: `s${MIN}`, note: 'new IC', excluded: false, reason: null, at: 0 },
    ];
    const rows = table(metricsCsv([practiceRecord({ start: 0 }), practiceRecord({ start: MIN })], annotations));
    expect(rows.map((r) => [r['excluded'], r['exclusion_reason'], r['note']])).toEqual([
      ['yes', 'training run', "'=cmd()"],
      ['no', '', 'new IC'],
    ]);
  });

  it('writes every column’s definition after the rows, so the file explains itself', () => {
    const csv = metricsCsv([practiceRecord({ start: 0, team: 'a,"b"' })]);
    const [data, definitions] = csv.split('\r\n\r\n');
    expect(data?.split('\r\n')[1]).toMatch(/^s0,dns,"a,""b""",/);
    expect(definitions?.split('\r\n')[0]).toBe('column,definition');
    expect(definitions).toContain('fault onset to detection');
    expect(definitions).toContain(FIGURE_DEFINITIONS.mtta.practice.slice(0, 40));
    expect(definitions).toMatch(/^excluded,/m);
  });

  it('guards typed team labels a spreadsheet would run as formulas, and writes our ids and numbers as they are', () => {
    const teams = [
      '=HYPERLINK("http://evil.example")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      ' \t=cmd()',
      '-5',
      '+4.5',
      'a-team',
    ];
    const csv = metricsCsv([
      practiceRecord({ start: 0, sessionId: '-Ab_9' }),
      ...teams.map((team, i) => practiceRecord({ start: i + 1, sessionId: `_x${i}`, team })),
    ]);
    const rows = (csv.split('\r\n\r\n')[0] ?? '').split('\r\n').slice(1);
    expect(rows[0]).toMatch(/^-Ab_9,dns,blue,checkout,success,\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(rows.slice(1).map((row) => row.split(',dns,')[1]?.split(',checkout,')[0])).toEqual([
      `"'=HYPERLINK(""http://evil.example"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "' \t=cmd()",
      '-5',
      '+4.5',
      'a-team',
    ]);
  });
});
