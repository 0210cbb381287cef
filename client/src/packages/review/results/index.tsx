import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { REVIEW_GRADES, type OwnResult, type ReviewGrade, type ReviewSummary } from '@zhibu/types';
import { useState } from 'react';
import { reviewApi } from '@/features/review/api';
import { usePagedList } from '@/hooks/usePagedList';
import { Cell, CellGroup, ErrorState, ListFooter, LoadingState } from '@/ui';
import '@/features/review/review.css';
import { usePullToReload } from '@/hooks/usePullToReload';

interface Row {
  memberId: string;
  name: string;
  grade: ReviewGrade;
}

/** The member's own detailed result: theirs alone. */
function OwnResultCells({ own }: { own: OwnResult }) {
  return (
    <CellGroup title="我的评议结果（仅本人可见）">
      <Cell
        label="最终评定"
        value={
          <Text className={own.final === '不合格' ? 'rv-result__grade rv-result__grade--bad' : 'rv-result__grade'}>
            {own.final}
          </Text>
        }
      />
      <Cell label="互评得票" value={REVIEW_GRADES.map((g) => `${g} ${own.counts[g]}`).join(' · ')} />
      <Cell label="支部评定" value={own.committeeGrade ?? '—'} />
      <Cell label="综合得分" value={own.score === null ? '—' : `${own.score} 分`} />
      {own.reason ? <Cell label="理由" value={own.reason} /> : null}
    </CellGroup>
  );
}

/** The branch's 公示: everyone's published grade, and the caller's own detail. */
export default function ReviewResultsPage() {
  const { params } = useRouter();
  const reviewId = params.id ?? '';
  const [extra, setExtra] = useState<{ review: ReviewSummary; own: OwnResult | null } | null>(null);
  const list = usePagedList<Row>(
    async (page, size) => {
      const result = await reviewApi.results(reviewId, page, size);
      if (result.ok) setExtra({ review: result.data.review, own: result.data.own });
      return result;
    },
    { key: reviewId, pageSize: 50, idOf: (r) => r.memberId },
  );
  useReachBottom(() => void list.loadMore());
  usePullToReload(list.reload);
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error') {
    return (
      <ErrorState
        message={list.message}
        code={list.code}
        notFoundTitle="没有找到该民主评议"
        onRetry={() => void list.reload()}
      />
    );
  }
  return (
    <View className="page">
      {extra ? (
        <View className="rv-head">
          <Text className="rv-head__title">{extra.review.year} 年度民主评议党员结果公示</Text>
          <Text className="rv-head__meta">{`${extra.review.branchName} · 公示于 ${extra.review.publishedAt?.slice(0, 10) ?? ''}`}</Text>
        </View>
      ) : null}
      {extra?.own ? <OwnResultCells own={extra.own} /> : null}
      <CellGroup title="公示名单">
        {list.items.map((r) => (
          <Cell
            key={r.memberId}
            label={r.name}
            value={
              <Text className={r.grade === '不合格' ? 'rv-result__grade rv-result__grade--bad' : 'rv-result__grade'}>
                {r.grade}
              </Text>
            }
          />
        ))}
      </CellGroup>
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </View>
  );
}
