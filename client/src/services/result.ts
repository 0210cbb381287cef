import type { ErrorCode, Fail, Result } from '@zhibu/types';

/**
 * What a member reads when no usable answer came back. Server messages are already written for
 * members; these cover the cases where the server could not say anything.
 */
export const FAILURE_MESSAGES = {
  network: '网络不可用，请检查网络后重试',
  timeout: '请求超时，请稍后重试',
  unavailable: '服务暂时不可用，请稍后重试',
} as const;

/** Fallback text per code, for a failure that arrives without a message. Lists every code once. */
const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  INVALID_ARGUMENT: '填写的内容有误，请检查后重试',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '操作冲突，请刷新后重试',
  FAILED_PRECONDITION: '当前无法进行此操作',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: FAILURE_MESSAGES.unavailable,
};

export function fail(code: ErrorCode, message: string): Fail {
  return { ok: false, code, message };
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DEFAULT_MESSAGES, value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads an untrusted value as a failure Result, or null when it is not one. */
export function toFailure(value: unknown): Fail | null {
  if (!isRecord(value) || value.ok !== false || !isErrorCode(value.code)) return null;
  const message =
    typeof value.message === 'string' && value.message.trim() !== '' ? value.message : DEFAULT_MESSAGES[value.code];
  return fail(value.code, message);
}

/**
 * Reads an untrusted answer as a Result. Anything that is not one becomes an INTERNAL failure, so
 * pages only ever see the two documented shapes.
 */
export function toResult(value: unknown): Result<unknown> {
  if (isRecord(value) && value.ok === true && 'data' in value) return { ok: true, data: value.data };
  return toFailure(value) ?? fail('INTERNAL', FAILURE_MESSAGES.unavailable);
}
