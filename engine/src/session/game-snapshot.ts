import type { GameEvent, GameMachine } from '../compile/compile.ts';
import { LAST_SCENE } from '../compile/last-scene.ts';
import type { Game } from '../compile/game.ts';
import { asSceneId, type SceneId } from '../protocol/ids.ts';
import type { GameSnapshot } from './state.ts';

type MachineSnapshot = ReturnType<GameMachine['resolveState']>;

// Asking the machine (`can`) happens for every choice of every projection: resolve each stored
// snapshot once. States never change a GameSnapshot in place, so its identity is a safe key.
const resolved = new WeakMap<GameSnapshot, MachineSnapshot>();

/** XState's snapshot for the stored one, history included. Pure; cached by identity. */
export function resolveSnapshot(game: Game, snapshot: GameSnapshot): MachineSnapshot {
  let machineSnapshot = resolved.get(snapshot);
  if (!machineSnapshot) {
    const historyValue = Object.fromEntries(
      Object.entries(snapshot.history).map(([id, nodes]) => [
        id,
        nodes.map((node) => game.machine.getStateNodeById(node)),
      ]),
    );
    machineSnapshot = game.machine.resolveState({ value: snapshot.value, context: snapshot.context, historyValue });
    resolved.set(snapshot, machineSnapshot);
  }
  return machineSnapshot;
}

/**
 * The plain-JSON form of a machine snapshot, as the session state keeps it. Pure. The machine's own
 * snapshot is remembered for it, so the next command and every projection need not resolve it again.
 */
export function persistSnapshot(snapshot: MachineSnapshot): GameSnapshot {
  const history = Object.fromEntries(
    Object.entries(snapshot.historyValue).map(([id, nodes]) => [id, nodes.map((node) => node.id)]),
  );
  const persisted = { value: snapshot.value as GameSnapshot['value'], context: snapshot.context, history };
  resolved.set(persisted, snapshot);
  return persisted;
}

/** Whether the machine would take `event` now. Pure. */
export function canSend(game: Game, snapshot: GameSnapshot, event: GameEvent): boolean {
  return resolveSnapshot(game, snapshot).can(event);
}

/** The scene the story is in: the current one while running, the one to resume while paused. */
export function sceneOfSnapshot(snapshot: GameSnapshot): SceneId | null {
  // The machine's scene states are named by the scene ids of the scenario it was compiled from.
  const { value } = snapshot;
  if (typeof value === 'object') return value['running'] === undefined ? null : asSceneId(value['running']);
  if (value !== 'paused') return null;
  const last = snapshot.history[`game.running.${LAST_SCENE}`]?.[0];
  return last === undefined ? null : asSceneId(last.slice('game.running.'.length));
}

/**
 * The snapshot as if the game were running: while paused, the scene it will resume in. What is open
 * to the table (a choice's `when`) is asked of the machine in that scene. Pure.
 */
export function storySnapshot(game: Game, snapshot: GameSnapshot): MachineSnapshot {
  if (snapshot.value !== 'paused') return resolveSnapshot(game, snapshot);
  let resumed = whenResumed.get(snapshot);
  if (!resumed) {
    const scene = sceneOfSnapshot(snapshot);
    resumed = resolveSnapshot(game, { ...snapshot, value: scene === null ? snapshot.value : { running: scene } });
    whenResumed.set(snapshot, resumed);
  }
  return resumed;
}

const whenResumed = new WeakMap<GameSnapshot, MachineSnapshot>();
