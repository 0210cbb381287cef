import { useRouter } from '@tarojs/taro';
import { ManagerGate, MemberDetail } from '@/features/org';

export default function MemberPage() {
  const { params } = useRouter();
  return <ManagerGate>{(viewer) => <MemberDetail viewer={viewer} memberId={params.memberId ?? ''} />}</ManagerGate>;
}
