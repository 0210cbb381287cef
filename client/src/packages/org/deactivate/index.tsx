import { useRouter } from '@tarojs/taro';
import { DeactivateForm, ManagerGate } from '@/features/org';

export default function DeactivatePage() {
  const { params } = useRouter();
  return <ManagerGate>{() => <DeactivateForm memberId={params.memberId ?? ''} />}</ManagerGate>;
}
