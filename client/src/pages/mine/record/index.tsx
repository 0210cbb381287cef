import { useRouter } from '@tarojs/taro';
import { SessionGate } from '@/features/member';
import { MyStatsView } from '@/features/stats';

/**
 * 我的记录: a member's own attendance, study, quizzes and reading by period; with `?memberId=`, a
 * member of the branch as its committee sees them (the server decides who may).
 */
export default function MyRecordPage() {
  const { params } = useRouter();
  return <SessionGate>{() => <MyStatsView memberId={params.memberId || undefined} />}</SessionGate>;
}
