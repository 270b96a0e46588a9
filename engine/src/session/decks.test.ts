import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shuffleDeck } from '../dice/deck.ts';
import { asPlayerId } from '../protocol/ids.ts';
import { SCENARIO_DECKS, scenarioDecks } from '../testing/scenario-decks.ts';
import { parseScenario } from '../scenario/parse.ts';
import { FACILITATOR, SYSTEM, Table, player } from '../testing/table.ts';
import { viewFor } from '../views/view-for.ts';
import type { FacilitatorView } from '../views/view.ts';
import { stateHash } from './hash.ts';
import { replay } from './replay.ts';
import { createSession, reseedLobby } from './create.ts';

const scenario = scenarioDecks();

/** A lead (p1) and an analyst (p2) in the hunt, the chain pinned when `chain` is given. */
function hunt(seed = 'seed', chain?: string): Table {
  const t = new Table(scenario, seed);
  if (chain) t.must(FACILITATOR, { type: 'session.configure', parameters: { chain } });
  return t.seatAndStart(['lead', 'analyst']);
}

const facilitatorView = (t: Table) => viewFor(scenario, t.state, { kind: 'facilitator' }) as FacilitatorView;
const cards = (t: Table) => t.state.timeline.filter((e) => e.kind === 'card').map((e) => e.text);
const drawn = (t: Table) => (t.state.game.context.drawn ?? []).map((d) => d.card);

describe('decks: drawing', () => {
  it('draws the next card of the seeded shuffle on a natural 1, applies it and tells the table', () => {
    const t = hunt();
    const pile = shuffleDeck(['wipe', 'alarm'], 'seed', 'complications');
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 1 });
    expect(drawn(t)).toEqual([pile[0]]);
    const first = pile[0] === 'wipe' ? 'Logs wiped' : 'Heat rises';
    const entry = t.state.timeline.find((e) => e.kind === 'card' && e.audience === 'all');
    expect(entry?.text).toContain(`Card drawn from complications: ${first}.`);
    if (pile[0] === 'wipe') expect(t.state.game.context.flags['wiped']).toBe(true);
    else expect(t.state.game.context.counters?.['heat']).toBe(1);
    // Told after the roll and before the scene the choice leads back to.
    const texts = t.state.timeline.map((e) => e.kind);
    expect(texts.lastIndexOf('card')).toBeLessThan(texts.lastIndexOf('scene'));
    expect(texts.lastIndexOf('roll')).toBeLessThan(texts.lastIndexOf('card'));
  });

  it('draws without replacement, and says so when the deck is empty instead of failing', () => {
    const t = hunt();
    for (let i = 0; i < 3; i++) t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 1 });
    expect(drawn(t).slice(0, 2).sort()).toEqual(['alarm', 'wipe']);
    expect(drawn(t)[2]).toBeNull();
    expect(t.state.game.context.flags['wiped']).toBe(true);
    expect(t.state.game.context.counters?.['heat']).toBe(1);
    expect(cards(t).at(-1)).toBe('The complications deck is empty: no card is drawn.');
    expect(facilitatorView(t).story?.decks?.decks).toContainEqual({ id: 'complications', left: 0 });
  });

  it('gives the same cards on replay, and other cards from another seed', () => {
    const orders = new Set<string>();
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const t = hunt(seed);
      t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 1 });
      t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 20 });
      const again = replay(scenario, seed, t.log, { scenarioHash: 'test', createdAt: 1_700_000_000_000, team: 'blue' });
      expect(again.ok).toBe(true);
      expect(again.ok && stateHash(again.state)).toBe(stateHash(t.state));
      expect(again.ok && again.state.timeline).toEqual(t.state.timeline);
      orders.add(`${drawn(t).join()}|${t.state.game.context.parameters?.['chain']}`);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('draws from an inject that fires, after the inject is read', () => {
    const t = hunt('seed', 'vpn');
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 600 });
    expect(drawn(t)).toHaveLength(1);
    const kinds = t.state.timeline.map((e) => e.kind);
    expect(kinds.lastIndexOf('inject')).toBeLessThan(kinds.lastIndexOf('card'));
  });

  it('shows a card an inject to one role drew to that role only', () => {
    const t = hunt('seed', 'vpn');
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 400 });
    t.must(FACILITATOR, { type: 'clock.advance', minutes: 300 });
    const entry = t.state.timeline.find((e) => e.text.startsWith('Card drawn from boons'));
    expect(entry?.audience).toEqual({ roles: ['lead'] });
    const sees = (playerId: string) =>
      JSON.stringify(viewFor(scenario, t.state, { kind: 'player', playerId: asPlayerId(playerId) }));
    expect(sees('p1')).toContain('Card drawn from boons');
    expect(sees('p2')).not.toContain('Card drawn from boons');
  });
});

