import { View } from '@tarojs/components';
import type { StudyTaskSummary } from '@zhibu/types';
import { useState } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { useListPage } from '@/hooks/useListPage';
import { canManageActivities } from '@/features/activity';
import { SessionGate } from '@/features/member';
import {
  StudyFeedView,
  openCreateTask,
  openManage,
  openNotes,
  studyApi,
  studyChangeCount,
  type StudyStatus,
} from '@/features/study';
import { Button, Cell, CellGroup } from '@/ui';

/** 学习: the member's tasks (待完成 by due date, then 已完成), notes, and the committee's entry points. */
export default function StudyPage() {
  const [status, setStatus] = useState<StudyStatus>('todo');
  const list = usePagedList<StudyTaskSummary>((page, size) => studyApi.list(status, page, size), {
    key: status,
    idOf: (t) => t.taskId,
  });
  useListPage(list, studyChangeCount);

  return (
    <SessionGate>
      {(member) => (
        <>
          {canManageActivities(member.roles) ? (
            <View className="study-toolbar">
              <View className="study-toolbar__item">
                <Button onClick={() => openCreateTask()}>布置学习任务</Button>
              </View>
              <View className="study-toolbar__item">
                <Button kind="secondary" onClick={openManage}>
                  任务与进度
                </Button>
              </View>
            </View>
          ) : null}
          <CellGroup>
            <Cell label="我的学习笔记" value="仅自己可见" onClick={openNotes} />
          </CellGroup>
          <StudyFeedView list={list} status={status} onStatus={setStatus} />
        </>
      )}
    </SessionGate>
  );
}
