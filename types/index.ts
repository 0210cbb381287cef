import { memberContract } from './member';

export * from './api';
export * from './member';
export type * from './records';
export { COLLECTIONS } from './records';

/** Every function and its actions: the single source the functions validate with and the client is typed by. */
export const contracts = {
  member: memberContract,
} as const;

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
export { zhErrorMap, useChineseErrors } from './zod-zh';
