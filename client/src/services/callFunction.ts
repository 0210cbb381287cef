import type { ActionContract, ActionName, Contracts, FunctionName, Result } from '@zhibu/types';
import type { z } from 'zod';
import { cloudTransport } from './cloudTransport';
import { httpTransport } from './httpTransport';
import { getToken } from './token';
import type { FunctionEvent, Transport } from './transport';

type ContractOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A];

export type ActionInput<F extends FunctionName, A extends ActionName<F>> =
  ContractOf<F, A> extends ActionContract<infer I, z.ZodTypeAny> ? z.input<I> : never;

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> =
  ContractOf<F, A> extends ActionContract<z.ZodTypeAny, infer O> ? z.infer<O> : never;

/** `data` may be left out exactly when the action accepts no data. */
type DataArgs<T> = undefined extends T ? [data?: T] : [data: T];

// Decided at build time: the other platform's transport is dead code in each bundle.
const transport: Transport = process.env.TARO_ENV === 'weapp' ? cloudTransport : httpTransport;

let onUnauthenticated: () => void = () => undefined;

/**
 * Where to send the caller when the server knows no member for them (set once by the app). The
 * token is kept: in H5 it stands for a WeChat identity, and a WeChat user who is not yet bound
 * needs that identity to bind. What to do with it is the handler's business.
 */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/**
 * Calls one action of one cloud function. Always resolves, with the function's Result or with a
 * failure describing why no answer came back; pages show `message` as it is.
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  ...args: DataArgs<ActionInput<F, A>>
): Promise<Result<ActionOutput<F, A>>> {
  const [data] = args;
  const event: FunctionEvent = data === undefined ? { action } : { action, data };
  const tokenSent = getToken();
  const result = await transport(name, event);
  // A sign-in may have happened while this call was in flight; its answer then says nothing about the new token.
  if (!result.ok && result.code === 'UNAUTHENTICATED' && getToken() === tokenSent) {
    onUnauthenticated();
  }
  // The server validates its output against the same contract; the client trusts that shape.
  return result as Result<ActionOutput<F, A>>;
}
