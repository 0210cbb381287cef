import type { Result } from '@zhibu/types';

/** The event every cloud function takes. */
export interface FunctionEvent {
  action: string;
  data?: unknown;
}

/** Delivers one event to one function and answers with a Result; never throws. */
export type Transport = (name: string, event: FunctionEvent) => Promise<Result<unknown>>;
