import { Text, View } from '@tarojs/components';
import { DUES_CATEGORY_NAMES, type DuesBaseItem } from '@zhibu/types';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { duesApi, duesWrites } from '@/features/dues/api';
import { beijingNow, yuan } from '@/features/dues/format';
import { duesPages, openDuesPage } from '@/features/dues/routes';
import '@/features/dues/dues.css';
import { ManagerGate, toastDone } from '@/features/org';
import { useListPage } from '@/hooks/useListPage';
import { usePagedList } from '@/hooks/usePagedList';
import { Button, Cell, CellGroup, EmptyState, ErrorState, ListFooter, LoadingState, showFailureToast } from '@/ui';

const idOf = (item: DuesBaseItem) => item.memberId;

/** The secretary's 党费 page: each paying member's base and months, import, 公示, reminders. */
export default function DuesManagePage() {
  return <ManagerGate>{() => <DuesManage />}</ManagerGate>;
}

function DuesManage() {
  const { year } = beijingNow();
  const load = useCallback((page: number, size: number) => duesApi.bases(year, page, size), [year]);
  const list = usePagedList(load, { key: String(year), idOf });
  useListPage(list, duesWrites);
  const [reminding, setReminding] = useState(false);
  const remind = async () => {
    setReminding(true);
    const result = await duesApi.remind();
    setReminding(false);
    if (!result.ok) return showFailureToast(result);
    toastDone(result.data.sent > 0 ? `已提醒 ${result.data.sent} 人` : '没有需要提醒的党员');
  };

  return (
    <View className="page">
      <CellGroup title="党费工作">
        <Cell label="导入党费基数" value="表格导入" onClick={() => openDuesPage(duesPages.import())} />
        <Cell label="党费公示" value="按季度发布、查看" onClick={() => openDuesPage(duesPages.board())} />
      </CellGroup>
      <View className="dues-actions">
        <Button kind="secondary" loading={reminding} onClick={() => void remind()}>
          提醒欠缴党员
        </Button>
      </View>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState image={emptyImage} title="本支部暂无缴纳党费的党员" description="正式党员和预备党员在这里列出" />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <CellGroup title={`${year}年党费基数`}>
          {list.items.map((item) => (
            <Cell
              key={item.memberId}
              label={item.name}
              value={
                <View>
                  <Text>
                    {item.monthly === null
                      ? '未设置基数'
                      : `${item.category ? DUES_CATEGORY_NAMES[item.category] : ''} 月缴 ${yuan(item.monthly)} 元`}
                  </Text>
                  {item.overdueMonths > 0 ? (
                    <Text className="dues-state dues-state--overdue dues-state--after">
                      欠缴 {item.overdueMonths} 个月
                    </Text>
                  ) : null}
                </View>
              }
              onClick={() => openDuesPage(duesPages.member(item.memberId))}
            />
          ))}
        </CellGroup>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </View>
  );
}
