import { View } from '@tarojs/components';
import type { StudyTaskSummary } from '@zhibu/types';
import emptyStudy from '@/assets/empty/study.png';
import type { PagedList } from '@/hooks/usePagedList';
import { EmptyState, ErrorState, ListFooter, LoadingState, Segmented } from '@/ui';
import { openTask } from './navigation';
import { TaskCard } from './TaskCard';

export type StudyStatus = 'todo' | 'done';

const SEGMENTS = [
  { key: 'todo' as const, label: '待完成' },
  { key: 'done' as const, label: '已完成' },
];

const EMPTY: Record<StudyStatus, { title: string; description: string }> = {
  todo: { title: '没有待完成的学习任务', description: '支部或局党委布置学习任务后，会显示在这里。' },
  done: { title: '还没有已完成的学习', description: '完成的学习任务和写过的心得体会会保存在这里。' },
};

/** 待完成 (by due date) / 已完成, and the tasks under them. */
export function StudyFeedView({
  list,
  status,
  onStatus,
}: {
  list: PagedList<StudyTaskSummary>;
  status: StudyStatus;
  onStatus: (status: StudyStatus) => void;
}) {
  let body;
  if (list.status === 'loading') body = <LoadingState />;
  else if (list.status === 'error')
    body = <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  else if (list.items.length === 0) body = <EmptyState image={emptyStudy} {...EMPTY[status]} />;
  else {
    body = (
      <>
        {list.items.map((task) => (
          <TaskCard key={task.taskId} task={task} onOpen={openTask} />
        ))}
        <ListFooter list={list} />
      </>
    );
  }
  return (
    <View>
      <Segmented segments={SEGMENTS} value={status} onChange={onStatus} />
      {body}
    </View>
  );
}
