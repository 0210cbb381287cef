import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { fail } from '@/services/result';
import { studyApi } from './api';

/** One task's detail, loaded on mount and on `reload`. */
export function useStudyTask(taskId: string) {
  const load = useCallback(
    () => (taskId ? studyApi.get(taskId) : Promise.resolve(fail('NOT_FOUND', '没有指定学习任务，请从学习列表进入'))),
    [taskId],
  );
  return useRemoteData(load);
}
