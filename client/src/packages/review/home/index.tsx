import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { REVIEW_GRADES, type BallotItem, type ReviewGrade, type ReviewMine } from '@zhibu/types';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { canManage, useSession } from '@/features/member';
import { reviewApi } from '@/features/review/api';
import { statusText, windowText } from '@/features/review/format';
import { reviewPages } from '@/features/review/routes';
import { usePagedList } from '@/hooks/usePagedList';
import { useRemoteData } from '@/hooks/useRemoteData';
import { useSubmit } from '@/hooks/useSubmit';
import {
  Button,
  Cell,
  CellGroup,
  confirm,
  EmptyState,
  ErrorState,
  FormActions,
  FormGroup,
  FormProblem,
  FormTextarea,
  ListFooter,
  LoadingState,
  showFailureToast,
} from '@/ui';
import '@/features/review/review.css';
import { usePullToReload } from '@/hooks/usePullToReload';

/** The member's 自评: written once the review is open, checked for length on the server too. */
function SelfAssessment({
  mine,
  onSaved,
}: {
  mine: ReviewMine & { review: NonNullable<ReviewMine['review']> };
  onSaved: () => void;
}) {
  const [text, setText] = useState(mine.selfText ?? '');
  const { problem, saving, submit } = useSubmit();
  const min = mine.review.minSelfLength;
  const length = [...text.trim()].length;
  const save = async () => {
    const done = await submit(length < min ? `自评至少 ${min} 个字，目前 ${length} 个字` : null, () =>
      reviewApi.selfAssess(mine.review.reviewId, text),
    );
    if (done) {
      void Taro.showToast({ title: '自评已提交', icon: 'success' });
      onSaved();
    }
  };
  return (
    <FormGroup title={mine.selfText ? '我的自评（已提交，可修改）' : '我的自评'} footer={`不少于 ${min} 字`}>
      <FormTextarea
        label="自评"
        value={text}
        onChange={setText}
        maxlength={5000}
        placeholder="对照党员标准，谈谈本年度的学习、工作和作风，以及今后的努力方向"
      />
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void save()}>
          {mine.selfText ? '更新自评' : '提交自评'}
        </Button>
      </FormActions>
    </FormGroup>
  );
}

/** One member to rate: four large buttons; a vote is final and anonymous. */
function RateRow({ item, onRate }: { item: BallotItem; onRate: (grade: ReviewGrade) => void }) {
  return (
    <View className="rv-rate" aria-label={`评议 ${item.name}`}>
      <View className="rv-rate__head">
        <Text className="rv-rate__name">{item.name}</Text>
        {item.rated ? <Text className="rv-rate__done">已评</Text> : null}
      </View>
      {item.rated ? null : (
        <View className="rv-grades">
          {REVIEW_GRADES.map((grade) => (
            <View key={grade} className="rv-grade" hoverClass="rv-grade--hover" onClick={() => onRate(grade)}>
              {grade}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function RatingList({ reviewId, onRated }: { reviewId: string; onRated: () => void }) {
  const list = usePagedList<BallotItem>((page, size) => reviewApi.ballot(reviewId, page, size), {
    key: reviewId,
    pageSize: 50,
    idOf: (i) => i.memberId,
  });
  useReachBottom(() => void list.loadMore());
  const rate = async (item: BallotItem, grade: ReviewGrade) => {
    const sure = await confirm({
      title: `评议 ${item.name}`,
      content: `评为“${grade}”？评价匿名，提交后不能修改。`,
      confirmText: '提交',
    });
    if (!sure) return;
    const result = await reviewApi.rate(reviewId, item.memberId, grade);
    if (!result.ok) {
      showFailureToast(result);
      // Already rated (another tap, another phone) or a moment's write conflict: the server's list
      // says which.
      if (result.code === 'CONFLICT') void list.reload();
      return;
    }
    list.update((items) => items.map((i) => (i.memberId === item.memberId ? { ...i, rated: true } : i)));
    onRated();
  };
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error')
    return <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  return (
    <CellGroup title="评议其他党员（匿名）">
      {list.items.map((item) => (
        <RateRow key={item.memberId} item={item} onRate={(grade) => void rate(item, grade)} />
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </CellGroup>
  );
}

export default function ReviewHomePage() {
  const { session } = useSession();
  const load = useCallback(() => reviewApi.mine(), []);
  const { state, reload } = useRemoteData(load);
  const [ballotKey, setBallotKey] = useState(0);
  usePullToReload(() => {
    setBallotKey((n) => n + 1);
    return reload();
  });
  const manager = session.status === 'ready' && canManage(session.member.roles);
  const manageCell = manager ? (
    <CellGroup>
      <Cell
        label="评议管理"
        value="开启、进度、支部评定、公示"
        onClick={() => void Taro.navigateTo({ url: reviewPages.manage() })}
      />
    </CellGroup>
  ) : null;

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const mine = state.data;
  const review = mine.review;
  if (!review) {
    return (
      <View className="page">
        <EmptyState
          image={emptyImage}
          title="本支部还没有开启民主评议"
          description="支部书记开启年度民主评议后，可以在这里撰写自评、评议其他党员"
        />
        {manageCell}
      </View>
    );
  }
  return (
    <View className="page">
      <View className="rv-head">
        <Text className="rv-head__title">
          {review.year} 年度民主评议党员
          <Text className="rv-head__status">{statusText(review)}</Text>
        </Text>
        <Text className="rv-head__meta">{review.branchName}</Text>
        <Text className="rv-head__meta">{`评议时间 ${windowText(review)}`}</Text>
        {mine.reviewed ? (
          <Text className="rv-head__meta">{`已评 ${mine.rated} / ${mine.toRate} 人 · 自评${mine.selfText ? '已提交' : '未提交'}`}</Text>
        ) : null}
      </View>
      {review.status === 'published' ? (
        <CellGroup>
          <Cell
            label="评议结果公示"
            value="查看"
            onClick={() => void Taro.navigateTo({ url: reviewPages.results(review.reviewId) })}
          />
        </CellGroup>
      ) : null}
      {!mine.reviewed ? (
        <Text className="rv-note">参加评议的是开启评议时本支部的正式党员和预备党员，您不在本次评议范围内。</Text>
      ) : null}
      {mine.reviewed && review.rating ? (
        <>
          <SelfAssessment mine={{ ...mine, review }} onSaved={() => void reload()} />
          <Text className="rv-note">
            评价只记录结果，不记录是谁评的：支部书记和局党委也看不到您给谁评了什么。每人每位只能评一次。
          </Text>
          <RatingList key={ballotKey} reviewId={review.reviewId} onRated={() => void reload()} />
        </>
      ) : null}
      {mine.reviewed && !review.rating && review.status !== 'published' ? (
        <Text className="rv-note">不在评议时间内。评议结果公示后可在这里查看。</Text>
      ) : null}
      {manageCell}
    </View>
  );
}
