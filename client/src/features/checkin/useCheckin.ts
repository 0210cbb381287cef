import type { ErrorCode } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { noteActivityChanged } from '@/features/activity';
import { callFunction } from '@/services';
import { tokenFromScene } from './scene';

export type CheckinState =
  | { status: 'idle' }
  | { status: 'checking' }
  | {
      status: 'done';
      activityId: string;
      title: string;
      checkedInAt: string;
      alreadyCheckedIn: boolean;
    }
  | { status: 'failed'; code: ErrorCode; message: string; token: string | null };

const NOT_A_CODE = '这不是有效的签到二维码，请扫描活动现场屏幕上的二维码';

/**
 * Checks in with a token as soon as there is one: the `scene` the page opened with, or one found
 * later (pasted, scanned). Each token is sent once; `retry` sends the last one again.
 */
export function useCheckin(scene: string | undefined) {
  const [state, setState] = useState<CheckinState>(() => (scene ? { status: 'checking' } : { status: 'idle' }));
  const lastToken = useRef<string | null>(null);
  const sentScene = useRef(false);

  const checkIn = useCallback(async (token: string | null): Promise<void> => {
    if (!token) {
      setState({ status: 'failed', code: 'INVALID_ARGUMENT', message: NOT_A_CODE, token: null });
      return;
    }
    lastToken.current = token;
    setState({ status: 'checking' });
    const result = await callFunction('activity', 'checkin', { token });
    if (result.ok) {
      if (!result.data.alreadyCheckedIn) noteActivityChanged();
      setState({ status: 'done', ...result.data });
      return;
    }
    // The page itself shows the reason, large; no toast on top of it.
    setState({ status: 'failed', code: result.code, message: result.message, token });
  }, []);

  useEffect(() => {
    if (!scene || sentScene.current) return;
    sentScene.current = true;
    void checkIn(tokenFromScene(scene));
  }, [scene, checkIn]);

  const retry = useCallback(() => void checkIn(lastToken.current), [checkIn]);

  return { state, checkIn, retry };
}
