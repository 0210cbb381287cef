import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { BranchForm, ManagerGate } from '@/features/org';

export default function BranchEditPage() {
  const { params } = useRouter();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: params.branchId ? '重命名支部' : '新建支部' });
  }, [params.branchId]);
  return <ManagerGate adminOnly>{() => <BranchForm branchId={params.branchId} />}</ManagerGate>;
}
