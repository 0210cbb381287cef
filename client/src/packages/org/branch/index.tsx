import { useRouter } from '@tarojs/taro';
import { BranchDetail, ManagerGate } from '@/features/org';

export default function BranchPage() {
  const { params } = useRouter();
  return (
    <ManagerGate adminOnly>{(viewer) => <BranchDetail viewer={viewer} branchId={params.branchId ?? ''} />}</ManagerGate>
  );
}
