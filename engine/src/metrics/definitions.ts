/** The duration figures: each has one definition, shown beside it in the UI and written into exports. */
export const FIGURE_IDS = ['mttd', 'reaction', 'mtta', 'mttm', 'mttr', 'session'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** Figures a real incident can have: it has no start of play and no session. */
export const REAL_FIGURE_IDS = ['mttd', 'mtta', 'mttm', 'mttr'] as const satisfies readonly FigureId[];
export type RealFigureId = (typeof REAL_FIGURE_IDS)[number];

export type DefinitionId = FigureId | 'mtbf' | 'awareness';

export interface FigureDefinition {
  id: DefinitionId;
  /** Short name for a table row ("MTTD"). */
  short: string;
  name: string;
  /** Which clock practice runs measure it on; real incidents have only the wall clock. */
  clock: 'game' | 'wall' | 'none';
  /** The definition for practice runs. */
  practice: string;
  /** The definition for real incidents, or null when the figure does not exist for them. */
  real: string | null;
}

const NOT_REACHED = 'Runs that never reached the milestone are counted as "not reached" (n of N), never averaged away.';

/** One written definition per figure, as data: the metrics page, the JSON API and the CSV export all show these. */
export const FIGURE_DEFINITIONS: Readonly<Record<DefinitionId, FigureDefinition>> = {
  mttd: {
    id: 'mttd',
    short: 'MTTD',
    name: 'Time to detect',
    clock: 'game',
    practice:
      'Game clock, from fault onset to detection. A scenario whose fault starts before play counts that head start too; ' +
      `compare runs of the same scenario, or use the reaction time. ${NOT_REACHED}`,
    real:
      'From the start of impact to detection, in real time. ' +
      'Not reached when the export has no start of impact (PagerDuty, Opsgenie alerts).',
  },
  reaction: {
    id: 'reaction',
    short: 'Reaction',
    name: 'Team reaction time',
    clock: 'game',
    practice:
      'Game clock, from the first signal the team could see (the first inject or page revealed) to detection; from the start ' +
      `of play when detection came first or nothing was revealed. This measures the team, not the script. ${NOT_REACHED}`,
    real: null,
  },
  mtta: {
    id: 'mtta',
    short: 'MTTA',
    name: 'Time to acknowledge',
    clock: 'wall',
    practice:
      'Wall clock (a person answering a page is real time), from the first page to the first acknowledgement. ' +
      `Runs without a page count as not reached. ${NOT_REACHED}`,
    real: 'From the alert (detection) to its acknowledgement, in real time.',
  },
  mttm: {
    id: 'mttm',
    short: 'MTTM',
    name: 'Time to mitigate',
    clock: 'game',
    practice: `Game clock, from fault onset to mitigation (impact stopped, cause perhaps still there). ${NOT_REACHED}`,
    real: 'From the start of impact (the alert, when the export has no start) to mitigation, in real time.',
  },
  mttr: {
    id: 'mttr',
    short: 'MTTR',
    name: 'Time to resolve',
    clock: 'game',
    practice: `Game clock, from fault onset to resolution. A player's "resolved" counts once the facilitator confirms it. ${NOT_REACHED}`,
    real: 'From the start of impact (the alert, when the export has no start) to resolution, in real time.',
  },
  session: {
    id: 'session',
    short: 'Session',
    name: 'Session length (wall clock)',
    clock: 'wall',
    practice:
      'Wall clock, from the start of play to the debrief: how long the table sat, not how long the incident lasted.',
    real: null,
  },
  mtbf: {
    id: 'mtbf',
    short: 'MTBF',
    name: 'Mean time between failures',
    clock: 'none',
    practice: 'Not computed from practice: a practice run is not a failure of a service.',
    real: 'Per service: the window length divided by the number of real incidents on that service in the window.',
  },
  awareness: {
    id: 'awareness',
    short: 'Detected by',
    name: 'Who noticed first',
    clock: 'none',
    practice:
      'Share of runs whose detection came from monitoring, from customers, from the team or the facilitator; runs never detected count apart.',
    real: 'Share of real incidents detected by monitoring versus by customers (or the team); incidents whose export does not say count as unknown.',
  },
};
