import type { ErrorCode } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { activityApi } from '../api';
import { delayUntil, RETRY_AFTER_MS, scheduleCode } from '../qrTiming';
import { manageApi } from './api';

export interface ShownCode {
  token: string;
  qrImage: string | null;
  /** Phone time at which this code's slot ends. */
  deadline: number;
}

export type CodeState =
  | { status: 'loading' }
  | { status: 'showing'; code: ShownCode; offline: boolean }
  | { status: 'closed'; message: string; opensAt: number | null }
  | { status: 'error'; message: string; code: ErrorCode };

/** Waiting for a window that opens later than this is left to the secretary (a tap reloads). */
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * The rotating check-in code for the secretary's screen: the next code is fetched once per slot,
 * just after the current one's slot ends by the server's clock, and carries the live 实到 / 应到.
 * Nothing runs while `visible` is false (the page is hidden), and everything stops on unmount.
 */
export function useCheckinCode(activityId: string, visible: boolean) {
  const [state, setState] = useState<CodeState>({ status: 'loading' });
  const [counts, setCounts] = useState<{ expected: number; present: number } | null>(null);
  const codeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);

  const clearCodeTimer = () => {
    if (codeTimer.current) clearTimeout(codeTimer.current);
    codeTimer.current = null;
  };

  const fetchCode = useCallback(async (): Promise<void> => {
    clearCodeTimer();
    const result = await manageApi.checkinCode(activityId);
    if (!live.current) return;
    const receivedAt = Date.now();
    if (result.ok) {
      const { token, qrImage, expiresAt, serverTime, slotSeconds, expected, present } = result.data;
      const { deadline, refreshAt } = scheduleCode(expiresAt, serverTime, receivedAt, slotSeconds);
      setState({ status: 'showing', code: { token, qrImage, deadline }, offline: false });
      setCounts({ expected, present });
      codeTimer.current = setTimeout(() => void fetchCode(), delayUntil(refreshAt, receivedAt));
      return;
    }
    if (result.code === 'FAILED_PRECONDITION') {
      // Not open (yet, or any more): say why, and wait for the opening if it is today.
      const detail = await activityApi.get(activityId);
      if (!live.current) return;
      const opensAt = detail.ok ? Date.parse(detail.data.checkinOpensAt) : NaN;
      const waiting = Number.isFinite(opensAt) && opensAt > receivedAt && opensAt - receivedAt < LONGEST_WAIT_MS;
      if (detail.ok) setCounts({ expected: detail.data.expected, present: detail.data.present });
      setState({ status: 'closed', message: result.message, opensAt: waiting ? opensAt : null });
      if (waiting) codeTimer.current = setTimeout(() => void fetchCode(), delayUntil(opensAt, Date.now()) + 500);
      return;
    }
    if (result.code === 'INTERNAL' || result.code === 'RATE_LIMITED') {
      // A network blip: the code on screen stays valid through its grace slot; try again shortly.
      setState((current) =>
        current.status === 'showing'
          ? { ...current, offline: true }
          : { status: 'error', message: result.message, code: result.code },
      );
      codeTimer.current = setTimeout(() => void fetchCode(), RETRY_AFTER_MS);
      return;
    }
    setState({ status: 'error', message: result.message, code: result.code });
  }, [activityId]);

  // Codes: start when shown, stop when hidden.
  useEffect(() => {
    live.current = true;
    if (!visible) return undefined;
    void fetchCode();
    return () => {
      live.current = false;
      clearCodeTimer();
    };
  }, [visible, fetchCode]);

  const reload = useCallback(() => {
    live.current = true;
    setState({ status: 'loading' });
    void fetchCode();
  }, [fetchCode]);

  return { state, counts, reload };
}

/** A clock that ticks every half second while `running`, for the countdown. */
export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
