import { SessionGate } from '@/features/member';
import { WrongBookView } from '@/features/quiz';

export default function WrongBookPage() {
  return <SessionGate>{() => <WrongBookView />}</SessionGate>;
}
