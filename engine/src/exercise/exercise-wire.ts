import { z } from 'zod';
import type { SessionId } from '../protocol/ids.ts';
import { objectiveSchema } from './objectives-schema.ts';

/** The HTTP messages of an exercise: session creation's extra fields, an evaluator's join, a status change. */

export const planSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  version: z.string().trim().min(1).max(40),
});

export const exerciseCreateFields = {
  plan: planSchema.optional(),
  objectives: z.array(objectiveSchema).max(10).optional(),
};

export interface EvaluatorJoinResponse {
  sessionId: SessionId;
  evaluatorId: string;
  evaluatorToken: string;
}

export interface EvaluatorCodeResponse {
  evaluatorCode: string;
}

export const statusChangeSchema = z.union([
  z.strictObject({ status: z.enum(['open', 'done']) }),
  z.strictObject({ status: z.literal('wont-do'), reason: z.string().trim().min(1).max(500) }),
]);
