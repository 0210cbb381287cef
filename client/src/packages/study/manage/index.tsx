import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { openCreateTask, studyChangeCount } from '@/features/study';
import { ManageList, manageStudyApi, type ManagedTask } from '@/features/study/manage';
import { Button } from '@/ui';

/** 任务与进度: the branch's study tasks for its committee (and the bureau's own branch). */
export default function StudyManagePage() {
  const list = usePagedList<ManagedTask>((page, size) => manageStudyApi.list(page, size), { idOf: (t) => t.taskId });
  const seen = useRef(studyChangeCount());

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
  useDidShow(() => {
    if (seen.current !== studyChangeCount()) {
      seen.current = studyChangeCount();
      void list.reload();
    }
  });

  return (
    <View className="page">
      <View className="study-actions">
        <Button onClick={() => openCreateTask()}>布置学习任务</Button>
      </View>
      <ManageList list={list} />
    </View>
  );
}
