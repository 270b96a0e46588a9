import { z } from 'zod';

/**
 * The building blocks of every command's wire schema. Kept apart from `commands.ts`, which gathers
 * the schemas from the command definitions: the definitions import these, so they cannot live there.
 */

export const commandId = z.string().min(1).max(64);
/** An id that refers to something in the scenario or the session: a scene, a role, a player… */
export const refId = z.string().min(1).max(64);
export const userText = (max: number) => z.string().trim().min(1).max(max);

/** The strict wire schema of one command type: `{ id, type, ...shape }`, nothing else. */
export const commandShape = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ id: commandId, type: z.literal(type), ...shape });
