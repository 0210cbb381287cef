import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org/ManagerGate';
import { StartTransferForm } from '@/features/transfer/manage/StartTransferForm';

export default function StartTransferPage() {
  const { params } = useRouter();
  return <ManagerGate>{() => <StartTransferForm memberId={params.memberId ?? ''} />}</ManagerGate>;
}
