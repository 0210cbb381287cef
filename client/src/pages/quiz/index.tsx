import { SessionGate } from '@/features/member';
import { QuizListView } from '@/features/quiz';

export default function QuizPage() {
  return <SessionGate>{() => <QuizListView />}</SessionGate>;
}