describe('decks: dealing at setup', () => {
  it('deals the chain from the seeded shuffle and applies its card when play starts', () => {
    const t = new Table(scenario, 'seed');
    const top = shuffleDeck(['phish', 'vpn', 'supplier'], 'seed', 'chains')[0];
    expect(t.state.game.context.parameters?.['chain']).toBe(top);
    expect(facilitatorView(t).story?.decks?.dealt.map((c) => c.id)).toEqual([top]);
    t.seatAndStart(['lead', 'analyst']);
    const { flags, counters } = t.state.game.context;
    expect(flags['noisy']).toBe(top === 'phish');
    expect(flags['quiet']).toBe(top === 'vpn');
    expect(counters?.['heat']).toBe(top === 'supplier' ? 2 : 0);
  });

  it('lets a session parameter fix the deal, and never draws the dealt card again', () => {
    for (const chain of ['phish', 'vpn', 'supplier']) {
      const t = hunt('seed', chain);
      expect(facilitatorView(t).story?.decks?.dealt).toMatchObject([{ deck: 'chains', id: chain }]);
      expect(t.state.game.context.flags['quiet']).toBe(chain === 'vpn');
      expect(cards(t)[0]).toContain(`Dealt from chains: `);
    }
    const refused = new Table(scenario).send(FACILITATOR, {
      type: 'session.configure',
      parameters: { chain: 'usb' },
    });
    expect(refused.ok).toBe(false);
  });
});

describe('decks: other deals', () => {
  const variant = (deal: string) => {
    const parsed = parseScenario(
      SCENARIO_DECKS.replace('  - { deck: chains, parameter: chain }', deal).replace(
        'critical_success: { draw: boons }',
        'critical_success: { draw: chains }',
      ),
      'deck-test.yaml',
    );
    if (!parsed.scenario) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    return parsed.scenario;
  };

  it('deals the first cards of the shuffle without a parameter, and draws the rest after them', () => {
    const two = variant('  - { deck: chains, count: 2 }');
    const t = new Table(two, 'seed').seatAndStart(['lead', 'analyst']);
    const pile = shuffleDeck(['phish', 'vpn', 'supplier'], 'seed', 'chains');
    const story = viewFor(two, t.state, { kind: 'facilitator' }) as FacilitatorView;
    expect(story.story?.decks?.dealt.map((c) => c.id)).toEqual(pile.slice(0, 2));
    expect(t.state.game.context.flags['noisy']).toBe(pile.slice(0, 2).includes('phish'));
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 20 });
    t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 20 });
    expect(drawn(t)).toEqual([pile[2], null]);
  });

  it("deals a parameter's option from the seed when no deck holds it", () => {
    const dealt = new Set<string>();
    const options = variant('  - { parameter: chain }');
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const value = new Table(options, seed).state.game.context.parameters?.['chain'];
      expect(['phish', 'vpn', 'supplier']).toContain(value);
      dealt.add(value as string);
    }
    expect(dealt.size).toBeGreaterThan(1);
  });
});

