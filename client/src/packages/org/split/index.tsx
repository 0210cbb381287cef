import { useRouter } from '@tarojs/taro';
import { ManagerGate, SplitView } from '@/features/org';

export default function SplitPage() {
  const { params } = useRouter();
  return <ManagerGate adminOnly>{() => <SplitView branchId={params.branchId ?? ''} />}</ManagerGate>;
}
