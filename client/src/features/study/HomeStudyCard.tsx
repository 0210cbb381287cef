import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudyTaskSummary } from '@zhibu/types';
import { useEffect, useState } from 'react';
import { studyApi, studyChangeCount } from './api';
import { dueLabel } from './days';
import { STUDY_PAGES, openTask } from './navigation';
import './study.css';

const SHOWN = 3;

/** 首页: the member's open study tasks, soonest due first, with the days left. */
export function HomeStudyCard({ refreshKey }: { refreshKey: number }) {
  const [state, setState] = useState<{ items: StudyTaskSummary[]; total: number } | null>(null);
  const changes = studyChangeCount();

  useEffect(() => {
    let live = true;
    void studyApi.list('todo', 1, SHOWN).then((result) => {
      // The card is a summary: a failure leaves it out rather than filling the home page with errors.
      if (live && result.ok) setState(result.data);
    });
    return () => {
      live = false;
    };
  }, [refreshKey, changes]);

  if (!state) return null;
  const openList = () => void Taro.switchTab({ url: STUDY_PAGES.list });
  return (
    <View className="study-home" aria-label="待完成的学习">
      <View className="study-home__head" onClick={openList}>
        <Text className="study-home__title">待完成的学习</Text>
        <Text className="study-home__more">{state.total > 0 ? `共 ${state.total} 项 ›` : '全部 ›'}</Text>
      </View>
      {state.items.length === 0 ? <Text className="study-home__empty">学习任务都已完成</Text> : null}
      {state.items.map((task) => {
        const due = dueLabel(task);
        return (
          <View
            key={task.taskId}
            className="study-home__row"
            hoverClass="study-card--hover"
            onClick={() => openTask(task.taskId)}
          >
            <Text className="study-home__name">{task.title}</Text>
            <Text className={`study-badge study-badge--${due.tone}`}>{due.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
