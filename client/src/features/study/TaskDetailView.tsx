import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StudyTaskDetail } from '@zhibu/types';
import { useEffect, useState } from 'react';
import { Button, Cell, CellGroup, showFailureToast } from '@/ui';
import { noteStudyChanged, studyApi } from './api';
import { dueLabel, monthDay, monthDayTime } from './days';
import { MaterialView } from './MaterialView';
import { openCreateTask, openNote, openProgress } from './navigation';
import { ReflectionEditor } from './ReflectionEditor';
import { SharedReflections } from './SharedReflections';
import './study.css';

type Shared = Parameters<typeof SharedReflections>[0]['items'];

function MyCompletion({ task, onEdit }: { task: StudyTaskDetail; onEdit: () => void }) {
  const mine = task.mine!;
  return (
    <View className="study-section">
      <View className="study-section__head">
        <Text className="study-section__title">我的学习</Text>
        <Text className={`study-badge study-badge--${mine.late ? 'warn' : 'done'}`}>
          {mine.late ? '逾期完成' : '已完成'}
        </Text>
      </View>
      <Text className="study-muted">{monthDayTime(mine.completedAt)} 完成</Text>
      {mine.reflection ? (
        <Text className="study-mine__text" userSelect>
          {mine.reflection}
        </Text>
      ) : null}
      {mine.excellent ? <Text className="study-badge study-badge--excellent">优秀心得 · 已在支部分享</Text> : null}
      {mine.comment ? (
        <View className="study-comment">
          <Text className="study-comment__label">支部点评（{mine.comment.byName}）</Text>
          <Text className="study-comment__text">{mine.comment.text}</Text>
        </View>
      ) : null}
      {mine.editable && task.reflectionMin !== null ? (
        <View className="study-actions">
          <Button kind="secondary" onClick={onEdit}>
            修改心得
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** One study task: the material, the member's own part, the branch's shared reflections. */
export function TaskDetailView({ task, onChanged }: { task: StudyTaskDetail; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [shared, setShared] = useState<Shared>([]);
  const due = dueLabel(task);

  useEffect(() => {
    let live = true;
    // Only the task's own branch has shared reflections; elsewhere the answer is simply nothing.
    void studyApi.shared(1, 20, task.taskId).then((result) => {
      if (live && result.ok) setShared(result.data.items);
    });
    return () => {
      live = false;
    };
  }, [task.taskId, task.mine?.excellent]);

  const submit = async (reflection?: string): Promise<boolean> => {
    const result = await studyApi.complete(task.taskId, reflection);
    if (!result.ok) {
      showFailureToast(result);
      return false;
    }
    noteStudyChanged();
    void Taro.showToast({ title: result.data.late ? '已完成（逾期）' : '已完成学习', icon: 'success' });
    setEditing(false);
    onChanged();
    return true;
  };

  const needsReflection = task.reflectionMin !== null;
  let mine;
  if (!task.inAudience) {
    mine = task.started ? (
      <Text className="study-notice">你不在这项学习任务的范围内，可以阅读学习材料。</Text>
    ) : (
      <Text className="study-notice">任务 {monthDay(task.startAt)} 开始。</Text>
    );
  } else if (task.mine && !editing) {
    mine = <MyCompletion task={task} onEdit={() => setEditing(true)} />;
  } else if (needsReflection) {
    mine = (
      <View className="study-section">
        <Text className="study-section__title">心得体会</Text>
        {task.daysLeft < 0 && !task.mine ? (
          <Text className="study-notice">已过截止日期，仍可完成，将记为逾期完成。</Text>
        ) : null}
        <ReflectionEditor
          taskId={task.taskId}
          minLength={task.reflectionMin}
          initial={task.mine?.reflection ?? null}
          submitText={task.mine ? '保存修改' : '提交心得，完成学习'}
          onSubmit={(text) => submit(text)}
        />
      </View>
    );
  } else {
    mine = (
      <View className="study-actions">
        <Button onClick={() => void submit()}>完成学习</Button>
      </View>
    );
  }

  return (
    <View>
      <View className="study-hero">
        <Text className="study-hero__title">{task.title}</Text>
        <View className="study-hero__meta">
          <Text className={`study-badge study-badge--${due.tone}`}>{due.text}</Text>
          <Text className="study-muted">
            {monthDay(task.dueAt)} 截止 · {task.createdByName} 布置
          </Text>
        </View>
      </View>
      <MaterialView material={task.material} />
      {mine}
      <SharedReflections items={shared} />
      <CellGroup>
        <Cell label="写学习笔记" value="仅自己可见" onClick={() => openNote(undefined, task.taskId)} />
      </CellGroup>
      {task.canManage ? (
        <CellGroup title="管理">
          <Cell label="学习进度" value="应学、已完成、未完成" onClick={() => openProgress(task.taskId)} />
          <Cell label="再发一期" value="复制本任务" onClick={() => openCreateTask(task.taskId)} />
        </CellGroup>
      ) : null}
    </View>
  );
}
