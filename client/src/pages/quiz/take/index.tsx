import { useRouter } from '@tarojs/taro';
import { SessionGate } from '@/features/member';
import { TakeQuiz } from '@/features/quiz';

export default function TakeQuizPage() {
  const { params } = useRouter();
  return <SessionGate>{() => <TakeQuiz quizId={params.quizId ?? ''} />}</SessionGate>;
}
