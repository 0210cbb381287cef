import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TrainingCandidate } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { trainingApi } from '@/features/training/api';
import { trainingPages } from '@/features/training/routes';
import '@/features/training/training.css';
import { useListPage } from '@/hooks/useListPage';
import { usePagedList } from '@/hooks/usePagedList';
import { useSubmit } from '@/hooks/useSubmit';
import {
  Button,
  CellGroup,
  FormActions,
  FormDate,
  FormGroup,
  FormInput,
  FormProblem,
  ListFooter,
  LoadingState,
  RadioRow,
} from '@/ui';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const ROLE_NAMES: Record<string, string> = { secretary: '书记', committee: '支委' };

/**
 * 登记培训: title, organiser, dates, hours and who attended, chosen from the branches' committees.
 * With 扫码签到 the chosen people are invited instead, and check in on the first day (08:00–18:00)
 * with the code the trainer shows from the training's page.
 */
export default function NewTrainingPage() {
  const [title, setTitle] = useState('');
  const [organiser, setOrganiser] = useState('县教育局党委');
  const [startDate, setStartDate] = useState(today());
  const [endDate, setEndDate] = useState(today());
  const [hours, setHours] = useState('8');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [withCheckin, setWithCheckin] = useState(false);
  const { problem, saving, submit } = useSubmit();

  const load = useCallback((page: number, size: number) => trainingApi.candidates(page, size), []);
  const people = usePagedList(load, { key: 'candidates', idOf: (p: TrainingCandidate) => p.memberId, pageSize: 50 });
  useListPage(people);

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function save() {
    const h = Number(hours);
    const local = !title.trim()
      ? '请填写培训名称'
      : !(h > 0)
        ? '请填写学时'
        : endDate < startDate
          ? '结束日期不能早于开始日期'
          : withCheckin && chosen.size === 0
            ? '请选择受邀签到的人员'
            : null;
    const ids = [...chosen];
    const data = await submit(local, () =>
      trainingApi.create({
        title: title.trim(),
        organiser: organiser.trim(),
        startDate,
        endDate,
        hours: h,
        attendeeIds: withCheckin ? [] : ids,
        ...(withCheckin
          ? {
              checkin: {
                startAt: `${startDate}T08:00:00+08:00`,
                endAt: `${startDate}T18:00:00+08:00`,
                place: organiser.trim() || '培训会场',
                inviteeIds: ids,
              },
            }
          : {}),
      }),
    );
    if (data) {
      void Taro.showToast({ title: '已登记', icon: 'success' });
      void Taro.redirectTo({ url: trainingPages.detail(data.trainingId) });
    }
  }

  return (
    <View className="page">
      <FormGroup title="培训信息">
        <FormInput label="培训名称" value={title} onChange={setTitle} maxlength={60} required />
        <FormInput label="举办单位" value={organiser} onChange={setOrganiser} maxlength={60} required />
        <FormDate label="开始日期" value={startDate} onChange={setStartDate} required />
        <FormDate label="结束日期" value={endDate} onChange={setEndDate} required />
        <FormInput label="学时" value={hours} onChange={setHours} type="digit" required />
      </FormGroup>
      <FormGroup footer="开启后，所选人员在培训首日 8:00–18:00 扫描培训现场的签到码，签到即计为参加">
        <RadioRow label="扫码签到" on={withCheckin} onClick={() => setWithCheckin(!withCheckin)} />
      </FormGroup>
      <CellGroup title={`${withCheckin ? '受邀签到人员' : '参加人员'}（已选 ${chosen.size} 人）`}>
        {people.status === 'loading' ? <LoadingState /> : null}
        {people.items.map((p) => (
          <View key={p.memberId} className="training-pick">
            <RadioRow
              label={`${p.name} ${p.branchName}·${p.roles
                .map((r) => ROLE_NAMES[r])
                .filter(Boolean)
                .join('、')}`}
              on={chosen.has(p.memberId)}
              onClick={() => toggle(p.memberId)}
            />
          </View>
        ))}
      </CellGroup>
      <ListFooter list={people} totalText={(n) => `共 ${n} 人`} />
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </FormActions>
    </View>
  );
}
