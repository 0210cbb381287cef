import { cloud } from './cloud';

/** The WeChat user calling this function, as the platform says; never taken from the event. */
export interface Caller {
  openid: string | null;
}

export function getCaller(): Caller {
  const context = cloud.getWXContext();
  const openid = typeof context.OPENID === 'string' && context.OPENID.length > 0 ? context.OPENID : null;
  return { openid };
}
