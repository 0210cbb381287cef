import { z } from 'zod';

/** Error codes every cloud function may answer with; the client maps them to member-facing text. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * The event a function receives. CloudBase adds `userInfo` (and the local runtime may add
 * nothing); extra keys are tolerated but never trusted — identity comes from the platform.
 */
export const eventSchema = z.object({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
});
export type FunctionEvent = z.infer<typeof eventSchema>;

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string };
export type Result<T> = Ok<T> | Fail;

export const failSchema = z.object({
  ok: z.literal(false),
  code: errorCodeSchema,
  message: z.string(),
});

export function resultSchema<T extends z.ZodTypeAny>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), failSchema]);
}

/** One action of one function: what it takes and what it answers. */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  input: I;
  output: O;
}

export function action<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O): ActionContract<I, O> {
  return { input, output };
}

/** Actions that take no data accept an absent `data` or an empty object, nothing else. */
export const noInput = z.object({}).strict().optional();
