import { View } from '@tarojs/components';
import { usePagedList } from '@/hooks/usePagedList';
import { useListPage } from '@/hooks/useListPage';
import { openCreateTask, studyChangeCount } from '@/features/study';
import { ManageList, manageStudyApi, type ManagedTask } from '@/features/study/manage';
import { Button } from '@/ui';

/** 任务与进度: the branch's study tasks for its committee (and the bureau's own branch). */
export default function StudyManagePage() {
  const list = usePagedList<ManagedTask>((page, size) => manageStudyApi.list(page, size), { idOf: (t) => t.taskId });
  useListPage(list, studyChangeCount);

  return (
    <View className="page">
      <View className="study-actions">
        <Button onClick={() => openCreateTask()}>布置学习任务</Button>
      </View>
      <ManageList list={list} />
    </View>
  );
}
