import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { TrainingCandidate } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { trainingApi } from '@/features/training/api';
import { countText, termText } from '@/features/training/format';
import '@/features/training/training.css';
import { useRemoteData } from '@/hooks/useRemoteData';
import { useSubmit } from '@/hooks/useSubmit';
import {
  Button,
  Cell,
  CellGroup,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormPicker,
  FormProblem,
  LoadingState,
} from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A branch's terms of office and each one's trainings; the bureau records a new term or ends one. */
export default function TermsPage() {
  const { params } = useRouter();
  const branchId = params.branchId;
  const load = useCallback(() => trainingApi.terms(branchId), [branchId]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const view = state.data;
  return (
    <View className="page">
      <CellGroup title={view.branchName}>
        {view.item ? (
          <Cell
            label={`本届书记 ${view.item.secretaryName}`}
            description={
              <Text className={`training-status training-status--${view.item.status}`}>{countText(view.item)}</Text>
            }
          />
        ) : (
          <Cell label="尚未登记书记任期" />
        )}
      </CellGroup>
      <CellGroup title="历届任期">
        {view.terms.length === 0 ? <Cell label="暂无" /> : null}
        {[...view.terms].reverse().map((t) => (
          <Cell
            key={t.termId}
            label={`${t.secretaryName} ${termText(t)}`}
            value={`培训 ${t.trained} / ${t.required} 次`}
          />
        ))}
      </CellGroup>
      {view.canManage ? (
        <TermForms branchId={view.branchId} open={view.item?.endDate === null} onDone={reload} />
      ) : null}
    </View>
  );
}

function TermForms({ branchId, open, onDone }: { branchId: string; open: boolean; onDone: () => Promise<void> }) {
  const [people, setPeople] = useState<TrainingCandidate[] | null>(null);
  const [index, setIndex] = useState(-1);
  const [startDate, setStartDate] = useState(today());
  const [endDate, setEndDate] = useState(today());
  const { problem, saving, submit } = useSubmit();
  const loadPeople = async () => {
    const result = await trainingApi.candidates(1, 50, branchId);
    if (result.ok) setPeople(result.data.items.filter((p) => p.roles.includes('secretary')));
  };
  if (people === null) void loadPeople();
  const names = (people ?? []).map((p) => p.name);

  async function start() {
    const chosen = people?.[index];
    const data = await submit(chosen ? null : '请选择支部书记', () =>
      trainingApi.startTerm(branchId, chosen!.memberId, startDate),
    );
    if (data) await onDone();
  }
  async function end() {
    const data = await submit(null, () => trainingApi.endTerm(branchId, endDate));
    if (data) await onDone();
  }
  return (
    <View>
      <FormGroup title="记录新一届任期" footer="新一届开始即结束上一届任期（上一届截至开始日期的前一天）">
        <FormPicker label="支部书记" options={names} index={index} onChange={setIndex} required />
        <FormDate label="任期开始" value={startDate} onChange={setStartDate} end={today()} required />
      </FormGroup>
      <FormActions>
        <Button loading={saving} onClick={() => void start()}>
          记录任期
        </Button>
      </FormActions>
      {open ? (
        <>
          <FormGroup title="结束本届任期">
            <FormDate label="任期结束" value={endDate} onChange={setEndDate} end={today()} required />
          </FormGroup>
          <FormActions>
            <Button kind="secondary" loading={saving} onClick={() => void end()}>
              结束任期
            </Button>
          </FormActions>
        </>
      ) : null}
      <FormProblem problem={problem} />
    </View>
  );
}
