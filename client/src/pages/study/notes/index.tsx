import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { StudyNote } from '@zhibu/types';
import { useRef } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { NotesView, studyApi, studyChangeCount } from '@/features/study';

/** 我的学习笔记: only ever the caller's own. */
export default function NotesPage() {
  const list = usePagedList<StudyNote>((page, size) => studyApi.listNotes(page, size), { idOf: (n) => n.noteId });
  const seen = useRef(studyChangeCount());

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
  useDidShow(() => {
    if (seen.current !== studyChangeCount()) {
      seen.current = studyChangeCount();
      void list.reload();
    }
  });

  return (
    <View className="page">
      <NotesView list={list} />
    </View>
  );
}
