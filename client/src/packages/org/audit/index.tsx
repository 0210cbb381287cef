import { useRouter } from '@tarojs/taro';
import { AuditLogView, ManagerGate } from '@/features/org';

export default function AuditPage() {
  const { params } = useRouter();
  return (
    <ManagerGate adminOnly>
      {() => <AuditLogView branchId={params.branchId} targetId={params.targetId} title={params.title} />}
    </ManagerGate>
  );
}
