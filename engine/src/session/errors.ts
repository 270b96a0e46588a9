export const STEP_ERROR_CODES = [
  'invalid',
  'forbidden',
  'wrong-phase',
  'not-found',
  'unavailable',
  'budget',
  'frozen',
] as const;
export type StepErrorCode = (typeof STEP_ERROR_CODES)[number];

export interface StepError {
  code: StepErrorCode;
  message: string;
}

export type StepResult<S> = { ok: true; state: S } | { ok: false; error: StepError };

export const fail = (code: StepErrorCode, message: string): { ok: false; error: StepError } => ({
  ok: false,
  error: { code, message },
});
