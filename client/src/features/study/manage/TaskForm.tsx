import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Role } from '@zhibu/types';
import { useState } from 'react';
import { AttachmentsField } from '@/features/attachments';
import { AudienceChooser, BRANCH_KINDS, BUREAU_KINDS } from '@/features/audience';
import { Button, showFailureToast } from '@/ui';
import { noteStudyChanged } from '../api';
import { STUDY_PAGES } from '../navigation';
import '../study.css';
import { manageStudyApi } from './api';
import { taskInputOf, type TaskFormValues } from './form';

const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** 布置学习任务: title, material, dates, who studies it, and whether a reflection is required. */
export function TaskForm({
  initial,
  roles,
  branchId,
}: {
  initial: TaskFormValues;
  roles: readonly Role[];
  branchId: string;
}) {
  const [values, setValues] = useState(initial);
  // One id per form: pressing 发布 again after a timeout sends the same request, not a second task.
  const [requestId] = useState(newRequestId);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(0);
  const isAdmin = roles.includes('admin');
  const set = <K extends keyof TaskFormValues>(key: K, value: TaskFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const publish = async () => {
    if (saving) return;
    if (uploading > 0) {
      setProblem('附件还在上传，请稍候');
      return;
    }
    const checked = taskInputOf(values, isAdmin, requestId, branchId);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    setSaving(true);
    const result = await manageStudyApi.create(checked.input);
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      showFailureToast(result);
      return;
    }
    const data = result.data;
    noteStudyChanged();
    void Taro.showToast({
      title: data.taskIds.length > 1 ? `已布置到 ${data.taskIds.length} 个支部` : '学习任务已布置',
      icon: 'none',
    });
    if (data.taskIds.length === 1)
      void Taro.redirectTo({ url: `${STUDY_PAGES.task}?id=${encodeURIComponent(data.taskIds[0]!)}` });
    else void Taro.navigateBack();
  };

  return (
    <View>
      <View className="study-form__field">
        <Text className="study-form__label">任务标题</Text>
        <Input
          className="study-form__input"
          value={values.title}
          maxlength={60}
          placeholder="例如：学习党的二十届四中全会精神"
          onInput={(e) => set('title', e.detail.value)}
        />
      </View>
      <View className="study-form__field">
        <Text className="study-form__label">学习材料</Text>
        <Textarea
          className="study-reflection__box"
          value={values.text}
          maxlength={20000}
          autoHeight
          placeholder="学习内容、要求，或原文摘录"
          onInput={(e) => set('text', e.detail.value)}
        />
      </View>
      <View className="study-form__field">
        <Text className="study-form__label">链接（每行一个，党员可复制）</Text>
        <Textarea
          className="study-form__input"
          value={values.links}
          maxlength={5000}
          autoHeight
          placeholder="https://"
          onInput={(e) => set('links', e.detail.value)}
        />
      </View>
      <AttachmentsField
        attachments={values.attachments}
        onChange={(change) => setValues((current) => ({ ...current, attachments: change(current.attachments) }))}
        folder="study"
        group={branchId}
        onUploading={setUploading}
        make={({ fileId, name }) => ({ fileId, name })}
      />
      <View className="study-form__field">
        <Text className="study-form__label">开始日期</Text>
        <Picker mode="date" value={values.startDate} onChange={(e) => set('startDate', String(e.detail.value))}>
          <Text className="study-form__input">{values.startDate}</Text>
        </Picker>
      </View>
      <View className="study-form__field">
        <Text className="study-form__label">截止日期</Text>
        <Picker mode="date" value={values.dueDate} onChange={(e) => set('dueDate', String(e.detail.value))}>
          <Text className="study-form__input">{values.dueDate}</Text>
        </Picker>
      </View>
      <AudienceChooser
        title={isAdmin ? '发往' : '学习范围'}
        kinds={isAdmin ? BUREAU_KINDS : BRANCH_KINDS}
        labels={isAdmin ? { allBranches: '全部支部（各支部全体党员）' } : { branch: '支部全体党员' }}
        memberTitle="选择学习的党员"
        branchId={branchId}
        value={values.sendTo}
        onChange={(sendTo) => set('sendTo', sendTo)}
      />
      <View className="study-form__field">
        <View className="study-card__head">
          <Text>要求写心得体会</Text>
          <Switch checked={values.needsReflection} onChange={(e) => set('needsReflection', e.detail.value)} />
        </View>
        {values.needsReflection ? (
          <View className="study-card__head">
            <Text className="study-form__label">至少字数</Text>
            <Input
              className="study-form__input"
              type="number"
              value={values.minLength}
              onInput={(e) => set('minLength', e.detail.value)}
            />
          </View>
        ) : null}
      </View>
      {problem ? <Text className="study-form__problem">{problem}</Text> : null}
      <View className="study-actions">
        <Button loading={saving} onClick={() => void publish()}>
          发布
        </Button>
      </View>
    </View>
  );
}
