import { useRouter } from '@tarojs/taro';
import { InviteView, ManagerGate } from '@/features/org';

export default function InvitePage() {
  const { params } = useRouter();
  return <ManagerGate>{() => <InviteView memberId={params.memberId ?? ''} />}</ManagerGate>;
}
