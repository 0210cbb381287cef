import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ActivityDetail, ActivityType, Audience, Role } from '@zhibu/types';
import { useMemo, useState } from 'react';
import { AudienceChooser, BRANCH_KINDS, isBureauKind } from '@/features/audience';
import { Button, CellGroup, RadioRow } from '@/ui';
import {
  checkForm,
  countNearLimit,
  emptyForm,
  formErrors,
  formFromDetail,
  patchFor,
  TEXT_LIMITS,
  timeProblem,
  toggleAlso,
  withStart,
  type ActivityFormValues,
  type ActivityInput,
  type FormErrors,
  type FormField,
} from '../form';
import { ACTIVITY_TYPE_NAMES, ACTIVITY_TYPE_ORDER } from '../names';
import { beijingDate, formatDay } from '../time';
import './ActivityForm.css';

export type FormOutcome =
  | { kind: 'create'; input: ActivityInput }
  | { kind: 'push'; input: ActivityInput }
  | { kind: 'update'; patch: Partial<ActivityInput> };

interface ActivityFormProps {
  /** The activity being edited; none when creating. */
  editing: ActivityDetail | null;
  member: { branchId: string; roles: readonly Role[] };
  /** The type a new activity starts with (`?type=` from 本月待办); ignored when editing. */
  initialType?: ActivityType;
  /** Sends the form; answers with an error to show, or null when done. */
  onSubmit: (outcome: FormOutcome) => Promise<string | null>;
}

function FieldError({ field, errors }: { field: FormField; errors: FormErrors }) {
  const message = errors[field];
  return message ? <Text className="act-form__error">{message}</Text> : null;
}

/** `58/60` beside a text near its limit; red at the limit. */
function Count({ text, limit }: { text: string; limit: number }) {
  const count = countNearLimit(text, limit);
  if (!count) return null;
  return <Text className={`act-form__count${text.length >= limit ? ' act-form__count--full' : ''}`}>{count}</Text>;
}

/** A time of day (HH:mm, Beijing time) on the form, picked with the system's time picker. */
function TimeField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <View className="act-form__field">
      <Text className="act-form__label">{label}</Text>
      <Picker
        className="act-form__picker"
        mode="time"
        aria-label={label}
        value={value}
        onChange={(event) => onChange(String(event.detail.value))}
      >
        <View className="act-form__picker-value">
          <Text>{value}</Text>
          <View className="act-form__arrow" />
        </View>
      </Picker>
    </View>
  );
}

