import type { ErrorCode } from '@zhibu/types';

/**
 * A failure the caller should see. `message` is Chinese and fit to show a member; anything that
 * is not an AppError is reported as INTERNAL and its detail stays in the function's log.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = '尚未绑定党员身份，请联系支部书记获取邀请码') =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const invalidArgument = (message = '提交的内容有误，请检查后重试') => new AppError('INVALID_ARGUMENT', message);
export const notFound = (message = '没有找到相关记录') => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const failedPrecondition = (message: string) => new AppError('FAILED_PRECONDITION', message);
