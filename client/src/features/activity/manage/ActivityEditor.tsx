import Taro from '@tarojs/taro';
import type { ActivityType, Role } from '@zhibu/types';
import { ErrorState, LoadingState } from '@/ui';
import { noteActivityChanged } from '../api';
import { ACTIVITY_PAGES, leavePage } from '../navigation';
import { useActivity } from '../useActivity';
import { ActivityForm, type FormOutcome } from './ActivityForm';
import { manageApi } from './api';

interface ActivityEditorProps {
  /** Empty to create a new activity. */
  activityId: string;
  member: { branchId: string; roles: readonly Role[] };
  /** The type a new activity starts with. */
  initialType?: ActivityType;
}

async function send(activityId: string, outcome: FormOutcome): Promise<string | null> {
  if (outcome.kind === 'update') {
    const result = await manageApi.update(activityId, outcome.patch);
    if (!result.ok) return result.message;
    noteActivityChanged();
    void Taro.showToast({ title: '已保存', icon: 'success' });
    leavePage();
    return null;
  }
  if (outcome.kind === 'push') {
    const result = await manageApi.push(outcome.input);
    if (!result.ok) return result.message;
    noteActivityChanged();
    void Taro.showToast({ title: `已下发到 ${result.data.activityIds.length} 个支部`, icon: 'none', duration: 3000 });
    leavePage();
    return null;
  }
  const result = await manageApi.create(outcome.input);
  if (!result.ok) return result.message;
  noteActivityChanged();
  void Taro.showToast({ title: '活动已发布', icon: 'success' });
  // The new activity's page, where the code, attendance and minutes are reached.
  void Taro.redirectTo({ url: `${ACTIVITY_PAGES.detail}?id=${encodeURIComponent(result.data.activityId)}` });
  return null;
}

function EditExisting({ activityId, member }: { activityId: string; member: ActivityEditorProps['member'] }) {
  const { state, reload } = useActivity(activityId);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={state.message}
        code={state.code}
        notFoundTitle="该活动不存在或已取消"
        onRetry={() => void reload()}
      />
    );
  return <ActivityForm editing={state.data} member={member} onSubmit={(outcome) => send(activityId, outcome)} />;
}

/** The form page's content: a new activity, or an existing one loaded first. */
export function ActivityEditor({ activityId, member, initialType }: ActivityEditorProps) {
  if (activityId) return <EditExisting activityId={activityId} member={member} />;
  return (
    <ActivityForm editing={null} member={member} initialType={initialType} onSubmit={(outcome) => send('', outcome)} />
  );
}
