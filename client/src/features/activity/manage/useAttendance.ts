import type { ActivityDetail, Attendance, ErrorCode } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showFailureToast } from '@/ui';
import { activityApi } from '../api';
import { manageApi } from './api';

export type AttendanceState =
  | { status: 'loading' }
  | { status: 'ready'; activity: ActivityDetail; attendance: Attendance }
  | { status: 'error'; message: string; code?: ErrorCode };

/** The attendance lists of one activity and the activity itself (its times decide what may be done). */
export function useAttendance(activityId: string) {
  const [state, setState] = useState<AttendanceState>({ status: 'loading' });
  /** Whether something is on screen: then a failed reload keeps it and says why in a toast. */
  const shown = useRef(false);
  shown.current = state.status === 'ready';
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    generation.current += 1;
    const asked = generation.current;
    setState((current) => (current.status === 'error' ? { status: 'loading' } : current));
    const [activity, attendance] = await Promise.all([activityApi.get(activityId), manageApi.attendance(activityId)]);
    if (asked !== generation.current) return;
    if (activity.ok && attendance.ok) {
      setState({ status: 'ready', activity: activity.data, attendance: attendance.data });
      return;
    }
    const failure = !activity.ok ? activity : !attendance.ok ? attendance : null;
    if (!failure) return;
    if (shown.current) showFailureToast(failure);
    else setState({ status: 'error', message: failure.message, code: failure.code });
  }, [activityId]);

  /** Takes the lists an action answered with (reviewLeave, markAttendance). */
  const replace = useCallback((attendance: Attendance) => {
    generation.current += 1;
    setState((current) => (current.status === 'ready' ? { ...current, attendance } : current));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, replace };
}
