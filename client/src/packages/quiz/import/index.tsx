import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org';
import { ImportSheet } from '@/features/quiz/manage';

export default function ImportPage() {
  const { params } = useRouter();
  return (
    <ManagerGate>
      {(member) => (
        <ImportSheet
          bankId={params.bankId ?? ''}
          name={decodeURIComponent(params.name ?? '')}
          branchId={member.branchId}
        />
      )}
    </ManagerGate>
  );
}
