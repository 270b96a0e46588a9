import { didYouMean } from './did-you-mean.ts';
import type { Reporter } from './reporter.ts';
import type { Scenario } from './schema.ts';

const NEEDS_SIZE = new Set(['step', 'ramp', 'spike', 'drift']);
const NEEDS_OVER = new Set(['ramp', 'spike', 'drift']);

/** "Did you mean …?", or the list to choose from. */
function hint(name: string, known: ReadonlySet<string>, noun: string): string {
  return (
    didYouMean(name, known) ||
    (known.size === 0 ? ` There are no ${noun}.` : ` Known ${noun}: ${[...known].slice(0, 12).join(', ')}.`)
  );
}

/**
 * CQ2003, CQ2004 and CQ2018–CQ2021 for the `telemetry` block: metrics on declared components,
 * alert rules on declared metrics and roles, each rule with one threshold, each fault shape with
 * what it needs and nothing it cannot use, and no id twice. Pure.
 */
export function lintTelemetry(scenario: Scenario, report: Reporter): void {
  const telemetry = scenario.telemetry;
  if (!telemetry) return;
  const components = new Set(scenario.system.components.map((c) => c.id));
  const roles = new Set(scenario.roles.map((r) => r.id));
  const metrics = new Set<string>();
  telemetry.metrics.forEach((metric, i) => {
    const path = ['telemetry', 'metrics', i];
    if (metrics.has(metric.id))
      report.at('CQ2021', [...path, 'id'], `the metric id '${metric.id}' is used twice; give each metric its own id.`);
    metrics.add(metric.id);
    if (!components.has(metric.component)) {
      report.at(
        'CQ2004',
        [...path, 'component'],
        `there is no component '${metric.component}' in system.components.${hint(metric.component, components, 'components')}`,
      );
    }
    (metric.fault ?? []).forEach((effect, k) => {
      const at = [...path, 'fault', k];
      if (NEEDS_SIZE.has(effect.shape) && effect.size === undefined) {
        report.at(
          'CQ2019',
          [...at, 'shape'],
          `a ${effect.shape} needs \`size\`: how far the metric moves, in ${metric.unit}.`,
        );
      }
      if (NEEDS_OVER.has(effect.shape) && effect.over === undefined) {
        report.at(
          'CQ2019',
          [...at, 'shape'],
          `a ${effect.shape} needs \`over\`: the minutes it ${effect.shape === 'spike' ? 'lasts' : 'takes'}.`,
        );
      }
      if (effect.shape === 'flatline' && effect.size !== undefined) {
        report.at('CQ2019', [...at, 'size'], 'a flatline holds the value the metric had when it began; remove `size`.');
      }
      if (effect.shape === 'step' && effect.over !== undefined)
        report.at('CQ2019', [...at, 'over'], 'a step is sudden; remove `over`, or make it a ramp.');
    });
  });
  const alerts = new Set<string>();
  telemetry.alerts.forEach((rule, i) => {
    const path = ['telemetry', 'alerts', i];
    if (alerts.has(rule.id))
      report.at('CQ2021', [...path, 'id'], `the alert id '${rule.id}' is used twice; give each rule its own id.`);
    alerts.add(rule.id);
    if (!metrics.has(rule.metric))
      report.at(
        'CQ2018',
        [...path, 'metric'],
        `there is no metric '${rule.metric}' in telemetry.metrics.${hint(rule.metric, metrics, 'metrics')}`,
      );
    if ((rule.above === undefined) === (rule.below === undefined)) {
      report.at(
        'CQ2020',
        [...path, 'id'],
        `an alert rule fires ${rule.above === undefined ? 'on nothing' : 'on two thresholds'}: give exactly one of \`above\` or \`below\`.`,
      );
    }
    rule.to.forEach((role, k) => {
      if (!roles.has(role))
        report.at('CQ2003', [...path, 'to', k], `there is no role '${role}'.${hint(role, roles, 'roles')}`);
    });
  });
}
