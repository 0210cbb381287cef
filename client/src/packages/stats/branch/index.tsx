import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org';
import { BranchView } from '@/features/stats/manage';

/** One branch's statistics and calendar (`?branchId=&period=`): its committee, or the bureau for any branch. */
export default function StatsBranchPage() {
  const { params } = useRouter();
  return (
    <ManagerGate>
      {() => <BranchView branchId={params.branchId || undefined} initialPeriod={params.period} />}
    </ManagerGate>
  );
}
