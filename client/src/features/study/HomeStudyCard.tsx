import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudyTaskSummary } from '@zhibu/types';
import { useEffect, useState } from 'react';
import { HomeCard, HomeRow } from '@/ui';
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
  return (
    <HomeCard
      title="待完成的学习"
      count={state.total}
      more="学习"
      onMore={() => void Taro.switchTab({ url: STUDY_PAGES.list })}
      empty="学习任务都已完成"
    >
      {state.items.map((task) => {
        const due = dueLabel(task);
        return (
          <HomeRow
            key={task.taskId}
            title={task.title}
            badge={<Text className={`study-badge study-badge--${due.tone}`}>{due.text}</Text>}
            onClick={() => openTask(task.taskId)}
          />
        );
      })}
    </HomeCard>
  );
}
