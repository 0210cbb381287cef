import Taro, { useRouter } from '@tarojs/taro';
import type { ActivityType } from '@zhibu/types';
import { useEffect } from 'react';
import { SessionGate } from '@/features/member';
import { ACTIVITY_TYPE_ORDER } from '@/features/activity';
import { ActivityEditor } from '@/features/activity/manage';

/** 发起活动 (no id; `?type=committee` starts it as a 支委会) or 编辑活动 (`?id=`), for the branch committee. */
export default function ActivityEditPage() {
  const { params } = useRouter();
  const activityId = params.id ?? '';
  const type = ACTIVITY_TYPE_ORDER.find((t): t is ActivityType => t === params.type);

  useEffect(() => {
    if (activityId) void Taro.setNavigationBarTitle({ title: '编辑活动' });
  }, [activityId]);

  return (
    <SessionGate>
      {(member) => <ActivityEditor activityId={activityId} member={member} initialType={type} />}
    </SessionGate>
  );
}
