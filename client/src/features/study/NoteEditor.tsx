import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_NOTE, type StudyNote } from '@zhibu/types';
import { useState } from 'react';
import { Button, showFailureToast } from '@/ui';
import { noteStudyChanged, studyApi } from './api';
import { countChars } from './days';
import './study.css';

/** Writes a new note (optionally about a task) or changes one. */
export function NoteEditor({ note, taskId }: { note: StudyNote | null; taskId?: string }) {
  const [text, setText] = useState(note?.text ?? '');
  const [busy, setBusy] = useState(false);

  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  };

  const save = async () => {
    if (busy) return;
    if (!text.trim()) {
      void Taro.showToast({ title: '笔记不能为空', icon: 'none' });
      return;
    }
    setBusy(true);
    const result = await studyApi.saveNote({
      text,
      ...(note ? { noteId: note.noteId } : {}),
      ...(taskId ? { taskId } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      showFailureToast(result);
      return;
    }
    noteStudyChanged();
    void Taro.showToast({ title: '已保存', icon: 'success' });
    leave();
  };

  const remove = async () => {
    if (!note) return;
    const { confirm } = await Taro.showModal({ title: '删除这条笔记？', content: '删除后不能恢复。' });
    if (!confirm) return;
    const result = await studyApi.deleteNote(note.noteId);
    if (!result.ok) {
      showFailureToast(result);
      return;
    }
    noteStudyChanged();
    leave();
  };

  return (
    <View>
      {note?.taskTitle ? <Text className="study-notice">关联学习任务：{note.taskTitle}</Text> : null}
      <View className="study-reflection">
        <Textarea
          className="study-reflection__box"
          value={text}
          maxlength={MAX_NOTE}
          autoHeight
          placeholder="记下学习时的摘录和思考，只有你自己能看到"
          placeholderClass="study-reflection__placeholder"
          onInput={(event) => setText(event.detail.value)}
        />
        <Text className="study-reflection__count">已写 {countChars(text)} 字</Text>
      </View>
      <View className="study-actions">
        <Button loading={busy} onClick={() => void save()}>
          保存笔记
        </Button>
        {note ? (
          <Button kind="warn" onClick={() => void remove()}>
            删除
          </Button>
        ) : null}
      </View>
    </View>
  );
}
