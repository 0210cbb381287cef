import type { Fail } from '@zhibu/types';
import { FAILURE_MESSAGES, fail } from './result';
import { getToken } from './token';

const TIMEOUT_MS = 15_000;

/** Empty means the page's own origin, which is how the local server serves the H5 build. */
const API_BASE = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

export interface HttpAnswer {
  ok: true;
  status: number;
  body: unknown;
}

/**
 * One JSON request to the local server, with the sign-in token when there is one. Transport
 * problems come back as failures; the caller decides what a status and body mean.
 */
export async function requestJson(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer | Fail> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      return fail('INTERNAL', FAILURE_MESSAGES.unavailable);
    }
    return { ok: true, status: response.status, body: parsed };
  } catch (error) {
    const timedOut = controller.signal.aborted || (error instanceof Error && error.name === 'AbortError');
    return fail('INTERNAL', timedOut ? FAILURE_MESSAGES.timeout : FAILURE_MESSAGES.network);
  } finally {
    clearTimeout(timer);
  }
}
