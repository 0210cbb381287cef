import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { beijingToday, formatDate, orgPages } from '@/features/member';
import { MemberBasicsFields } from '@/features/org/MemberBasicsFields';
import { EMPTY_MEMBER_FORM, memberFields, memberFormProblem, type MemberFormValues } from '@/features/org/memberForm';
import { Button, FormActions, FormDate, FormGroup, FormInput, FormProblem, showFailureToast } from '@/ui';
import { transferApi } from '@/features/transfer/api';
import '@/features/transfer/manage/transfer.css';

/**
 * 从局外转入: the origin and the 介绍信 number, and the member as the letter names them. The member
 * is created in the caller's branch; the invite page follows, so they bind their WeChat.
 */
export function ReceiveForm() {
  const [origin, setOrigin] = useState('');
  const [letterNo, setLetterNo] = useState('');
  const [date, setDate] = useState(beijingToday);
  const [values, setValues] = useState<MemberFormValues>({ ...EMPTY_MEMBER_FORM, status: '正式党员' });
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<MemberFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async () => {
    const wrong =
      origin.trim() === ''
        ? '请填写原所在党组织'
        : letterNo.trim() === ''
          ? '请填写介绍信编号'
          : memberFormProblem(values);
    setProblem(wrong);
    if (wrong || saving) return;
    setSaving(true);
    const { partyGroupId: _group, ...fields } = memberFields(values);
    const result = await transferApi.receive({
      origin: origin.trim(),
      letterNo: letterNo.trim(),
      date,
      member: fields,
    });
    setSaving(false);
    if (!result.ok) return showFailureToast(result);
    void Taro.showToast({ title: '已登记转入', icon: 'success' });
    // The invite flow follows, as for any new member.
    void Taro.redirectTo({ url: orgPages.invite(result.data.memberId) });
  };

  return (
    <View>
      <View className="transfer-intro">
        <Text className="transfer-intro__title">登记从局外转入</Text>
        <Text className="transfer-intro__hint">
          按组织关系介绍信填写。登记后该同志进入本支部名册，接着生成邀请码请本人绑定微信。
        </Text>
      </View>
      <FormGroup title="介绍信">
        <FormInput label="原所在党组织" required value={origin} maxlength={60} onChange={setOrigin} />
        <FormInput label="介绍信编号" required value={letterNo} maxlength={40} onChange={setLetterNo} />
        <FormDate label="转入日期" required value={date} end={beijingToday()} display={formatDate} onChange={setDate} />
      </FormGroup>
      <FormGroup title="党员信息">
        <MemberBasicsFields values={values} onChange={set} />
        <FormInput label="职务" value={values.position} maxlength={40} onChange={(position) => set({ position })} />
      </FormGroup>
      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void submit()}>
          登记转入
        </Button>
      </FormActions>
    </View>
  );
}
