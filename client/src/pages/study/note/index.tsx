import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { NoteEditor, studyApi } from '@/features/study';
import { ErrorState, LoadingState } from '@/ui';

/** A new note (`?taskId=` ties it to a task), or one of the caller's own notes (`?id=`). */
export default function NotePage() {
  const { params } = useRouter();
  const noteId = params.id ?? '';
  const taskId = params.taskId || undefined;
  const load = useCallback(
    () => (noteId ? studyApi.getNote(noteId) : Promise.resolve({ ok: true as const, data: null })),
    [noteId],
  );
  const { state, reload } = useRemoteData(load);

  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' ? <NoteEditor note={state.data} taskId={taskId} /> : null}
    </View>
  );
}
