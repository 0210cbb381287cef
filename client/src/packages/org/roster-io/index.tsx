import { useRouter } from '@tarojs/taro';
import { ManagerGate, RosterIo } from '@/features/org';

export default function RosterIoPage() {
  const { params } = useRouter();
  return (
    <ManagerGate>
      {(viewer) => <RosterIo viewer={viewer} branchId={params.branchId} all={params.all === '1'} />}
    </ManagerGate>
  );
}
