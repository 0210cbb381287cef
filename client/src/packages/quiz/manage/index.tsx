import { ManagerGate } from '@/features/org';
import { ManagedList } from '@/features/quiz/manage';

export default function ManagedQuizzesPage() {
  return <ManagerGate>{() => <ManagedList />}</ManagerGate>;
}
