import type { MetricsFilter } from '@chaos-quest/engine';
import { z } from 'zod';

/** A date bound: wall-clock ms, or anything `Date.parse` reads (`2025-03-01`, an ISO timestamp). */
const instant = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((text, ctx) => {
    const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
    if (Number.isNaN(ms)) {
      ctx.addIssue({
        code: 'custom',
        message: `'${text}' is not a date: use milliseconds or an ISO date such as 2025-03-01`,
      });
      return z.NEVER;
    }
    return ms;
  });

const label = z.string().trim().min(1).max(100);

/** The query string of the metrics endpoints: `team`, `scenario`, `service`, `from`, `to`. */
export const metricsQuerySchema = z.object({
  team: label.optional(),
  scenario: label.optional(),
  service: label.optional(),
  from: instant.optional(),
  to: instant.optional(),
});

/** The engine's filter from a parsed query. Pure. */
export function filterOf(query: z.output<typeof metricsQuerySchema>): MetricsFilter {
  return { team: query.team, scenario: query.scenario, service: query.service, from: query.from, to: query.to };
}
