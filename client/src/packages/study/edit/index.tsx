import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Role } from '@zhibu/types';
import { SessionGate } from '@/features/member';
import { useStudyTask } from '@/features/study';
import { TaskForm, copyOf, emptyTaskForm } from '@/features/study/manage';
import { ErrorState, LoadingState } from '@/ui';

function CopyForm({ taskId, roles, branchId }: { taskId: string; roles: readonly Role[]; branchId: string }) {
  const { state, reload } = useStudyTask(taskId);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return <TaskForm initial={copyOf(state.data, roles.includes('admin'))} roles={roles} branchId={branchId} />;
}

/** 布置学习任务; `?copyFrom=` fills it from last period's task (再发一期). */
export default function StudyEditPage() {
  const { params } = useRouter();
  const copyFrom = params.copyFrom ?? '';
  return (
    <View className="page">
      <SessionGate>
        {(member) =>
          copyFrom ? (
            <CopyForm taskId={copyFrom} roles={member.roles} branchId={member.branchId} />
          ) : (
            <TaskForm
              initial={emptyTaskForm(member.roles.includes('admin'))}
              roles={member.roles}
              branchId={member.branchId}
            />
          )
        }
      </SessionGate>
    </View>
  );
}
