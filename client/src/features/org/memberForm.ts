import type { MemberListItem, MemberStatus } from '@zhibu/types';
import type { Gender } from './labels';

/** What the member editor holds: empty strings for what is not filled in. */
export interface MemberFormValues {
  name: string;
  status: MemberStatus | '';
  gender: Gender | '';
  phone: string;
  joinedPartyAt: string;
  partyGroupId: string;
  position: string;
}

export const EMPTY_MEMBER_FORM: MemberFormValues = {
  name: '',
  status: '',
  gender: '',
  phone: '',
  joinedPartyAt: '',
  partyGroupId: '',
  position: '',
};

export function formFromMember(member: MemberListItem): MemberFormValues {
  return {
    name: member.name,
    // A transferred-out record is not edited; its form starts without a status.
    status: member.status && member.status !== '已转出' ? member.status : '',
    gender: member.gender ?? '',
    phone: member.phone ?? '',
    joinedPartyAt: member.joinedPartyAt ?? '',
    partyGroupId: member.partyGroupId ?? '',
    position: member.position ?? '',
  };
}

/**
 * The first thing wrong with the form, in the words the server would use, or null. The server
 * checks everything again; this only saves a round trip for the usual slips.
 */
export function memberFormProblem(values: MemberFormValues): string | null {
  const name = values.name.trim();
  if (name === '') return '请填写姓名';
  if (name.length > 20) return '姓名不能超过 20 个字';
  if (!/^[\u4e00-\u9fa5·A-Za-z\s]+$/.test(name)) return '姓名只能包含汉字、字母和间隔号';
  if (values.status === '') return '请选择党员身份';
  const phone = values.phone.trim();
  if (phone !== '' && !/^1[3-9]\d{9}$/.test(phone)) return '手机号应为 11 位数字';
  if (values.position.trim().length > 40) return '职务不能超过 40 个字';
  return null;
}

/** The fields as the server takes them: trimmed, and null for what is left empty. */
export function memberFields(values: MemberFormValues) {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: values.name.trim(),
    status: values.status as MemberStatus,
    gender: values.gender === '' ? null : values.gender,
    phone: orNull(values.phone),
    joinedPartyAt: orNull(values.joinedPartyAt),
    partyGroupId: orNull(values.partyGroupId),
    position: orNull(values.position),
  };
}

export type MemberPatch = Partial<ReturnType<typeof memberFields>>;

/** Only what changed, so the audit log says what was done rather than restating the record. */
export function memberPatch(original: MemberFormValues, values: MemberFormValues): MemberPatch {
  const before = memberFields(original);
  const after = memberFields(values);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (before[key] !== after[key]) patch[key] = after[key];
  }
  return patch as MemberPatch;
}
