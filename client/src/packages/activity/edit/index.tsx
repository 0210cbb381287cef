import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { SessionGate } from '@/features/member';
import { ActivityEditor } from '@/features/activity/manage';

/** 发起活动 (no id) or 编辑活动 (`?id=`), for the branch committee. */
export default function ActivityEditPage() {
  const { params } = useRouter();
  const activityId = params.id ?? '';

  useEffect(() => {
    if (activityId) void Taro.setNavigationBarTitle({ title: '编辑活动' });
  }, [activityId]);

  return <SessionGate>{(member) => <ActivityEditor activityId={activityId} member={member} />}</SessionGate>;
}
