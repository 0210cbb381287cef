import type { Fail, Result, Role } from '@zhibu/types';
import { requestJson } from './http';
import { FAILURE_MESSAGES, fail, isRecord, toFailure } from './result';
import { clearToken, setToken } from './token';

/** A demo member the local runtime can sign in as (H5 only; the mini program uses WeChat identity). */
export interface DemoUser {
  openid: string;
  name: string;
  roles: Role[];
  branchId: string;
  branchName: string;
}

function isDemoUser(value: unknown): value is DemoUser {
  return (
    isRecord(value) &&
    typeof value.openid === 'string' &&
    typeof value.name === 'string' &&
    Array.isArray(value.roles) &&
    value.roles.every((role) => typeof role === 'string') &&
    typeof value.branchId === 'string' &&
    typeof value.branchName === 'string'
  );
}

function failureFrom(body: unknown): Fail {
  return toFailure(body) ?? fail('INTERNAL', FAILURE_MESSAGES.unavailable);
}

export async function listDemoUsers(): Promise<Result<DemoUser[]>> {
  const answer = await requestJson('GET', '/api/dev/users');
  if (!answer.ok) return answer;
  const users = isRecord(answer.body) ? answer.body.users : undefined;
  if (answer.status === 200 && Array.isArray(users)) return { ok: true, data: users.filter(isDemoUser) };
  return failureFrom(answer.body);
}

/** Signs in as a demo user and keeps the token for every later call. */
export async function signInAs(openid: string): Promise<Result<null>> {
  clearToken();
  const answer = await requestJson('POST', '/api/dev/login', { openid });
  if (!answer.ok) return answer;
  const token = isRecord(answer.body) ? answer.body.token : undefined;
  if (answer.status === 200 && typeof token === 'string' && token !== '') {
    setToken(token);
    return { ok: true, data: null };
  }
  return failureFrom(answer.body);
}

export function signOut(): void {
  clearToken();
}
