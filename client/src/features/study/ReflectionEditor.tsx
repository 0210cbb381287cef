import { Text, Textarea, View } from '@tarojs/components';
import { MAX_REFLECTION } from '@zhibu/types';
import { useState } from 'react';
import { Button } from '@/ui';
import { countChars } from './days';
import { clearDraft, loadDraft, saveDraft } from './draft';

interface ReflectionEditorProps {
  taskId: string;
  /** Fewest characters the task asks for; null when a reflection is optional. */
  minLength: number | null;
  /** The reflection already submitted, when editing it. */
  initial: string | null;
  submitText: string;
  onSubmit: (text: string) => Promise<boolean>;
}

/**
 * The 心得体会 box: the draft is kept on the phone while typing, and the count shows what is left.
 * The server checks the length again, counting the same way (characters, trimmed).
 */
export function ReflectionEditor({ taskId, minLength, initial, submitText, onSubmit }: ReflectionEditorProps) {
  const [text, setText] = useState(() => loadDraft(taskId) || initial || '');
  const [busy, setBusy] = useState(false);
  const count = countChars(text);
  const short = minLength !== null && count < minLength;

  const change = (value: string) => {
    setText(value);
    saveDraft(taskId, value);
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const ok = await onSubmit(text);
    setBusy(false);
    if (ok) clearDraft(taskId);
  };

  return (
    <View className="study-reflection">
      <Textarea
        className="study-reflection__box"
        value={text}
        maxlength={MAX_REFLECTION}
        autoHeight
        placeholder={minLength ? `写下学习心得体会，至少 ${minLength} 字` : '写下学习心得体会（可不写）'}
        placeholderClass="study-reflection__placeholder"
        onInput={(event) => change(event.detail.value)}
      />
      <View className="study-reflection__foot">
        <Text className={`study-reflection__count${short ? ' study-reflection__count--short' : ''}`}>
          {short ? `已写 ${count} 字，还差 ${minLength - count} 字` : `已写 ${count} 字`}
        </Text>
        <Text className="study-reflection__saved">{text ? '草稿已保存在本机' : ''}</Text>
      </View>
      <View className="study-actions">
        <Button loading={busy} disabled={short} onClick={() => void submit()}>
          {submitText}
        </Button>
      </View>
    </View>
  );
}
