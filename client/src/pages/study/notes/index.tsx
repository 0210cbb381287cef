import { View } from '@tarojs/components';
import type { StudyNote } from '@zhibu/types';
import { usePagedList } from '@/hooks/usePagedList';
import { useListPage } from '@/hooks/useListPage';
import { NotesView, studyApi, studyChangeCount } from '@/features/study';

/** 我的学习笔记: only ever the caller's own. */
export default function NotesPage() {
  const list = usePagedList<StudyNote>((page, size) => studyApi.listNotes(page, size), { idOf: (n) => n.noteId });
  useListPage(list, studyChangeCount);

  return (
    <View className="page">
      <NotesView list={list} />
    </View>
  );
}
