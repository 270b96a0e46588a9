/**
 * Engine benchmark: commands per second through `step`, and the replay of a 10,000-command log,
 * against a hand-written reducer doing the equivalent work (the same state changes with plain
 * object spreads, no zod validation, no XState). Prints medians and ratios; asserts nothing.
 *
 *   npm run bench:engine [-- --quick] [-- --json]
 */
import seedrandom from 'seedrandom';
import { createSession, replay, stateHash, step, type LoggedCommand, type Scenario } from '@chaos-quest/engine';
import { exampleScenario } from '../../engine/src/testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player, type Payload } from '../../engine/src/testing/table.ts';
import { median, printTable, timeIt } from './lib/stats.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { parseScenario, sha256 } from '@chaos-quest/engine';
import { playthrough } from '../../server/src/cli/bot-playthrough.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const LOG_SIZE = 10_000;
const RUNS = quick ? 5 : 15;

/** A long game's worth of accepted commands: chatter, votes, hands, proposals, rolls, scene moves, ticks. */
function longGame(scenario: Scenario, size: number): LoggedCommand[] {
  const t = new Table(scenario, 'bench').seatAndStart(['sre', 'ic', 'comms']);
  const mix: [string, () => Payload][] = [
    ['p1', () => ({ type: 'timeline.post', text: `Checked the dashboards, round ${t.log.length}` })],
    ['p2', () => ({ type: 'choice.vote', choiceId: t.state.path.at(-1) === 'triage' ? 'look' : 'rollback' })],
    ['p3', () => ({ type: 'hand.raise', raised: t.log.length % 4 < 2 })],
    ['p1', () => ({ type: 'action.propose', text: `Try restarting resolver ${t.log.length % 7}` })],
    ['f', () => ({ type: 'dice.roll', dice: 'd20', label: 'luck' })],
    ['f', () => ({ type: 'scene.goto', sceneId: t.state.path.at(-1) === 'triage' ? 'dashboards' : 'triage' })],
  ];
  for (let i = 0; t.log.length < size; i++) {
    const [who, make] = mix[i % mix.length] as [string, () => Payload];
    const result =
      i % 997 === 0 ? t.send(SYSTEM, { type: 'clock.tick' }) : t.send(who === 'f' ? FACILITATOR : player(who), make());
    // Players run into the session's timeline budget halfway; the facilitator's moves carry the log on.
    if (!result.ok && result.error.code !== 'budget')
      throw new Error(`bench log generator produced a rejected command: ${result.error.message}`);
  }
  return t.log;
}

interface Plain {
  seq: number;
  clock: number;
  scene: string;
  votes: Record<string, string>;
  hands: Record<string, boolean>;
  timeline: { seq: number; text: string }[];
  proposals: { id: string; text: string }[];
  rolls: { natural: number }[];
  rollCounts: Record<string, number>;
}

/** The baseline: what a developer would write by hand for the same commands. */
function handReducer(state: Plain, entry: LoggedCommand): Plain {
  const c = entry.command;
  const s = { ...state, seq: entry.seq };
  switch (c.type) {
    case 'timeline.post':
      return { ...s, timeline: [...s.timeline, { seq: entry.seq, text: c.text }] };
    case 'choice.vote':
      return {
        ...s,
        votes: { ...s.votes, [entry.actor.kind === 'player' ? entry.actor.playerId : '']: c.choiceId ?? '' },
      };
    case 'hand.raise':
      return { ...s, hands: { ...s.hands, [entry.actor.kind === 'player' ? entry.actor.playerId : '']: c.raised } };
    case 'action.propose':
      return {
        ...s,
        proposals: [...s.proposals, { id: `p${entry.seq}`, text: c.text }],
        timeline: [...s.timeline, { seq: entry.seq, text: c.text }],
      };
    case 'dice.roll': {
      const n = s.rollCounts[c.label] ?? 0;
      const natural = 1 + Math.floor(seedrandom(`bench:dice:${c.label}:${n}`)() * 20);
      return {
        ...s,
        rolls: [...s.rolls, { natural }],
        rollCounts: { ...s.rollCounts, [c.label]: n + 1 },
        timeline: [...s.timeline, { seq: entry.seq, text: `${natural}` }],
      };
    }
    case 'scene.goto':
      return { ...s, scene: c.sceneId, votes: {}, timeline: [...s.timeline, { seq: entry.seq, text: c.sceneId }] };
    case 'clock.tick':
      return { ...s, clock: s.clock + 1 };
    default:
      return s;
  }
}

