import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org';
import { InspectionView } from '@/features/stats/manage';

/** 支部考评 (`?period=` a half-year or a year), for the bureau's admins. */
export default function StatsInspectionPage() {
  const { params } = useRouter();
  return <ManagerGate adminOnly>{() => <InspectionView initialPeriod={params.period} />}</ManagerGate>;
}
