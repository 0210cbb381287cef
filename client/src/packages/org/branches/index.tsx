import { BranchList, ManagerGate } from '@/features/org';

export default function BranchesPage() {
  return <ManagerGate adminOnly>{() => <BranchList />}</ManagerGate>;
}