/** 发起活动 and 编辑活动: type, name, Beijing date and times, place, agenda, and who must attend. */
export function ActivityForm({ editing, member, initialType, onSubmit }: ActivityFormProps) {
  const [values, setValues] = useState<ActivityFormValues>(() =>
    editing ? formFromDetail(editing) : emptyForm(Date.now(), initialType),
  );
  /** After a first 发布, every field's problem shows and follows the typing; before it, only the time's. */
  const [tried, setTried] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [pushAll, setPushAll] = useState(false);
  const isAdmin = member.roles.includes('admin');
  const today = useMemo(() => beijingDate(Date.now()), []);

  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setSubmitError('');
  };
  const setStart = (startTime: string) => {
    setValues((current) => withStart(current, startTime));
    setSubmitError('');
  };

  // Pushed activities go to every branch's whole membership; the audience does not apply.
  const checked = pushAll ? { ...values, audienceKind: 'branch' as const } : values;
  const liveTime = timeProblem(checked);
  const errors: FormErrors = tried ? formErrors(checked) : liveTime ? { time: liveTime } : {};

  const submit = async () => {
    const check = checkForm(checked);
    if (!check.ok) {
      setTried(true);
      return;
    }
    let outcome: FormOutcome;
    if (editing) {
      const patch = patchFor(editing, check.input);
      if (Object.keys(patch).length === 0) {
        setSubmitError('没有修改任何内容');
        return;
      }
      outcome = { kind: 'update', patch };
    } else {
      outcome = { kind: pushAll ? 'push' : 'create', input: check.input };
    }
    setSubmitting(true);
    const problem = await onSubmit(outcome);
    setSubmitting(false);
    if (problem) setSubmitError(problem);
  };

  return (
    <View>
      {isAdmin && !editing ? (
        <CellGroup title="发布范围">
          {[
            { all: false, label: '本支部' },
            { all: true, label: '全县各支部（局党委统一部署）' },
          ].map((option) => (
            <RadioRow
              key={option.label}
              label={option.label}
              on={pushAll === option.all}
              onClick={() => setPushAll(option.all)}
            />
          ))}
        </CellGroup>
      ) : null}

      <CellGroup title="活动类型">
        <View className="act-form__types">
          {ACTIVITY_TYPE_ORDER.map((type) => (
            <View
              key={type}
              className={`act-form__type${values.type === type ? ' act-form__type--on' : ''}`}
              role="radio"
              aria-checked={values.type === type}
              onClick={() => set('type', type)}
            >
              {ACTIVITY_TYPE_NAMES[type]}
            </View>
          ))}
        </View>
      </CellGroup>

      <CellGroup title="同时计入（选填，最多 3 项）">
        <View className="act-form__types act-form__types--also">
          {ACTIVITY_TYPE_ORDER.filter((type) => type !== values.type && type !== 'other').map((type) => {
            const on = values.alsoCountsAs.includes(type);
            return (
              <View
                key={type}
                className={`act-form__type act-form__type--small${on ? ' act-form__type--on' : ''}`}
                role="checkbox"
                aria-checked={on}
                onClick={() => {
                  setValues((current) => toggleAlso(current, type));
                  setSubmitError('');
                }}
              >
                {ACTIVITY_TYPE_NAMES[type]}
              </View>
            );
          })}
        </View>
        <Text className="act-form__hint act-form__hint--inline">
          例如主题党日同时作为本季度党课；考核时分别计入，签到只算一次。
        </Text>
      </CellGroup>

      <CellGroup title="基本信息">
        <View className="act-form__field">
          <Text className="act-form__label">活动名称</Text>
          <Input
            className="act-form__input"
            placeholderClass="act-form__placeholder"
            value={values.title}
            maxlength={TEXT_LIMITS.title}
            placeholder="例如：11月主题党日"
            aria-label="活动名称"
            onInput={(event) => set('title', event.detail.value)}
          />
          <Count text={values.title} limit={TEXT_LIMITS.title} />
        </View>
        <FieldError field="title" errors={errors} />
        <View className="act-form__field">
          <Text className="act-form__label">地点</Text>
          <Input
            className="act-form__input"
            placeholderClass="act-form__placeholder"
            value={values.place}
            maxlength={TEXT_LIMITS.place}
            placeholder="例如：学校三楼会议室"
            aria-label="地点"
            onInput={(event) => set('place', event.detail.value)}
          />
          <Count text={values.place} limit={TEXT_LIMITS.place} />
        </View>
        <FieldError field="place" errors={errors} />
      </CellGroup>

      <CellGroup title="时间（北京时间）">
        <View className="act-form__field">
          <Text className="act-form__label">日期</Text>
          <Picker
            className="act-form__picker"
            mode="date"
            value={values.date}
            start={editing ? undefined : today}
            onChange={(event) => set('date', String(event.detail.value))}
          >
            <View className="act-form__picker-value">
              <Text>{formatDay(`${values.date}T12:00:00+08:00`)}</Text>
              <View className="act-form__arrow" />
            </View>
          </Picker>
        </View>
        <TimeField label="开始" value={values.startTime} onChange={setStart} />
        <TimeField label="结束" value={values.endTime} onChange={(value) => set('endTime', value)} />
        <FieldError field="time" errors={errors} />
      </CellGroup>
      <Text className="act-form__hint">活动开始前 30 分钟至结束后 30 分钟可扫码签到。</Text>

      {pushAll ? null : (
        <AudienceChooser
          title="参加人员"
          kinds={BRANCH_KINDS}
          labels={{ branch: '支部全体党员', committee: '支部委员会成员' }}
          memberTitle="选择参加的党员"
          branchId={editing ? editing.branchId : member.branchId}
          value={{
            kind: values.audienceKind,
            partyGroupId: values.partyGroupId,
            memberIds: values.memberIds,
            branchIds: [],
          }}
          onChange={(next) => {
            // The activity form offers branch kinds only.
            if (isBureauKind(next.kind)) return;
            setValues((current) => ({
              ...current,
              audienceKind: next.kind as Audience['kind'],
              partyGroupId: next.partyGroupId,
              memberIds: next.memberIds,
            }));
            setSubmitError('');
          }}
          problem={errors.audience}
        />
      )}

      <CellGroup title="议程（选填）">
        <View className="act-form__agenda">
          <Textarea
            className="act-form__textarea"
            placeholderClass="act-form__placeholder"
            value={values.agenda}
            maxlength={TEXT_LIMITS.agenda}
            autoHeight
            placeholder={'一行一项，例如：\n1. 学习党的二十届三中全会精神\n2. 交流发言'}
            onInput={(event) => set('agenda', event.detail.value)}
          />
          <Count text={values.agenda} limit={TEXT_LIMITS.agenda} />
        </View>
        <FieldError field="agenda" errors={errors} />
      </CellGroup>
      {tried && Object.keys(errors).length > 0 ? (
        <Text className="act-form__summary">请按提示修改 {Object.keys(errors).length} 处后再提交</Text>
      ) : null}
      {submitError ? <Text className="act-form__error">{submitError}</Text> : null}
      <View className="act-form__submit">
        <Button loading={submitting} onClick={() => void submit()}>
          {editing ? '保存修改' : pushAll ? '下发到各支部' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}
