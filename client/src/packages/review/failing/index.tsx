import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import type { FailingItem } from '@zhibu/types';
import { useState } from 'react';
import emptyImage from '@/assets/empty/search.png';
import { beijingToday, defaultReviewYear } from '@/features/review/format';
import { reviewApi } from '@/features/review/api';
import { usePagedList } from '@/hooks/usePagedList';
import { CellGroup, EmptyState, ErrorState, ListFooter, LoadingState, Segmented } from '@/ui';
import '@/features/review/review.css';
import { usePullToReload } from '@/hooks/usePullToReload';

/** The bureau's view: the members each branch's published review found 不合格, with the reason. */
export default function ReviewFailingPage() {
  const latest = defaultReviewYear(beijingToday());
  const years = [latest, latest - 1, latest - 2].map(String);
  const [year, setYear] = useState(years[0]!);
  const list = usePagedList<FailingItem>((page, size) => reviewApi.failing(Number(year), page, size), {
    key: year,
    pageSize: 20,
    idOf: (i) => `${i.reviewId}_${i.memberId}`,
  });
  useReachBottom(() => void list.loadMore());
  usePullToReload(list.reload);
  return (
    <View className="page">
      <Segmented segments={years.map((y) => ({ key: y, label: `${y} 年度` }))} value={year} onChange={setYear} />
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? (
        <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          image={emptyImage}
          title="没有评议为不合格的党员"
          description="各支部公示民主评议结果后，评定为不合格的党员及理由会列在这里"
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <CellGroup title="评定为不合格（各支部公示结果）">
          {list.items.map((i) => (
            <View key={`${i.reviewId}_${i.memberId}`} className="rv-sheet">
              <Text className="rv-sheet__name">{i.name}</Text>
              <Text className="rv-sheet__line">{i.branchName}</Text>
              <Text className="rv-sheet__line">{`理由：${i.reason}`}</Text>
            </View>
          ))}
        </CellGroup>
      ) : null}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </View>
  );
}