describe('decks: what players see', () => {
  it("never puts a dealt card's text or any card's notes in a player's view", () => {
    for (const seed of ['a', 'b', 'c']) {
      const t = new Table(scenario, seed);
      t.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
      t.must(player('p1'), { type: 'role.take', role: 'analyst' });
      t.must(FACILITATOR, { type: 'session.start' });
      for (let i = 0; i < 3; i++) t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 1 });
      t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: 20 });
      const seen = JSON.stringify(viewFor(scenario, t.state, { kind: 'player', playerId: asPlayerId('p1') }));
      const observed = JSON.stringify(viewFor(scenario, t.state, { kind: 'observer' }));
      for (const text of [seen, observed]) {
        expect(text).not.toMatch(/HIDDEN-|NOTES-|Phishing chain|VPN chain|Supplier chain/);
        expect(text).toContain('Card drawn from complications');
        expect(text).toContain('A colleague remembers the odd login.');
      }
      const facilitator = JSON.stringify(facilitatorView(t));
      expect(facilitator).toMatch(/HIDDEN-/);
      expect(facilitator).toContain('NOTES-WIPE');
      // The seeded order of the piles is generator state: nobody's view holds it.
      expect(facilitator).not.toContain('"piles"');
    }
  });
});

describe('decks: lint', () => {
  it("reports a role's secret repeated in the text of a card the table draws, not of one only dealt", () => {
    const text = SCENARIO_DECKS.replace(
      '{ id: analyst, name: Analyst, brief: You read logs. }',
      '{ id: analyst, name: Analyst, brief: You read logs., secrets: ["A manager asks for an update every hour."] }',
    ).replace('text: HIDDEN-VPN a stolen VPN token.', 'text: A manager asks for an update every hour.');
    const { diagnostics } = parseScenario(text, 'deck-test.yaml');
    const secrets = diagnostics.filter((d) => d.code === 'CQ2014');
    expect(secrets.map((d) => d.path)).toEqual(['decks.complications[1].text']);
  });
});

describe('decks: another seed for a seated lobby', () => {
  it('shuffles and deals as a session created with that seed does, keeping the seats', () => {
    const seated = new Table(scenario, '');
    seated.must(SYSTEM, { type: 'player.join', playerId: 'p1', name: 'Ana' });
    for (const seed of ['a', 'b', 'c']) {
      const fresh = createSession(scenario, seed, { scenarioHash: 'test', createdAt: 0 });
      const reseeded = reseedLobby(scenario, seated.state, seed);
      expect(reseeded.seed).toBe(seed);
      expect(reseeded.players).toEqual(seated.state.players);
      expect(reseeded.game.context.piles).toEqual(fresh.game.context.piles);
      expect(reseeded.game.context.parameters).toEqual(fresh.game.context.parameters);
    }
    const started = hunt();
    expect(() => reseedLobby(scenario, started.state, 'x')).toThrow(/lobby/);
  });
});

describe('decks: properties', () => {
  it('replays any run of rolls and clock moves to the same state, never draws a card twice, never shows a player a dealt card', () => {
    const move = fc.oneof(
      fc.integer({ min: 1, max: 20 }).map((roll) => ({ roll })),
      fc.integer({ min: 1, max: 400 }).map((minutes) => ({ minutes })),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.array(move, { maxLength: 12 }), (seed, moves) => {
        const t = hunt(seed);
        for (const m of moves) {
          if ('roll' in m) t.must(FACILITATOR, { type: 'choice.apply', choiceId: 'probe', physical: m.roll });
          else t.must(FACILITATOR, { type: 'clock.advance', minutes: m.minutes });
          if (t.state.game.context.ending) break;
        }
        const again = replay(scenario, seed, t.log, {
          scenarioHash: 'test',
          createdAt: 1_700_000_000_000,
          team: 'blue',
        });
        expect(again.ok && stateHash(again.state)).toBe(stateHash(t.state));
        const cards = (t.state.game.context.drawn ?? []).flatMap((d) => (d.card ? [`${d.deck}/${d.card}`] : []));
        expect(new Set(cards).size).toBe(cards.length);
        const dealt = t.state.game.context.parameters?.['chain'];
        expect(cards).not.toContain(`chains/${dealt}`);
        const seen = JSON.stringify(viewFor(scenario, t.state, { kind: 'player', playerId: asPlayerId('p2') }));
        expect(seen).not.toMatch(/HIDDEN-|NOTES-/);
      }),
      { numRuns: 60 },
    );
  });
});
