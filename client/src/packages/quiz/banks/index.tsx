import { ManagerGate } from '@/features/org';
import { BankList } from '@/features/quiz/manage';

export default function BanksPage() {
  return <ManagerGate>{() => <BankList />}</ManagerGate>;
}
