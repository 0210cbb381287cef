import { ManagerGate } from '@/features/org';
import { RulesView } from '@/features/stats/manage';

/** 合规规则 of the bureau, for its admins. */
export default function StatsRulesPage() {
  return <ManagerGate adminOnly>{() => <RulesView />}</ManagerGate>;
}
