import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org';
import { DashboardView } from '@/features/stats/manage';

/** 统计看板 (`?period=`), for the bureau's admins. */
export default function StatsDashboardPage() {
  const { params } = useRouter();
  return <ManagerGate adminOnly>{() => <DashboardView initialPeriod={params.period} />}</ManagerGate>;
}
