import type { MeMessage, Scenario, ViewMessage } from '@chaos-quest/engine';

type Frame = ViewMessage | MeMessage;

/** Roles whose secrets a format 1.1 scenario may show to everyone (`reveal_secrets` in any effect or card). */
function revealedRoles(scenario: Scenario): Set<string> {
  const choices = [...scenario.scenes.flatMap((s) => s.choices ?? []), ...(scenario.actions ?? [])];
  const effects = [
    ...choices,
    ...choices.flatMap((c) =>
      c.check
        ? [c.check.success, c.check.failure, c.check.critical_success, c.check.critical_failure, c.check.complication]
        : [],
    ),
    ...[...scenario.scenes.flatMap((s) => s.injects ?? []), ...(scenario.injects ?? [])].map((i) => i.effect),
    ...(scenario.modules ?? []).flatMap((m) => m.injects ?? []).map((i) => i.effect),
    ...(scenario.deadlines ?? []).flatMap((d) => [d.met, d.missed]),
    ...Object.values(scenario.decks ?? {}).flat(),
  ];
  return new Set(effects.flatMap((e) => e?.reveal_secrets ?? []));
}

/**
 * What a player may not read of a format 1.1 scenario's decks: any card's facilitator notes, and the
 * text of a card in a deck a deal deals from, unless the deal shows it to their role or the card was
 * drawn in front of the whole table (its timeline entry is in the frame).
 */
function cardLeaks(
  scenario: Scenario,
  text: string,
  view: ViewMessage['view'] | null,
  myRole: string | null,
): string[] {
  const leaks: string[] = [];
  for (const [deck, cards] of Object.entries(scenario.decks ?? {})) {
    const deals = (scenario.deal ?? []).filter((d) => d.deck === deck);
    const shown = deals.some((d) => myRole !== null && d.to?.includes(myRole));
    for (const card of cards) {
      if (card.facilitator_notes && text.includes(card.facilitator_notes))
        leaks.push(`the notes of card ${deck}/${card.id}`);
      if (deals.length === 0 || shown || !text.includes(card.text)) continue;
      const drawn = view?.timeline.some(
        (e) => e.audience === 'all' && e.text.startsWith(`Card drawn from ${deck}: ${card.title}.`),
      );
      if (!drawn) leaks.push(`the dealt deck's card ${deck}/${card.id}`);
    }
  }
  return leaks;
}

/**
 * The role a player's `view` frame at `seq` was projected for: the role in their latest `me` at or
 * before it. A `me` goes out whenever it changes (a role change changes it) and on every connect
 * and resync, so that is the role the server held at `seq`. Null for no role or no `me` yet.
 */
function roleAt(mes: readonly MeMessage[], seq: number): string | null {
  let best: MeMessage | null = null;
  for (const m of mes) if (m.seq <= seq && (best === null || m.seq >= best.seq)) best = m;
  return best?.me.role?.id ?? null;
}

/**
 * Checks every `view` and `me` frame a player or observer received against what DESIGN lets them
 * see: no other role's secrets, no facilitator notes, no inject text before it was revealed to their
 * role, no seed, the fault's cause only in the debrief, no dealt card or card notes (1.1), and nothing of an exercise's evaluation record
 * (no `exercise` field, none of `evaluatorNotes`: observations, ratings' reasons). A `me` may hold its
 * own role's card and nothing else of that list. Returns what leaked, frame by frame; empty is clean.
 */
export function auditFrames(
  scenario: Scenario,
  seed: string,
  frames: readonly Frame[],
  evaluatorNotes: readonly string[] = [],
): string[] {
  const leaks: string[] = [];
  const notes = [
    ...scenario.scenes.map((s) => s.facilitator_notes),
    ...scenario.scenes.flatMap((s) => s.injects ?? []).map((i) => i.facilitator_notes),
    ...(scenario.injects ?? []).map((i) => i.facilitator_notes),
  ].filter((n): n is string => n !== undefined);
  const injects = [
    ...scenario.scenes.flatMap((s) => s.injects ?? []),
    ...(scenario.injects ?? []),
    ...(scenario.modules ?? []).flatMap((m) => m.injects ?? []),
  ];
  const revealable = revealedRoles(scenario);
  const mes = frames.filter((f): f is MeMessage => 'me' in f);
  for (const frame of frames) {
    const { seq } = frame;
    const text = JSON.stringify('me' in frame ? frame.me : frame.view);
    const view = 'view' in frame ? frame.view : null;
    const myRole = 'me' in frame ? (frame.me.role?.id ?? null) : view?.viewer === 'player' ? roleAt(mes, seq) : null;
    const kind = view ? 'view' : 'me';
    if (view?.viewer === 'facilitator') leaks.push(`seq ${seq}: a facilitator view reached a player or observer`);
    if (text.includes(seed)) leaks.push(`seq ${seq} ${kind}: the seed`);
    for (const role of scenario.roles) {
      if (role.id === myRole) continue;
      for (const secret of role.secrets ?? []) {
        const told = `${role.name}'s secret: ${secret}`;
        // Only inside the timeline entry that reveals it, never anywhere else in the frame.
        const revealed =
          revealable.has(role.id) &&
          view?.timeline.some((e) => e.audience === 'all' && e.text === told) === true &&
          text.split(secret).length === text.split(told).length;
        if (text.includes(secret) && !revealed) leaks.push(`seq ${seq} ${kind}: a secret of role ${role.id}`);
      }
    }
    for (const note of notes)
      if (text.includes(note)) leaks.push(`seq ${seq} ${kind}: facilitator notes "${note.slice(0, 30)}"`);
    for (const inject of injects) {
      if (!text.includes(inject.text)) continue;
      const forMe = inject.to === undefined || (myRole !== null && inject.to.includes(myRole));
      const due = view !== null && (inject.at === undefined || view.clock.minutes >= inject.at);
      const revealed = view !== null && view.injects.some((r) => r.injectId === inject.id);
      if (!forMe || !due || !revealed)
        leaks.push(`seq ${seq} ${kind}: inject ${inject.id} before it was revealed to this viewer`);
    }
    for (const leak of cardLeaks(scenario, text, view, myRole)) leaks.push(`seq ${seq} ${kind}: ${leak}`);
    if (view && 'exercise' in view) leaks.push(`seq ${seq} ${kind}: the exercise's evaluation record`);
    for (const note of evaluatorNotes)
      if (text.includes(note)) leaks.push(`seq ${seq} ${kind}: an evaluator's note "${note.slice(0, 30)}"`);
    const debrief = view !== null && (view.phase === 'debrief' || view.phase === 'ended');
    if (!debrief && text.includes(scenario.fault.summary))
      leaks.push(`seq ${seq} ${kind}: the fault's cause before the debrief`);
  }
  return leaks;
}
