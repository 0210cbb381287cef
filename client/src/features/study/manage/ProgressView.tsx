import { Text, View } from '@tarojs/components';
import type { StudyProgress } from '@zhibu/types';
import { useState } from 'react';
import { Cell, CellGroup, Segmented } from '@/ui';
import { monthDay, monthDayTime } from '../days';
import { openCreateTask, openReflection, openTask } from '../navigation';
import '../study.css';

/** 学习进度: 应学 / 已完成 / 未完成 with names; a done row opens the reflection to read and comment. */
export function ProgressView({ progress }: { progress: StudyProgress }) {
  const [tab, setTab] = useState<'done' | 'todo'>('done');
  const todoCount = progress.audienceCount - progress.doneCount;
  return (
    <View>
      <View className="study-hero">
        <Text className="study-hero__title">{progress.title}</Text>
        <Text className="study-muted">
          {monthDay(progress.dueAt)} 截止{progress.reflectionMin ? ` · 心得至少 ${progress.reflectionMin} 字` : ''}
        </Text>
      </View>
      {!progress.started ? <Text className="study-notice">任务还没有开始，开始时确定应学人员。</Text> : null}
      <View className="study-counts" aria-label="学习进度">
        <View className="study-counts__item">
          <Text className="study-counts__number">{progress.audienceCount}</Text>
          <Text>应学</Text>
        </View>
        <View className="study-counts__item">
          <Text className="study-counts__number">{progress.doneCount}</Text>
          <Text>已完成</Text>
        </View>
        <View className="study-counts__item">
          <Text className="study-counts__number">{todoCount}</Text>
          <Text>未完成</Text>
        </View>
      </View>
      <Segmented
        segments={[
          { key: 'done' as const, label: '已完成', count: progress.doneCount },
          { key: 'todo' as const, label: '未完成', count: todoCount },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'done'
        ? progress.done.map((p) => (
            <View
              key={p.memberId}
              className="study-person"
              hoverClass="study-card--hover"
              onClick={() => openReflection(progress.taskId, p.memberId)}
            >
              <Text>{p.name}</Text>
              <Text className="study-muted">
                {monthDayTime(p.completedAt)}
                {p.late ? ' · 逾期' : ''}
                {p.excellent ? ' · 优秀' : p.commented ? ' · 已点评' : p.hasReflection ? ' · 待点评' : ''}
              </Text>
            </View>
          ))
        : progress.todo.map((p) => (
            <View key={p.memberId} className="study-person">
              <Text>{p.name}</Text>
              <Text className="study-muted">未完成</Text>
            </View>
          ))}
      <CellGroup>
        <Cell label="查看任务" onClick={() => openTask(progress.taskId)} />
        <Cell label="再发一期" value="复制本任务" onClick={() => openCreateTask(progress.taskId)} />
      </CellGroup>
    </View>
  );
}
