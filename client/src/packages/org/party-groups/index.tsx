import { useRouter } from '@tarojs/taro';
import { ManagerGate, PartyGroupsEditor } from '@/features/org';

export default function PartyGroupsPage() {
  const { params } = useRouter();
  return <ManagerGate>{(viewer) => <PartyGroupsEditor branchId={params.branchId ?? viewer.branchId} />}</ManagerGate>;
}
