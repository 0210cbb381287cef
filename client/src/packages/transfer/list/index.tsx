import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org/ManagerGate';
import type { TransferTab } from '@/features/transfer/routes';
import { TransferListView } from '@/features/transfer/manage/TransferListView';

const TABS: readonly TransferTab[] = ['incoming', 'outgoing', 'closed'];

export default function TransferListPage() {
  const { params } = useRouter();
  const tab = TABS.find((t) => t === params.tab) ?? 'incoming';
  return <ManagerGate>{() => <TransferListView initialTab={tab} />}</ManagerGate>;
}
