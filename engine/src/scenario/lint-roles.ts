import type { Reporter } from './reporter.ts';
import type { Scenario } from './schema.ts';

/** CQ2032: one role at most is the incident commander, whose declarations need no confirmation. Pure. */
export function lintRoles(scenario: Scenario, report: Reporter): void {
  const commanders = scenario.roles.flatMap((role, i) => (role.commander ? [{ role, i }] : []));
  const [first, ...others] = commanders;
  for (const { role, i } of others) {
    report.at(
      'CQ2032',
      ['roles', i, 'commander'],
      `'${first?.role.id}' is already the incident commander; only one role may be. Remove \`commander\` from '${role.id}'.`,
    );
  }
}
