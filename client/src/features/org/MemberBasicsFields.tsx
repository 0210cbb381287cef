import { beijingToday, formatDate } from '@/features/member';
import { FormDate, FormInput, FormPicker } from '@/ui';
import { GENDER_OPTIONS, MEMBER_STATUS_OPTIONS } from './labels';
import type { MemberFormValues } from './memberForm';

const GENDER_CHOICES = ['未登记', ...GENDER_OPTIONS];

/**
 * The fields every member record starts with — name, status, gender, phone, 入党时间 — as the roster's
 * editor and the 转入 form ask for them; the caller puts them in its own group.
 */
export function MemberBasicsFields({
  values,
  onChange,
}: {
  values: MemberFormValues;
  onChange: (patch: Partial<MemberFormValues>) => void;
}) {
  return (
    <>
      <FormInput label="姓名" required value={values.name} maxlength={20} onChange={(name) => onChange({ name })} />
      <FormPicker
        label="党员身份"
        required
        options={MEMBER_STATUS_OPTIONS}
        index={values.status === '' ? -1 : MEMBER_STATUS_OPTIONS.indexOf(values.status)}
        onChange={(i) => onChange({ status: MEMBER_STATUS_OPTIONS[i] ?? '' })}
      />
      <FormPicker
        label="性别"
        options={GENDER_CHOICES}
        index={values.gender === '' ? 0 : GENDER_CHOICES.indexOf(values.gender)}
        onChange={(i) => onChange({ gender: i === 0 ? '' : (GENDER_OPTIONS[i - 1] ?? '') })}
      />
      <FormInput
        label="手机号"
        type="number"
        maxlength={11}
        placeholder="11 位手机号（选填）"
        value={values.phone}
        onChange={(phone) => onChange({ phone })}
      />
      <FormDate
        label="入党时间"
        value={values.joinedPartyAt}
        end={beijingToday()}
        placeholder="请选择（选填）"
        display={formatDate}
        onChange={(joinedPartyAt) => onChange({ joinedPartyAt })}
        onClear={() => onChange({ joinedPartyAt: '' })}
      />
    </>
  );
}
