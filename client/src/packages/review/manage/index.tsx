import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { REVIEW_GRADES, type ReviewGrade, type ReviewSummary, type SheetItem } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { useSession } from '@/features/member';
import { reviewApi } from '@/features/review/api';
import { addDays, beijingToday, defaultReviewYear, statusText, windowText } from '@/features/review/format';
import { reviewPages } from '@/features/review/routes';
import { usePagedList } from '@/hooks/usePagedList';
import { useRemoteData } from '@/hooks/useRemoteData';
import { useSubmit } from '@/hooks/useSubmit';
import {
  Button,
  Cell,
  CellGroup,
  confirm,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormInput,
  FormProblem,
  ListFooter,
  LoadingState,
} from '@/ui';
import '@/features/review/review.css';
import { usePullToReload } from '@/hooks/usePullToReload';

/** The secretary opens the year's review: its window and the 自评's minimum length. */
function OpenForm({ onOpened }: { onOpened: () => void }) {
  const today = beijingToday();
  const [year, setYear] = useState(String(defaultReviewYear(today)));
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 14));
  const [min, setMin] = useState('200');
  const { problem, saving, submit } = useSubmit();
  const open = async () => {
    const minSelfLength = Number(min);
    const local = !/^\d{4}$/.test(year)
      ? '请填写年度'
      : from > to
        ? '结束日期不能早于开始日期'
        : !(minSelfLength >= 0)
          ? '请填写自评最少字数'
          : null;
    const done = await submit(
      local,
      () => reviewApi.open({ year: Number(year), from, to, minSelfLength }),
      () =>
        confirm({ title: '开启民主评议', content: '开启后参评名单即确定（本支部的正式党员和预备党员），不能再更改。' }),
    );
    if (done) {
      void Taro.showToast({ title: '已开启', icon: 'success' });
      onOpened();
    }
  };
  return (
    <FormGroup title="开启年度民主评议" footer="参评的是开启时本支部的正式党员和预备党员；评价匿名，只记录结果">
      <FormInput label="年度" type="number" value={year} onChange={setYear} required />
      <FormDate label="开始日期" value={from} onChange={setFrom} required />
      <FormDate label="结束日期" value={to} onChange={setTo} start={from} required />
      <FormInput label="自评最少字数" type="number" value={min} onChange={setMin} required />
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void open()}>
          开启评议
        </Button>
      </FormActions>
    </FormGroup>
  );
}

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <View className="rv-figure">
      <Text className="rv-figure__value">{value}</Text>
      <Text className="rv-figure__label">{label}</Text>
    </View>
  );
}

