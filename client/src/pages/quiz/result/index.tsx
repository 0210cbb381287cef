import { useRouter } from '@tarojs/taro';
import { SessionGate } from '@/features/member';
import { ResultView } from '@/features/quiz';

export default function QuizResultPage() {
  const { params } = useRouter();
  return <SessionGate>{() => <ResultView attemptId={params.attemptId ?? ''} />}</SessionGate>;
}
