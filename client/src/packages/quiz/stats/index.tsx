import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org';
import { StatsView } from '@/features/quiz/manage';

export default function QuizStatsPage() {
  const { params } = useRouter();
  return <ManagerGate>{() => <StatsView quizId={params.quizId ?? ''} />}</ManagerGate>;
}
