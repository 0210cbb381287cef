import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ManagerGate, RosterView } from '@/features/org';

export default function RosterPage() {
  const { params } = useRouter();
  const inviting = params.mode === 'invite';
  useEffect(() => {
    if (inviting) void Taro.setNavigationBarTitle({ title: '邀请绑定' });
  }, [inviting]);
  return (
    <ManagerGate>
      {(viewer) => <RosterView viewer={viewer} branchId={params.branchId} mode={inviting ? 'invite' : undefined} />}
    </ManagerGate>
  );
}
