import type { ErrorCode, LoginResult } from '@zhibu/types';
import { callFunction } from '@/services';
import { showFailureToast } from '@/ui';

export type SessionState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; member: LoginResult }
  | { status: 'error'; code: ErrorCode; message: string };

let state: SessionState = { status: 'idle' };
let inFlight: Promise<SessionState> | null = null;
/** Bumped on reset, so an answer about the previous member is dropped when it arrives. */
let generation = 0;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Asks the server who the caller is (`member.login`). Concurrent callers share one request; a
 * failed refresh keeps the member already shown, except when the server no longer knows them.
 */
export function loadSession(): Promise<SessionState> {
  if (inFlight) return inFlight;
  if (state.status !== 'ready') setState({ status: 'loading' });
  const asked = generation;
  const request = callFunction('member', 'login')
    .then((result) => {
      if (asked !== generation) return state;
      if (result.ok) {
        setState({ status: 'ready', member: result.data });
      } else {
        // Said once: in a toast when the member stays on screen, on the page (SessionGate) otherwise.
        if (state.status === 'ready' && result.code !== 'UNAUTHENTICATED') showFailureToast(result);
        else setState({ status: 'error', code: result.code, message: result.message });
      }
      return state;
    })
    .finally(() => {
      if (inFlight === request) inFlight = null;
    });
  inFlight = request;
  return request;
}

/** The member the server has just named (after binding): no need to ask again who it is. */
export function setSessionMember(member: LoginResult): void {
  generation += 1;
  inFlight = null;
  setState({ status: 'ready', member });
}

/** Forgets the member (sign-out, switching demo user); the next page to ask loads again. */
export function resetSession(): void {
  generation += 1;
  inFlight = null;
  setState({ status: 'idle' });
}
