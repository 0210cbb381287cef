import { AsyncLocalStorage } from 'node:async_hooks';
import cloud from 'wx-server-sdk';

/** What CloudBase tells a function about its caller; locally, one per request. */
export interface CallerIdentity {
  openid: string | null;
}

const APPID = 'wx-local-runtime';
const current = new AsyncLocalStorage<CallerIdentity>();
let installed = false;

/**
 * `cloud.getWXContext()` reads process.env, which every concurrent request would share. Locally it
 * answers from the request being served instead, so function code calls the SDK exactly as it
 * does in production.
 */
export function installIdentitySeam(): void {
  if (installed) return;
  installed = true;
  cloud.getWXContext = () => {
    const identity = current.getStore();
    const context: Record<string, string> = { APPID, ENV: 'local', SOURCE: 'wx_client' };
    if (identity?.openid) context.OPENID = identity.openid;
    return context;
  };
}

export function runAs<T>(identity: CallerIdentity, fn: () => Promise<T>): Promise<T> {
  return current.run(identity, fn);
}
