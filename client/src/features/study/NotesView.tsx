import { Text, View } from '@tarojs/components';
import type { StudyNote } from '@zhibu/types';
import { useState } from 'react';
import emptyStudy from '@/assets/empty/study.png';
import type { PagedList } from '@/hooks/usePagedList';
import { Button, EmptyState, ErrorState, ListFooter, LoadingState, showFailureToast } from '@/ui';
import { studyApi } from './api';
import { monthDayTime } from './days';
import { openDocumentFile, type DocumentFormat } from '@/services';
import { openNote } from './navigation';
import './study.css';

/** 学习笔记: the member's own notes, newest first, with export as .docx or .xlsx. */
export function NotesView({ list }: { list: PagedList<StudyNote> }) {
  const [exporting, setExporting] = useState<DocumentFormat | null>(null);

  const exportAs = async (format: DocumentFormat) => {
    if (exporting) return;
    setExporting(format);
    const result = await studyApi.exportNotes(format);
    setExporting(null);
    if (!result.ok) showFailureToast(result);
    else await openDocumentFile(result.data, format);
  };

  let body;
  if (list.status === 'loading') body = <LoadingState />;
  else if (list.status === 'error')
    body = <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState
        image={emptyStudy}
        title="还没有学习笔记"
        description="读书、学习时的摘录和思考记在这里，只有你自己能看到。"
      />
    );
  else
    body = (
      <>
        {list.items.map((note) => (
          <View
            key={note.noteId}
            className="study-card"
            hoverClass="study-card--hover"
            onClick={() => openNote(note.noteId)}
          >
            <View className="study-card__meta">
              <Text>{monthDayTime(note.updatedAt)}</Text>
              {note.taskTitle ? <Text className="study-note__task">{note.taskTitle}</Text> : null}
            </View>
            <Text className="study-note__text">
              {note.text.length > 120 ? `${note.text.slice(0, 120)}…` : note.text}
            </Text>
          </View>
        ))}
        <ListFooter list={list} />
      </>
    );

  return (
    <View>
      <Text className="study-notice">学习笔记仅自己可见，支部和局党委都看不到。</Text>
      <View className="study-toolbar">
        <View className="study-toolbar__item">
          <Button onClick={() => openNote()}>写笔记</Button>
        </View>
        <View className="study-toolbar__item">
          <Button kind="secondary" loading={exporting === 'docx'} onClick={() => void exportAs('docx')}>
            导出 Word
          </Button>
        </View>
        <View className="study-toolbar__item">
          <Button kind="secondary" loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
            导出 Excel
          </Button>
        </View>
      </View>
      {body}
    </View>
  );
}
