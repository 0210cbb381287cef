import { Text, View } from '@tarojs/components';
import type { StudyTaskSummary } from '@zhibu/types';
import { dueLabel, monthDay } from './days';
import './study.css';

/** One task in the 学习 list: title, due date, and what is left to do. */
export function TaskCard({ task, onOpen }: { task: StudyTaskSummary; onOpen: (taskId: string) => void }) {
  const due = dueLabel(task);
  return (
    <View
      className="study-card"
      hoverClass="study-card--hover"
      aria-label={task.title}
      onClick={() => onOpen(task.taskId)}
    >
      <View className="study-card__head">
        <Text className="study-card__title">{task.title}</Text>
        <Text className={`study-badge study-badge--${due.tone}`}>{due.text}</Text>
      </View>
      <View className="study-card__meta">
        <Text>{monthDay(task.dueAt)} 截止</Text>
        <Text>{task.reflectionMin ? `需写心得 ${task.reflectionMin} 字以上` : '阅读后点“完成学习”'}</Text>
      </View>
    </View>
  );
}
