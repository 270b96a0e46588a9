import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, LoggedCommand } from '../protocol/commands.ts';
import { asPlayerId, asRoleId, type PlayerId } from '../protocol/ids.ts';
import { exampleScenario } from '../testing/example-scenario.ts';
import { FACILITATOR, SYSTEM, Table, player, type Payload } from '../testing/table.ts';
import { applyPatch, diffProjection, type ViewPatch } from '../protocol/patch.ts';
import { ENTRY_LIST_FIELDS, type Projection, type ViewAudience } from '../views/view.ts';
import { audienceOf, projectionFor, sameAudiences, viewFor } from '../views/view-for.ts';
import { meFor, meInputs } from '../views/me-view.ts';
import { stateHash } from './hash.ts';
import { replay } from './replay.ts';
import type { SessionState } from './state.ts';
import { step } from './step.ts';
import { CURRENT_RULES } from './rules.ts';

// The incident commander marked, so both kinds of declaration (at once, and waiting) are played.
const example = exampleScenario();
const scenario = { ...example, roles: example.roles.map((r) => ({ ...r, commander: r.id === 'ic' })) };
const options = { scenarioHash: 'test', createdAt: 1_700_000_000_000, team: 'blue' };
const sceneIds = [...scenario.scenes.map((s) => s.id), ...scenario.endings.map((e) => e.id), 'nowhere'];
const roleIds = [...scenario.roles.map((r) => r.id), 'ghost'];
const injectIds = ['page', 'tweet', 'exec', 'missing'];
const choiceIds = ['look', 'hold', 'rollback', 'missing'];
const playerIds = ['p1', 'p2', 'p3', 'p4'];

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(FACILITATOR) },
  { weight: 1, arbitrary: fc.constant(SYSTEM) },
  { weight: 5, arbitrary: fc.constantFrom(...playerIds).map(player) },
);
const word = fc.string({ minLength: 1, maxLength: 12 });

