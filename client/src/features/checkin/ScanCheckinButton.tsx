import { Button } from '@/ui';
import { scanToCheckIn } from './scan';

/** The big green 扫码签到 of the 活动 tab and an activity's page. */
export function ScanCheckinButton({ kind = 'primary' }: { kind?: 'primary' | 'secondary' }) {
  return (
    <Button kind={kind} onClick={() => void scanToCheckIn()}>
      扫码签到
    </Button>
  );
}
