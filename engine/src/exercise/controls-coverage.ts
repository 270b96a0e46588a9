import type { Scenario } from '../scenario/schema.ts';
import type { SessionState } from '../session/state.ts';
import { FRAMEWORKS, PCI_12_10_1_ELEMENTS, splitControl } from './controls.ts';
import type { Rating } from './exercise-state.ts';
import { objectivesOf } from './objectives.ts';
import { consolidatedRating } from './ratings.ts';

/** Which controls an exercise covered, from the tags of the scenario and its objectives. */
export interface ControlCoverage {
  /** Every tag, with the objectives that carry it ('the scenario as a whole' for scenario-level tags). */
  tags: {
    tag: string;
    framework: string;
    /** The framework's name, as a report prints it. */
    name: string;
    reference: string;
    coveredBy: { objective: string; rating: Rating | null }[];
  }[];
  /** PCI DSS 12.10.1, element by element: 12.10.2 asks that a test cover every one. */
  pci: { element: string; requirement: string; coveredBy: string[] }[];
}

export const WHOLE_SCENARIO = 'the scenario as a whole';

/** The coverage of the session's controls, objectives added at creation included. Pure. */
export function controlCoverage(scenario: Scenario, state: SessionState): ControlCoverage {
  const ratings = state.exercise?.ratings ?? [];
  const byTag = new Map<string, { objective: string; rating: Rating | null }[]>();
  const add = (tag: string, objective: string, rating: Rating | null) =>
    byTag.set(tag, [...(byTag.get(tag) ?? []), { objective, rating }]);
  for (const tag of scenario.controls ?? []) add(tag, WHOLE_SCENARIO, null);
  for (const o of objectivesOf(scenario, state))
    for (const tag of o.controls ?? []) add(tag, o.title, consolidatedRating(ratings, o.id));
  const tags = [...byTag.entries()]
    .map(([tag, coveredBy]) => {
      const { framework, reference } = splitControl(tag);
      return { tag, framework, name: frameworkName(framework), reference, coveredBy };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
  const pci = Object.entries(PCI_12_10_1_ELEMENTS).map(([element, requirement]) => ({
    element,
    requirement,
    coveredBy: (byTag.get(`pci-12.10.1:${element}`) ?? []).map((c) => c.objective),
  }));
  return { tags, pci };
}

/** A framework's display name, or its id when Chaos Quest does not know it (the linter warned). */
export const frameworkName = (framework: string): string => FRAMEWORKS[framework]?.name ?? framework;
