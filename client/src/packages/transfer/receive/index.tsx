import { ManagerGate } from '@/features/org/ManagerGate';
import { ReceiveForm } from './ReceiveForm';

export default function ReceiveTransferPage() {
  return <ManagerGate>{() => <ReceiveForm />}</ManagerGate>;
}
