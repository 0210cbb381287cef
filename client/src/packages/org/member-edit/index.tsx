import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ManagerGate, MemberEditor } from '@/features/org';

export default function MemberEditPage() {
  const { params } = useRouter();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: params.memberId ? '编辑党员资料' : '添加党员' });
  }, [params.memberId]);
  return (
    <ManagerGate>
      {(viewer) => <MemberEditor viewer={viewer} memberId={params.memberId} branchId={params.branchId} />}
    </ManagerGate>
  );
}