/** Counts only: nothing says who has rated or whom. */
function Progress({ reviewId, refreshKey }: { reviewId: string; refreshKey: number }) {
  const load = useCallback(() => reviewApi.progress(reviewId), [reviewId, refreshKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state } = useRemoteData(load);
  if (state.status !== 'ready') return null;
  const p = state.data;
  return (
    <CellGroup title="评议进度（只统计数量，不显示谁评了谁）">
      <View className="rv-figures" aria-label="评议进度">
        <Figure value={`${p.selfDone}/${p.review.reviewed}`} label="自评已交" />
        <Figure value={`${p.votes}/${p.expectedVotes}`} label="互评已评" />
        <Figure value={`${p.committeeDone}/${p.review.reviewed}`} label="支部已评定" />
      </View>
    </CellGroup>
  );
}

const countsText = (c: SheetItem['counts']) => REVIEW_GRADES.map((g) => `${g} ${c[g]}`).join(' · ');

/** One reviewed member on the committee's worksheet: the tally, the committee's grade, the final. */
function SheetCard({
  reviewId,
  item,
  editable,
  onSaved,
}: {
  reviewId: string;
  item: SheetItem;
  editable: boolean;
  onSaved: (s: SheetItem) => void;
}) {
  const [grade, setGrade] = useState<ReviewGrade | null>(item.committeeGrade);
  const [final, setFinal] = useState<ReviewGrade | null>(item.final !== item.computed ? item.final : null);
  const [reason, setReason] = useState(item.reason ?? '');
  const { problem, saving, submit } = useSubmit();
  const save = async () => {
    const saved = await submit(grade ? null : '请先选择支部评定', () =>
      reviewApi.committeeRate({
        reviewId,
        memberId: item.memberId,
        grade: grade!,
        ...(final ? { final } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    );
    if (saved) onSaved(saved);
  };
  const buttons = (chosen: ReviewGrade | null, onPick: (g: ReviewGrade) => void) => (
    <View className="rv-grades">
      {REVIEW_GRADES.map((g) => (
        <View
          key={g}
          className={`rv-grade${chosen === g ? ' rv-grade--chosen' : ''}`}
          hoverClass="rv-grade--hover"
          onClick={() => editable && onPick(g)}
        >
          {g}
        </View>
      ))}
    </View>
  );
  return (
    <View className="rv-sheet" aria-label={`评定 ${item.name}`}>
      <Text className="rv-sheet__name">{item.name}</Text>
      <Text className="rv-sheet__line">{`互评：${countsText(item.counts)}`}</Text>
      <Text className="rv-sheet__line">
        {item.score === null
          ? '综合：支部评定后计算'
          : `综合 ${item.score} 分 · 计算结果 ${item.computed} · 最终 ${item.final}`}
      </Text>
      <Text className="rv-sheet__line">{item.selfText ? `自评：${item.selfText}` : '自评：未提交'}</Text>
      {editable ? (
        <>
          <Text className="rv-sheet__label">支部评定</Text>
          {buttons(grade, setGrade)}
          <Text className="rv-sheet__label">最终评定（与计算结果不同时选择，须写明理由）</Text>
          {buttons(final, (g) => setFinal(final === g ? null : g))}
          <Textarea
            className="rv-sheet__reason"
            value={reason}
            maxlength={300}
            placeholder="理由：最终评定与计算结果不同、或评定为不合格时必填"
            onInput={(e) => setReason(e.detail.value)}
          />
          <FormProblem problem={problem} />
          <FormActions>
            <Button kind="secondary" loading={saving} onClick={() => void save()}>
              保存评定
            </Button>
          </FormActions>
        </>
      ) : item.reason ? (
        <Text className="rv-sheet__line">{`理由：${item.reason}`}</Text>
      ) : null}
    </View>
  );
}

function Sheet({ review, committee, onChanged }: { review: ReviewSummary; committee: boolean; onChanged: () => void }) {
  const list = usePagedList<SheetItem>((page, size) => reviewApi.sheet(review.reviewId, page, size), {
    key: review.reviewId,
    pageSize: 20,
    idOf: (i) => i.memberId,
  });
  useReachBottom(() => void list.loadMore());
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error')
    return <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  return (
    <CellGroup
      title={`支部评定（优秀不超过 ${review.settings.excellentCap}%，互评 ${review.settings.memberWeight}% + 支部 ${review.settings.committeeWeight}%）`}
    >
      {list.items.map((item) => (
        <SheetCard
          key={item.memberId}
          reviewId={review.reviewId}
          item={item}
          editable={committee && review.status !== 'published'}
          onSaved={() => {
            // The cap ranks everyone: one member's rating may move another's computed grade.
            void list.reload();
            onChanged();
          }}
        />
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 人`} />
    </CellGroup>
  );
}

export default function ReviewManagePage() {
  const { session } = useSession();
  const load = useCallback(() => reviewApi.mine(), []);
  const { state, reload } = useRemoteData(load);
  const [refreshKey, setRefreshKey] = useState(0);
  const { problem, saving, submit } = useSubmit();
  usePullToReload(() => {
    setRefreshKey((n) => n + 1);
    return reload();
  });
  if (state.status === 'loading' || session.status !== 'ready') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const roles = session.member.roles;
  const secretary = roles.includes('secretary');
  const committee = secretary || roles.includes('committee');
  const review = state.data.review;
  const refresh = () => {
    setRefreshKey((n) => n + 1);
    void reload();
  };
  const newYearDue = !review || review.year < defaultReviewYear(beijingToday());
  const over = review ? review.status !== 'open' || (!review.rating && beijingToday() > review.to) : false;

  const closeRating = async () => {
    if (!review) return;
    const done = await submit(
      null,
      () => reviewApi.close(review.reviewId),
      () => confirm({ title: '结束评价', content: '结束后党员不能再自评和互评，支委会开始评定。', danger: true }),
    );
    if (done) refresh();
  };
  const publish = async () => {
    if (!review) return;
    const done = await submit(
      null,
      () => reviewApi.publish(review.reviewId),
      () => confirm({ title: '公示评议结果', content: '公示后本支部党员可以看到评议结果，不能再修改。' }),
    );
    if (done) {
      void Taro.showToast({ title: '已公示', icon: 'success' });
      refresh();
    }
  };

  return (
    <View className="page">
      {review ? (
        <View className="rv-head">
          <Text className="rv-head__title">
            {review.year} 年度民主评议党员
            <Text className="rv-head__status">{statusText(review)}</Text>
          </Text>
          <Text className="rv-head__meta">{review.branchName}</Text>
          <Text className="rv-head__meta">{`评议时间 ${windowText(review)} · 参评 ${review.reviewed} 人`}</Text>
        </View>
      ) : null}
      {secretary && newYearDue ? <OpenForm onOpened={refresh} /> : null}
      {review ? <Progress key={refreshKey} reviewId={review.reviewId} refreshKey={refreshKey} /> : null}
      {review && review.status === 'open' && secretary ? (
        <FormActions>
          <Button kind="warn" loading={saving} onClick={() => void closeRating()}>
            结束评价
          </Button>
        </FormActions>
      ) : null}
      {review && over ? (
        <Sheet
          key={`${review.reviewId}-${review.status}`}
          review={review}
          committee={committee}
          onChanged={() => setRefreshKey((n) => n + 1)}
        />
      ) : null}
      {review && over && review.status !== 'published' && secretary ? (
        <FormActions>
          <Button loading={saving} onClick={() => void publish()}>
            公示评议结果
          </Button>
        </FormActions>
      ) : null}
      <FormProblem problem={problem} />
      {review?.status === 'published' ? (
        <CellGroup>
          <Cell
            label="评议结果公示"
            value="查看"
            onClick={() => void Taro.navigateTo({ url: reviewPages.results(review.reviewId) })}
          />
        </CellGroup>
      ) : null}
    </View>
  );
}