function main(): void {
  const scenario = exampleScenario();
  const log = longGame(scenario, LOG_SIZE);
  const options = { scenarioHash: 'test', createdAt: 1_700_000_000_000, team: 'blue' };
  const engineTimes: number[] = [];
  const handTimes: number[] = [];
  let hash = '';
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so that neither side always runs on a warmer JIT or a quieter machine.
    const engineFirst = run % 2 === 0;
    const measureEngine = () => {
      let result: ReturnType<typeof replay> | undefined;
      engineTimes.push(
        timeIt(() => {
          result = replay(scenario, 'bench', log, options);
        }),
      );
      if (!result?.ok) throw new Error('the engine refused its own log');
      hash = stateHash(result.state);
    };
    const measureHand = () =>
      handTimes.push(
        timeIt(() => {
          let state: Plain = {
            seq: 0,
            clock: 0,
            scene: 'triage',
            votes: {},
            hands: {},
            timeline: [],
            proposals: [],
            rolls: [],
            rollCounts: {},
          };
          for (const entry of log) state = handReducer(state, entry);
        }),
      );
    if (engineFirst) {
      measureEngine();
      measureHand();
    } else {
      measureHand();
      measureEngine();
    }
  }
  const stepRates: number[] = [];
  const head = log.slice(0, 1000);
  for (let run = 0; run < RUNS; run++) {
    // `step` as the server calls it: one command at a time, the previous state left untouched.
    let state = createSession(scenario, 'bench', options);
    const ms = timeIt(() => {
      for (const entry of head) {
        const result = step(scenario, state, entry);
        if (result.ok) state = result.state;
      }
    });
    stepRates.push(head.length / (ms / 1000));
  }
  const sim = simulateRate();
  const replayMs = median(engineTimes);
  const handMs = median(handTimes);
  const figures = {
    logSize: log.length,
    runs: RUNS,
    replayMedianMs: round(replayMs),
    stepsPerSecond: Math.round(median(stepRates)),
    replayCommandsPerSecond: Math.round(log.length / (replayMs / 1000)),
    handReducerMedianMs: round(handMs),
    engineOverHand: round(replayMs / handMs),
    targetMs: 250,
    replayOverTarget: round(replayMs / 250),
    finalStateHash: hash.slice(0, 16),
    simulateScenario: sim.scenario,
    simulateRunsPerSecond: Math.round(sim.runsPerSecond),
    simulateTenThousandSeconds: round(10_000 / sim.runsPerSecond),
    simulateTenThousandCpuSeconds: round(10_000 * sim.cpuSecondsPerRun),
  };
  printTable('Engine: replay of a 10,000-command log', [
    ['commands in the log', `${figures.logSize}`],
    ['replay through step (median)', `${figures.replayMedianMs} ms`],
    ['commands per second through step (1,000-command game, median)', `${figures.stepsPerSecond.toLocaleString('en')}`],
    ['commands per second in replay', `${figures.replayCommandsPerSecond.toLocaleString('en')}`],
    ['hand-written reducer, same log (median)', `${figures.handReducerMedianMs} ms`],
    ['engine ÷ hand-written reducer', `${figures.engineOverHand}×`],
    ['replay ÷ 250 ms target', `${figures.replayOverTarget}`],
    [`simulate runs per second (${figures.simulateScenario}, median)`, `${figures.simulateRunsPerSecond}`],
    ['10,000 simulate runs at that rate ÷ 10 s target', `${round(figures.simulateTenThousandSeconds / 10)}`],
    [
      'CPU seconds for 10,000 simulate runs (median) ÷ 10 s target',
      `${round(figures.simulateTenThousandCpuSeconds / 10)}`,
    ],
  ]);
  if (json) console.log(JSON.stringify(figures));
}

const round = (x: number) => Math.round(x * 100) / 100;

/** `simulate`'s bot playthroughs of the largest shipped scenario (by file size): runs per second. */
function simulateRate(): { scenario: string; runsPerSecond: number; cpuSecondsPerRun: number } {
  const dir = new URL('../../scenarios/', import.meta.url);
  const largest = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort((a, b) => statSync(new URL(b, dir)).size - statSync(new URL(a, dir)).size)[0] as string;
  const text = readFileSync(new URL(largest, dir), 'utf8');
  const scenario = parseScenario(text, largest).scenario;
  if (!scenario) throw new Error(`${largest} does not parse`);
  const hash = sha256(text);
  const batch = quick ? 200 : 500;
  const rates: number[] = [];
  const cpuPerRun: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
    const cpu = process.cpuUsage();
    const ms = timeIt(() => {
      for (let i = 0; i < batch; i++)
        playthrough(scenario, hash, `bench:${run}:${i}`, { maxSteps: 500, policy: 'random', seats: null });
    });
    const used = process.cpuUsage(cpu);
    rates.push(batch / (ms / 1000));
    cpuPerRun.push((used.user + used.system) / 1e6 / batch);
  }
  return { scenario: scenario.id, runsPerSecond: median(rates), cpuSecondsPerRun: median(cpuPerRun) };
}

main();
