import { ManagerGate } from '@/features/org';
import { QuizForm } from '@/features/quiz/manage';

export default function CreateQuizPage() {
  return <ManagerGate>{(member) => <QuizForm member={member} />}</ManagerGate>;
}
