import { useRouter } from '@tarojs/taro';
import { ManagerGate, MergeView } from '@/features/org';

export default function MergePage() {
  const { params } = useRouter();
  return <ManagerGate adminOnly>{() => <MergeView targetBranchId={params.targetBranchId ?? ''} />}</ManagerGate>;
}
