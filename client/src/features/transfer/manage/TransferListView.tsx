import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TransferItem } from '@zhibu/types';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { useListPage } from '@/hooks/useListPage';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, EmptyState, ErrorState, FormActions, ListFooter, LoadingState, Segmented } from '@/ui';
import { transferApi } from '../api';
import { transferPages, type TransferTab } from '../routes';
import { TransferCard } from './TransferCard';
import './transfer.css';

const TABS: { key: TransferTab; label: string; empty: string }[] = [
  { key: 'incoming', label: '待接收', empty: '没有等待本支部接收的党员' },
  { key: 'outgoing', label: '已发出', empty: '没有等待对方接收的转出' },
  { key: 'closed', label: '已完成', empty: '还没有办结的转接' },
];

const FILTERS = {
  incoming: { status: 'open', direction: 'incoming' },
  outgoing: { status: 'open', direction: 'outgoing' },
  closed: { status: 'closed' },
} as const;

const idOf = (item: TransferItem) => item.transferId;

/** 组织关系转接: what waits to be received, what was sent, what is done — each with its waiting days. */
export function TransferListView({ initialTab }: { initialTab: TransferTab }) {
  const [tab, setTab] = useState<TransferTab>(initialTab);
  const load = useCallback((page: number, size: number) => transferApi.list(page, size, FILTERS[tab]), [tab]);
  const list = usePagedList(load, { key: tab, idOf });
  useListPage(list);
  const current = TABS.find((t) => t.key === tab)!;

  const decided = (item: TransferItem) => {
    void Taro.showToast({ title: item.status === 'accepted' ? '已接收' : '已退回', icon: 'success' });
    // Decided: it leaves the open tabs.
    list.update((items) => items.filter((i) => i.transferId !== item.transferId));
  };

  return (
    <View className="page">
      <View className="transfer-tabs">
        <Segmented value={tab} segments={TABS.map((t) => ({ key: t.key, label: t.label }))} onChange={setTab} />
      </View>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState image={emptyImage} title={`暂无${current.label}`} description={current.empty} />
      ) : null}
      {list.status === 'ready'
        ? list.items.map((item) => <TransferCard key={item.transferId} item={item} onDecided={decided} />)
        : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 项`} />
      {list.status === 'error' ? null : (
        <FormActions>
          <Button kind="secondary" onClick={() => void Taro.navigateTo({ url: transferPages.receive() })}>
            登记从局外转入
          </Button>
        </FormActions>
      )}
    </View>
  );
}
