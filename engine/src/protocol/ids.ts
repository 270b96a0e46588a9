import type { z } from 'zod';
import { refId } from './command-fields.ts';

/**
 * Branded ids: a player's id cannot be passed where a role's is wanted, though both are strings on
 * the wire. The wire schemas produce them (zod's brand is a type only: the JSON on the wire and the
 * JSON Schema are unchanged); anything else that makes one (the server, when it mints a session or
 * a seat) says so with the `as…` function of its kind.
 */

export const sessionIdSchema = refId.brand<'SessionId'>();
export const playerIdSchema = refId.brand<'PlayerId'>();
export const roleIdSchema = refId.brand<'RoleId'>();
export const sceneIdSchema = refId.brand<'SceneId'>();
export const injectIdSchema = refId.brand<'InjectId'>();
export const choiceIdSchema = refId.brand<'ChoiceId'>();
export const evaluatorIdSchema = refId.brand<'EvaluatorId'>();

export type SessionId = z.infer<typeof sessionIdSchema>;
export type PlayerId = z.infer<typeof playerIdSchema>;
export type RoleId = z.infer<typeof roleIdSchema>;
/** A scene's id, or an ending's: `scene.goto` and the session's path take either. */
export type SceneId = z.infer<typeof sceneIdSchema>;
export type InjectId = z.infer<typeof injectIdSchema>;
export type ChoiceId = z.infer<typeof choiceIdSchema>;
/** An evaluator's seat: evaluators watch and write the record, they never play. */
export type EvaluatorId = z.infer<typeof evaluatorIdSchema>;

/** Marks a string minted or checked elsewhere (a store row, a scenario file) as an id of its kind. */
export const asSessionId = (id: string) => id as SessionId;
export const asPlayerId = (id: string) => id as PlayerId;
export const asRoleId = (id: string) => id as RoleId;
export const asSceneId = (id: string) => id as SceneId;
export const asInjectId = (id: string) => id as InjectId;
export const asChoiceId = (id: string) => id as ChoiceId;
export const asEvaluatorId = (id: string) => id as EvaluatorId;
