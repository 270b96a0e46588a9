import { createActor, type AnyActorScope } from 'xstate';
import type { GameEvent, GameMachine } from './compile.ts';

type MachineSnapshot = ReturnType<GameMachine['resolveState']>;
type Executed = Parameters<AnyActorScope['actionExecutor']>[0];

interface Scope {
  scope: AnyActorScope;
  /** Where the scope's executor collects the actions of the transition under way. */
  sink: Executed[];
}

const scopes = new WeakMap<GameMachine, Scope>();

/**
 * The inert actor scope XState's `transition()` builds on every call, built once per machine. XState's
 * builds an actor for it, which works out the machine's initial state each time: that was a third of
 * every step. The machine spawns no children and defers nothing, so one scope serves every call.
 */
function scopeOf(machine: GameMachine): Scope {
  let found = scopes.get(machine);
  if (!found) {
    // As XState does: an actor with no input, whose snapshot no one reads.
    const self = createActor(machine, { input: undefined as never });
    const holder: Scope = { scope: undefined as unknown as AnyActorScope, sink: [] };
    holder.scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: (action) => {
        holder.sink.push(action);
      },
    } as AnyActorScope;
    scopes.set(machine, (found = holder));
  }
  return found;
}

/**
 * XState's pure `transition(machine, snapshot, event)`: the next snapshot (the very one given when
 * no transition is taken) and the actions to execute, as data. Executes nothing. Pure.
 */
export function pureTransition(
  machine: GameMachine,
  snapshot: MachineSnapshot,
  event: GameEvent,
): [MachineSnapshot, Executed[]] {
  const found = scopeOf(machine);
  const actions: Executed[] = [];
  found.sink = actions;
  const next = machine.transition(snapshot, event, found.scope);
  return [next, actions];
}
