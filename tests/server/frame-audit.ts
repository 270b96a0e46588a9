import type { Scenario, ViewMessage } from '@chaos-quest/engine';

/**
 * Checks every frame a player or observer received against what DESIGN lets them see: no other
 * role's secrets, no facilitator notes, no inject text before it was revealed to their role, no
 * seed, and the fault's cause only in the debrief. Returns what leaked, frame by frame; empty is clean.
 */
export function auditFrames(scenario: Scenario, seed: string, frames: readonly ViewMessage[]): string[] {
  const leaks: string[] = [];
  const notes = [
    ...scenario.scenes.map((s) => s.facilitator_notes),
    ...scenario.scenes.flatMap((s) => s.injects ?? []).map((i) => i.facilitator_notes),
    ...(scenario.injects ?? []).map((i) => i.facilitator_notes),
  ].filter((n): n is string => n !== undefined);
  const injects = [...scenario.scenes.flatMap((s) => s.injects ?? []), ...(scenario.injects ?? [])];
  for (const { seq, view } of frames) {
    const text = JSON.stringify(view);
    const myRole = view.viewer === 'player' ? (view.me.role?.id ?? null) : null;
    if (view.viewer === 'facilitator') leaks.push(`seq ${seq}: a facilitator view reached a player or observer`);
    if (text.includes(seed)) leaks.push(`seq ${seq}: the seed`);
    for (const role of scenario.roles) {
      if (role.id === myRole) continue;
      for (const secret of role.secrets ?? []) if (text.includes(secret)) leaks.push(`seq ${seq}: a secret of role ${role.id}`);
    }
    for (const note of notes) if (text.includes(note)) leaks.push(`seq ${seq}: facilitator notes "${note.slice(0, 30)}"`);
    for (const inject of injects) {
      if (!text.includes(inject.text)) continue;
      const forMe = inject.to === undefined || (myRole !== null && inject.to.includes(myRole));
      const due = inject.at === undefined || view.clock.minutes >= inject.at;
      const revealed = view.injects.some((r) => r.injectId === inject.id);
      if (!forMe || !due || !revealed) leaks.push(`seq ${seq}: inject ${inject.id} before it was revealed to this viewer`);
    }
    const debrief = view.phase === 'debrief' || view.phase === 'ended';
    if (!debrief && text.includes(scenario.fault.summary)) leaks.push(`seq ${seq}: the fault's cause before the debrief`);
  }
  return leaks;
}
