import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { detectFormat } from './formats.ts';
import { parseInstant } from './instant.ts';
import { readIncidentCsv } from './read-incidents.ts';

const HEADER = 'service,title,severity,team,started,detected,acknowledged,mitigated,resolved,detected_by';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and line breaks inside quotes, and gives each row its line', () => {
    const csv = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n');
    expect(csv).toEqual({
      ok: true,
      header: ['a', 'b'],
      rows: [
        { row: 2, cells: ['x, y', 'say "hi"'] },
        { row: 4, cells: ['two\nlines', 'z'] },
      ],
    });
  });

  it('refuses a quote that never closes, naming its line', () => {
    expect(parseCsv('a,b\n1,"open\n')).toMatchObject({ ok: false, message: expect.stringContaining('line 2') });
  });
});

describe('parseInstant', () => {
  it('reads ISO 8601 with and without an offset (as UTC), dates, and epoch ms or seconds', () => {
    expect(parseInstant('2025-03-01T09:42:00Z')).toBe(Date.UTC(2025, 2, 1, 9, 42));
    expect(parseInstant('2025-03-01 09:42')).toBe(Date.UTC(2025, 2, 1, 9, 42));
    expect(parseInstant('2025-03-01T10:42:00+01:00')).toBe(Date.UTC(2025, 2, 1, 9, 42));
    expect(parseInstant('2025-03-01T09:42:00.250-0130')).toBe(Date.UTC(2025, 2, 1, 11, 12, 0, 250));
    expect(parseInstant('2025-03-01')).toBe(Date.UTC(2025, 2, 1));
    expect(parseInstant('1740822120000')).toBe(1740822120000);
    expect(parseInstant('1740822120')).toBe(1740822120000);
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['yesterday', '2025-02-30', '2025-13-01', '2025-03-01T25:00', ''])
      expect(parseInstant(bad)).toBeNull();
  });
});

describe('readIncidentCsv', () => {
  it('keeps good rows, reports bad ones with line and reason, and reports a repeated incident', () => {
    const text = [
      HEADER,
      'checkout,Errors,SEV1,payments,2025-03-01T09:00Z,2025-03-01T09:30Z,2025-03-01T09:31Z,,2025-03-01T10:00Z,Customer',
      ',No service,,,2025-03-01T09:00Z,,,,,',
      'dns,Backwards,,,2025-03-01T09:00Z,2025-03-01T08:00Z,,,,',
      'dns,Who,,,2025-03-01T09:00Z,,,,,a bird',
      'checkout,Errors,SEV1,payments,2025-03-01T09:00Z,2025-03-01T09:30Z,2025-03-01T09:31Z,,2025-03-01T10:00Z,Customer',
    ].join('\n');
    const result = readIncidentCsv(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.format).toBe('generic');
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({
      service: 'checkout',
      team: 'payments',
      detectionSource: 'customer',
      severity: 'SEV1',
    });
    expect(result.incidents[0]?.at.resolved).toBe(Date.UTC(2025, 2, 1, 10));
    expect(result.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(result.rejected[0]?.reason).toContain('no service');
    expect(result.rejected[1]?.reason).toContain('detected is before started');
    expect(result.rejected[2]?.reason).toContain("'a bird'");
    expect(result.rejected[3]?.reason).toContain('line 2');
  });

  it('derives acknowledgement and resolution from a PagerDuty export and leaves MTTD without a start of impact', () => {
    const text =
      'incident_number,title,service_name,created_on,seconds_to_first_ack,seconds_to_resolve\n7,Down,api,2025-01-01T00:00:00Z,60,600\n';
    const result = readIncidentCsv(text);
    expect(result).toMatchObject({ ok: true, format: 'pagerduty' });
    if (!result.ok) return;
    expect(result.incidents[0]).toMatchObject({
      key: 'pagerduty:7',
      at: { detected: Date.UTC(2025, 0, 1), acknowledged: Date.UTC(2025, 0, 1, 0, 1) },
    });
    expect(result.incidents[0]?.at.started).toBeUndefined();
  });

  it('recognises each documented header and refuses an unknown one with what to do', () => {
    expect(detectFormat(['TinyId', 'Message', 'CreatedAt'])?.format).toBe('opsgenie');
    expect(detectFormat(['incident_number', 'service_name', 'created_on'])?.format).toBe('pagerduty');
    expect(detectFormat(HEADER.split(','))?.format).toBe('generic');
    expect(readIncidentCsv('when,what\n1,2\n')).toMatchObject({
      ok: false,
      message: expect.stringContaining('generic columns'),
    });
  });

  const row = fc.record({
    service: fc.constantFrom('checkout', 'dns', 'search'),
    title: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== '' && !/[\r\n"]/.test(t)),
    start: fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }),
    detect: fc.integer({ min: 0, max: 600 }),
  });
  const line = (r: { service: string; title: string; start: number; detect: number }) =>
    `${r.service},"${r.title}",,,${r.start},${r.start + r.detect * 60_000},,,,monitoring`;

  it('property: reading the same file twice gives the same keys, and a file repeated adds nothing', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const text = [HEADER, ...rows.map(line)].join('\n');
        const once = readIncidentCsv(text);
        const twice = readIncidentCsv([HEADER, ...rows.map(line), ...rows.map(line)].join('\n'));
        if (!once.ok || !twice.ok) throw new Error('unreadable');
        expect(readIncidentCsv(text)).toEqual(once);
        expect(twice.incidents).toEqual(once.incidents);
        expect(once.incidents.length + once.rejected.length).toBe(rows.length);
        expect(new Set(once.incidents.map((i) => i.key)).size).toBe(once.incidents.length);
      }),
    );
  });
});
