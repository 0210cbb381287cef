import type { Result } from '@zhibu/types';
import { useState } from 'react';
import { ChooserSheet, type ChoiceRow } from '@/features/audience';
import { beijingToday } from '../format';
import type { Page } from '@/hooks/usePagedList';
import { Button, Cell, FormActions, FormDate, FormGroup, FormProblem } from '@/ui';
import { developmentApi } from '../api';

const STATUSES = ['申请入党', '入党积极分子'] as const;

/**
 * The roster members who may start the pipeline: both statuses, page n of each, so that paging on
 * covers both lists whole.
 */
async function loadApplicants(page: number, pageSize: number, keyword: string): Promise<Result<Page<ChoiceRow>>> {
  const results = await Promise.all(STATUSES.map((s) => developmentApi.applicants(s, page, pageSize, keyword)));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const items: ChoiceRow[] = [];
  let total = 0;
  for (const [i, result] of results.entries()) {
    if (!result.ok) continue;
    total += result.data.total;
    for (const m of result.data.items) items.push({ id: m.memberId, name: m.name, note: STATUSES[i] });
  }
  return { ok: true, data: { items, total } };
}

/** 开始发展程序: a roster member who applied (or is already an activist) and the date of the application. */
export function StartForm({ onStarted, onCancel }: { onStarted: (candidateId: string) => void; onCancel: () => void }) {
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [choosing, setChoosing] = useState(false);
  const [appliedAt, setAppliedAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const memberId = [...chosen.keys()][0];

  const submit = async () => {
    if (!memberId) return setProblem('请选择党员');
    if (!appliedAt) return setProblem('请选择递交入党申请书的日期');
    setBusy(true);
    const result = await developmentApi.start(memberId, appliedAt);
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    onStarted(result.data.candidateId);
  };

  return (
    <FormGroup
      title="开始发展程序"
      footer="名册中身份为申请入党或入党积极分子的同志可以开始；此后其身份只随发展程序变化。"
    >
      <Cell
        label="申请人"
        value={memberId ? chosen.get(memberId) : '从支部名册中选择'}
        onClick={() => setChoosing(true)}
      />
      <FormDate label="申请日期" value={appliedAt} end={beijingToday()} onChange={setAppliedAt} required />
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={busy} onClick={() => void submit()}>
          开始
        </Button>
        <Button kind="secondary" onClick={onCancel}>
          取消
        </Button>
      </FormActions>
      {choosing ? (
        <ChooserSheet
          title="选择申请人"
          chosen={chosen}
          load={loadApplicants}
          serverSearch
          single
          searchPlaceholder="搜索姓名"
          onDone={(picked) => {
            setChosen(picked);
            setChoosing(false);
          }}
          onCancel={() => setChoosing(false)}
        />
      ) : null}
    </FormGroup>
  );
}
