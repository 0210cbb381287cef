import { Switch, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CompletionView } from '@zhibu/types';
import { useState } from 'react';
import { Button, showFailureToast } from '@/ui';
import { monthDayTime } from '../days';
import '../study.css';
import { manageStudyApi } from './api';

/** A member's reflection as plain text, the committee's 点评 and the 优秀 mark that shares it. */
export function ReflectionReview({
  completion,
  onSaved,
}: {
  completion: CompletionView;
  onSaved: (c: CompletionView) => void;
}) {
  const [text, setText] = useState(completion.comment?.text ?? '');
  const [excellent, setExcellent] = useState(completion.excellent);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    if (!text.trim()) {
      void Taro.showToast({ title: '请填写点评', icon: 'none' });
      return;
    }
    setBusy(true);
    const result = await manageStudyApi.comment(completion.taskId, completion.memberId, text, excellent);
    setBusy(false);
    if (!result.ok) {
      showFailureToast(result);
      return;
    }
    void Taro.showToast({ title: '点评已保存', icon: 'success' });
    onSaved(result.data);
  };

  return (
    <View>
      <View className="study-section">
        <View className="study-section__head">
          <Text className="study-section__title">{completion.name}的心得体会</Text>
          {completion.late ? <Text className="study-badge study-badge--warn">逾期完成</Text> : null}
        </View>
        <Text className="study-muted">{monthDayTime(completion.completedAt)} 完成</Text>
        <Text className="study-mine__text" userSelect>
          {completion.reflection ?? '（未写心得）'}
        </Text>
      </View>
      <View className="study-section">
        <Text className="study-section__title">点评</Text>
        <Textarea
          className="study-reflection__box"
          value={text}
          maxlength={500}
          autoHeight
          placeholder="写给这位党员的点评，他本人可以看到"
          onInput={(e) => setText(e.detail.value)}
        />
        <View className="study-card__head">
          <Text>评为优秀，在支部内分享（显示姓名）</Text>
          <Switch checked={excellent} onChange={(e) => setExcellent(e.detail.value)} />
        </View>
      </View>
      <View className="study-actions">
        <Button loading={busy} onClick={() => void save()}>
          保存点评
        </Button>
      </View>
    </View>
  );
}