/** Commands that are mostly well-formed and often legal, so that sequences get deep into a game. */
const commandArb: fc.Arbitrary<Payload> = fc.oneof(
  fc.constantFrom(
    { type: 'session.brief' },
    { type: 'session.start' },
    { type: 'session.start' },
    { type: 'session.pause' },
    { type: 'session.resume' },
    { type: 'clock.tick' },
    { type: 'session.close' },
  ),
  fc.record({ type: fc.constant('session.end'), outcome: fc.constantFrom('success', 'partial', 'failure') }),
  ...Array.from({ length: 3 }, () =>
    fc.record({ type: fc.constant('clock.advance'), minutes: fc.integer({ min: 1, max: 30 }) }),
  ),
  fc.record({ type: fc.constant('clock.pace'), secondsPerMinute: fc.option(fc.integer({ min: 1, max: 60 })) }),
  ...Array.from({ length: 3 }, () =>
    fc.record({ type: fc.constant('inject.reveal'), injectId: fc.constantFrom(...injectIds) }),
  ),
  fc.record({
    type: fc.constant('inject.improvise'),
    text: word,
    to: fc.option(fc.subarray(roleIds, { minLength: 1 }), { nil: undefined }),
    page: fc.boolean(),
  }),
  fc.record({ type: fc.constant('scene.goto'), sceneId: fc.constantFrom(...sceneIds) }),
  fc.record({ type: fc.constant('milestone.mark'), milestone: fc.constantFrom('detected', 'mitigated', 'resolved') }),
  fc.record({
    type: fc.constant('declaration.confirm'),
    declarationId: fc.constantFrom('d5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12'),
    source: fc.option(fc.constantFrom('alert', 'dashboard', 'customer', 'other'), { nil: undefined }),
    minute: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('declaration.reject'),
    declarationId: fc.constantFrom('d5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12'),
    reason: fc.option(word, { nil: undefined }),
  }),
  fc.record({ type: fc.constant('coach'), playerId: fc.constantFrom(...playerIds), text: word }),
  fc.record({
    type: fc.constant('dice.roll'),
    dice: fc.constantFrom('d6', 'd20', '2d6'),
    label: fc.constantFrom('luck', 'grit'),
  }),
  fc.record({
    type: fc.constant('player.assign'),
    playerId: fc.constantFrom(...playerIds),
    role: fc.option(fc.constantFrom(...roleIds)),
  }),
  fc.record({ type: fc.constant('player.remove'), playerId: fc.constantFrom(...playerIds) }),
  fc.record({ type: fc.constant('player.join'), playerId: fc.constantFrom(...playerIds), name: word }),
  fc.record({ type: fc.constant('role.take'), role: fc.constantFrom(...roleIds) }),
  fc.record({ type: fc.constant('action.propose'), text: word }),
  fc.record({ type: fc.constant('choice.vote'), choiceId: fc.option(fc.constantFrom(...choiceIds)) }),
  fc.record({
    type: fc.constant('incident.declare'),
    kind: fc.constantFrom('incident', 'mitigated', 'resolved'),
    source: fc.option(fc.constantFrom('alert', 'dashboard', 'customer', 'other'), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('hand.raise'), raised: fc.boolean() }),
  fc.record({ type: fc.constant('inject.ack'), key: fc.constantFrom(...injectIds) }),
  ...Array.from({ length: 2 }, () =>
    fc.record({
      type: fc.constant('choice.apply'),
      choiceId: fc.constantFrom(...choiceIds),
      physical: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
    }),
  ),
  fc.record({ type: fc.constant('timeline.post'), text: word }),
  fc.record({
    type: fc.constant('action-item.add'),
    text: word,
    priority: fc.option(fc.constantFrom('high', 'medium', 'low'), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('debrief.note'), kind: fc.constantFrom('went-well', 'hard', 'lucky'), text: word }),
) as fc.Arbitrary<Payload>;

/** Every audience a projection is made for, an unknown role's included. */
const audiences: ViewAudience[] = [
  { kind: 'facilitator' },
  { kind: 'observer' },
  ...roleIds.map((role) => ({ kind: 'role', role: asRoleId(role) }) as const),
];

/** A random game: usually players seated in random roles and the game started, then random commands. */
const programArb = fc.record({
  // Sessions logged before rules were versioned, and new ones on the current rules.
  rules: fc.boolean(),
  roles: fc.option(fc.array(fc.constantFrom(...roleIds.slice(0, -1)), { minLength: 1, maxLength: 3 }), { freq: 5 }),
  commands: fc.array(fc.tuple(actorArb, commandArb), { minLength: 1, maxLength: 80 }),
});
type Program = { rules?: boolean; roles: string[] | null; commands: [Actor, Payload][] };

function play(program: Program, seed: string, onState?: (s: SessionState) => void): Table {
  const t = new Table(scenario, seed);
  if (program.rules) t.send(SYSTEM, { type: 'session.rules', rules: CURRENT_RULES });
  for (const id of playerIds.slice(0, 3)) t.send(SYSTEM, { type: 'player.join', playerId: id, name: `Name ${id}` });
  if (program.roles) {
    program.roles.forEach((role, i) => t.send(player(`p${i + 1}`), { type: 'role.take', role }));
    t.send(FACILITATOR, { type: 'session.start' });
  }
  for (const [actor, command] of program.commands) {
    const result = t.send(actor, command as never);
    if (result.ok) onState?.(result.state);
  }
  return t;
}

/** Text a given player must never receive, given the state they are looking at. */
function forbiddenFor(state: SessionState, playerId: PlayerId): string[] {
  const role = state.players[playerId]?.role ?? null;
  const visible = (to: string[] | undefined) => !to || (role !== null && to.includes(role));
  const revealed = new Set<string | null>(state.revealed.map((r) => r.injectId));
  const visited = new Set<string>(state.path);
  const out = [state.seed];
  for (const r of scenario.roles) if (r.id !== role) out.push(...(r.secrets ?? []));
  for (const s of scenario.scenes) {
    if (s.facilitator_notes) out.push(s.facilitator_notes);
    if (!visited.has(s.id)) out.push(s.narration);
    for (const i of s.injects ?? []) if (!revealed.has(i.id) || !visible(i.to)) out.push(i.text);
  }
  for (const i of scenario.injects ?? []) if (!revealed.has(i.id) || !visible(i.to)) out.push(i.text);
  out.push(scenario.fault.summary);
  return out;
}

describe('engine properties', () => {
  it('replays any accepted command sequence to the same state hash, twice', () => {
    fc.assert(
      fc.property(programArb, fc.string({ minLength: 1, maxLength: 8 }), (program, seed) => {
        const t = play(program, seed);
        const once = replay(scenario, seed, t.log, options);
        const twice = replay(scenario, seed, t.log, options);
        expect(once.ok && twice.ok).toBe(true);
        if (!once.ok || !twice.ok) return;
        expect(stateHash(once.state)).toBe(stateHash(t.state));
        expect(stateHash(twice.state)).toBe(stateHash(once.state));
      }),
      { numRuns: 150 },
    );
  });

  it('never shows a player what their role may not see, after any sequence', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        play(program, 'secret-seed-7f3a', (state) => {
          const phase = typeof state.game.value === 'string' ? state.game.value : 'running';
          for (const id of Object.keys(state.players).map(asPlayerId)) {
            const text = JSON.stringify(viewFor(scenario, state, { kind: 'player', playerId: id }));
            const forbidden = forbiddenFor(state, id).filter(
              (f) => !(f === scenario.fault.summary && (phase === 'debrief' || phase === 'ended')),
            );
            for (const f of forbidden) expect(text.includes(f), `player ${id} received "${f}"`).toBe(false);
          }
          const observer = JSON.stringify(viewFor(scenario, state, { kind: 'observer' }));
          expect(observer.includes(state.seed)).toBe(false);
          for (const r of scenario.roles)
            for (const secret of r.secrets ?? []) expect(observer.includes(secret)).toBe(false);
          expect(JSON.stringify(viewFor(scenario, state, { kind: 'facilitator' })).includes(state.seed)).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('composes every player view from the shared projection of their role and their me, as a client does', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        play(program, 'compose', (state) => {
          for (const playerId of Object.keys(state.players).map(asPlayerId)) {
            const viewer = { kind: 'player', playerId } as const;
            const audience = audienceOf(scenario, state, viewer);
            expect(audience).toEqual({ kind: 'role', role: state.players[playerId]?.role ?? null });
            const composed = { ...projectionFor(scenario, state, audience), me: meFor(scenario, state, playerId) };
            expect(JSON.stringify(composed)).toBe(JSON.stringify(viewFor(scenario, state, viewer)));
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('never changes the state it was given, accepted or not, so a list entry never changes once it is in the state', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        // The sre player gets paged first and acknowledges last, so an ack that edited the page in place would show.
        const t = play(
          {
            roles: ['sre', ...(program.roles ?? [])],
            commands: [[FACILITATOR, { type: 'clock.advance', minutes: 10 }]],
          },
          'untouched',
        );
        const ackPage: [Actor, Payload] = [player('p1'), { type: 'inject.ack', key: 'page' }];
        for (const [actor, command] of [...program.commands, ackPage]) {
          const before = t.state;
          const json = JSON.stringify(before);
          t.send(actor, command as never);
          expect(JSON.stringify(before)).toBe(json);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("puts the state's own entries in the entry lists of every projection (ENTRY_LIST_FIELDS)", () => {
    const sources: Record<(typeof ENTRY_LIST_FIELDS)[number], (s: SessionState) => readonly object[]> = {
      injects: (s) => s.revealed,
      timeline: (s) => s.timeline,
      proposals: (s) => s.proposals,
      declarations: (s) => s.declarations,
      decisions: (s) => s.decisions,
      rolls: (s) => s.rolls,
      actionItems: (s) => s.actionItems,
      debriefNotes: (s) => s.debriefNotes,
      coaching: (s) => s.coaching,
    };
    fc.assert(
      fc.property(programArb, (program) => {
        play(program, 'entries', (state) => {
          for (const audience of audiences) {
            const projection = projectionFor(scenario, state, audience) as unknown as Record<string, unknown>;
            for (const field of ENTRY_LIST_FIELDS) {
              const list = projection[field];
              if (list === undefined) continue;
              const own = new Set(sources[field](state));
              expect(Array.isArray(list)).toBe(true);
              for (const entry of list as unknown[])
                expect(own.has(entry as object), `${field} holds a copy`).toBe(true);
            }
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('patches every projection into the next, byte for byte, for every audience after any sequence', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        let held = audiences.map((audience) => projectionFor(scenario, new Table(scenario, 'patch').state, audience));
        play(program, 'patch', (state) => {
          held = audiences.map((audience, i) => {
            const next = projectionFor(scenario, state, audience);
            const patch = diffProjection(held[i] as Projection, next);
            expect(patch).not.toBeNull();
            const patched = applyPatch(held[i] as Projection, patch as ViewPatch);
            expect(JSON.stringify(patched)).toBe(JSON.stringify(next));
            // A patch travels as JSON: what the client parses must apply the same.
            const wire = JSON.parse(JSON.stringify(patch)) as ViewPatch;
            expect(JSON.stringify(applyPatch(JSON.parse(JSON.stringify(held[i])) as Projection, wire))).toBe(
              JSON.stringify(next),
            );
            return next;
          });
        });
      }),
      { numRuns: 100 },
    );
  });

  it('projects each state as a copy of it that shares no object, for every audience after any sequence', () => {
    // The views keep what they made per list, timeline and game snapshot: a copy finds none of it.
    fc.assert(
      fc.property(programArb, (program) => {
        play(program, 'fresh', (state) => {
          const copy = structuredClone(state);
          for (const audience of audiences)
            expect(JSON.stringify(projectionFor(scenario, state, audience))).toBe(
              JSON.stringify(projectionFor(scenario, copy, audience)),
            );
        });
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same me whenever what meInputs names is the same, after any sequence', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        let before: SessionState | null = null;
        play(program, 'me', (state) => {
          for (const playerId of [...playerIds, 'nobody'].map(asPlayerId)) {
            if (!before) continue;
            const same = meInputs(before, playerId).every((input, i) => input === meInputs(state, playerId)[i]);
            if (same)
              expect(JSON.stringify(meFor(scenario, state, playerId))).toBe(
                JSON.stringify(meFor(scenario, before, playerId)),
              );
          }
          before = state;
        });
      }),
      { numRuns: 100 },
    );
  });

  it('gives every viewer the same audience whenever sameAudiences says so, after any sequence', () => {
    const viewers = [
      ...[...playerIds, 'nobody'].map((id) => ({ kind: 'player', playerId: asPlayerId(id) }) as const),
      { kind: 'facilitator' } as const,
      { kind: 'observer' } as const,
    ];
    let held = 0;
    fc.assert(
      fc.property(programArb, (program) => {
        let before: SessionState | null = null;
        play(program, 'audiences', (state) => {
          if (before && sameAudiences(before, state)) {
            if (before.players !== state.players) held += 1;
            for (const viewer of viewers)
              expect(audienceOf(scenario, state, viewer)).toEqual(audienceOf(scenario, before, viewer));
          }
          before = state;
        });
      }),
      { numRuns: 100 },
    );
    // The players changed without a seat moving (a raised hand, a ready flag): the case it is for.
    expect(held).toBeGreaterThan(0);
  });

  it('never throws on garbage and never changes the state for it', () => {
    const t = play({ roles: ['sre'], commands: [[FACILITATOR, { type: 'clock.advance', minutes: 12 }]] }, 'garbage');
    const before = stateHash(t.state);
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.integer(), (command, actor, at) => {
        const entry = { seq: t.state.seq + 1, at, actor, command } as unknown as LoggedCommand;
        const result = step(scenario, t.state, entry);
        expect(result.ok).toBe(false);
        expect(stateHash(t.state)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on well-formed commands from the wrong actor or phase', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        expect(() => play(program, 'x')).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
