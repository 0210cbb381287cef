import { Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { managedTaskSchema } from '@zhibu/types';
import emptyStudy from '@/assets/empty/study.png';
import type { PagedList } from '@/hooks/usePagedList';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import { monthDay } from '../days';
import { openProgress } from '../navigation';
import '../study.css';

export type ManagedTask = z.infer<typeof managedTaskSchema>;

/** The branch's tasks with 已完成 / 应学, newest due first. */
export function ManageList({ list }: { list: PagedList<ManagedTask> }) {
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error')
    return <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  if (list.items.length === 0)
    return <EmptyState image={emptyStudy} title="还没有学习任务" description="点击“布置学习任务”，安排支部的学习。" />;
  return (
    <>
      {list.items.map((task) => (
        <View
          key={task.taskId}
          className="study-card"
          hoverClass="study-card--hover"
          aria-label={task.title}
          onClick={() => openProgress(task.taskId)}
        >
          <View className="study-card__head">
            <Text className="study-card__title">{task.title}</Text>
            <Text className="study-badge">{task.started ? `已完成 ${task.done}/${task.expected}` : '未开始'}</Text>
          </View>
          <View className="study-card__meta">
            <Text>
              {monthDay(task.startAt)} — {monthDay(task.dueAt)}
            </Text>
            <Text>{task.reflectionMin ? `心得 ${task.reflectionMin} 字` : '无需心得'}</Text>
          </View>
        </View>
      ))}
      <ListFooter list={list} />
    </>
  );
}
