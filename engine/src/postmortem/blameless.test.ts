import { describe, expect, it } from 'vitest';
import { blamelessFindings } from './blameless.ts';
import { BLAMELESS_RULES } from './blameless-rules.ts';

/** The table's names, as a session would pass them: its players and its roles. */
const PEOPLE = ['Ana', 'Bo', 'Élodie', 'Incident Commander', 'On-call SRE'];

const MUST_FLAG: [sentence: string, rule: string][] = [
  ['Ana forgot to update the TTL before the cutover.', 'forgot'],
  ['Bo ignored the page for ten minutes.', 'ignored'],
  ['The root cause was human error.', 'human-error'],
  ['Someone should have known the old record was still cached.', 'should-have-known'],
  ["It was Ana's fault that the rollback failed.", 'someones-fault'],
  ['Ana’s mistake cost us an hour.', 'someones-fault'],
  ['The outage was caused by the on-call engineer.', 'person-as-cause'],
  ['He neglected to check the resolver.', 'forgot'],
  ['The Incident Commander should have escalated sooner.', 'person-should-have'],
  ['Élodie missed the alert.', 'ignored'],
  ['Operator error took down checkout.', 'human-error'],
  ['We should have known better.', 'should-have-known'],
  ['Bo broke the deploy pipeline.', 'person-as-cause'],
  ['That was a rookie mistake by the intern.', 'carelessness'],
  ['Blame Ana for the missing runbook step.', 'someones-fault'],
  ['The developer was careless with the config.', 'carelessness'],
  ['They just ignored the dashboards.', 'ignored'],
  ['The On-call SRE dropped the ball.', 'carelessness'],
  ['Nobody checked, because the SRE failed to read the runbook.', 'forgot'],
];

const MUST_NOT_FLAG = [
  'The script forgot to retry after the timeout.',
  'We forgot to update the runbook after the migration.',
  'We missed the page because the rota was out of date.',
  'The alert missed the spike because it averaged over ten minutes.',
  'The runbook should have a rollback step.',
  'The deploy tool failed to roll back the change.',
  'Monitoring did not page anyone until 09:52.',
  'Ana found the stale record in the resolver dashboard.',
  'The page was missed because it went to a muted channel.',
  "Bo's fix worked on the first try.",
  'Due to the TTL change, clients kept the old address.',
  'Add human-readable error messages to the deploy tool.',
  "The fault was in the resolver's TTL setting.",
  'What could have helped us see it sooner?',
  'The health check should have caught a leader that cannot write.',
  'The on-call rotation needs a second responder.',
  'Anatomy of the incident: the queue filled first.',
  'Heartbeat checks failed to fire during the failover.',
  'She explained the dashboard to the new hire.',
  'Our TTL step ran against the wrong zone because the tool defaulted to it.',
];

describe('the blameless-language check', () => {
  it.each(MUST_FLAG)('flags %j (%s)', (sentence, rule) => {
    const findings = blamelessFindings(sentence, PEOPLE);
    expect(findings.map((f) => f.rule)).toContain(rule);
  });

  it.each(MUST_NOT_FLAG)('does not flag %j', (sentence) => {
    expect(blamelessFindings(sentence, PEOPLE)).toEqual([]);
  });

  it('gives each finding its span in the text and a neutral rewrite', () => {
    const text = 'Checkout was down.\nThe cause: Bo forgot to drain the node. Then human error.';
    const findings = blamelessFindings(text, PEOPLE);
    expect(findings.map((f) => [f.rule, text.slice(f.start, f.end)])).toEqual([
      ['forgot', 'Bo forgot'],
      ['human-error', 'human error'],
    ]);
    for (const f of findings) {
      expect(f.match).toBe(text.slice(f.start, f.end));
      expect(f.suggestion.length).toBeGreaterThan(10);
      expect(f.why.length).toBeGreaterThan(10);
    }
  });

  it('treats a name as a person only when the caller knows it, and never "we"', () => {
    expect(blamelessFindings('Zed forgot to page the DBA.')).toEqual([]);
    expect(blamelessFindings('Zed forgot to page the DBA.', ['Zed']).map((f) => f.rule)).toEqual(['forgot']);
    expect(blamelessFindings('We forgot to page the DBA.', ['We', 'the team'])).toEqual([]);
  });

  it('reads a name with regular-expression characters as the name', () => {
    expect(blamelessFindings('J.D. (ops) forgot the flag.', ['J.D. (ops)']).map((f) => f.match)).toEqual([
      'J.D. (ops) forgot',
    ]);
    expect(blamelessFindings('JxDx (ops) forgot the flag.', ['J.D. (ops)'])).toEqual([]);
  });

  it('keeps every rule usable: an id, a pattern that compiles, a reason and a rewrite', () => {
    const ids = BLAMELESS_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BLAMELESS_RULES) {
      expect(() => new RegExp(rule.pattern.replaceAll('{person}', 'x'), 'giu')).not.toThrow();
      expect(rule.rewrite).not.toBe('');
    }
  });
});
