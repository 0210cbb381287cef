import { useRouter } from '@tarojs/taro';
import { CheckinScreen } from '@/features/checkin';

/**
 * Opened by scanning an activity's check-in code: WeChat passes the token as `scene` (the local
 * QR code links here with the same parameter). Checking in starts as soon as the page opens.
 */
export default function CheckinPage() {
  const { params } = useRouter();
  return <CheckinScreen scene={params.scene} />;
}
