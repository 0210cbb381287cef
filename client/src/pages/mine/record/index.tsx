import { SessionGate } from '@/features/member';
import { MyStatsView } from '@/features/stats';

/** 我的记录: the member's own attendance, study, quizzes and reading by period. */
export default function MyRecordPage() {
  return <SessionGate>{() => <MyStatsView />}</SessionGate>;
}
