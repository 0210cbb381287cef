import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FilePicker, openSheet, useSheetImport } from '@/features/org';
import { uploadQuestionSheet } from '@/services/upload';
import { Button, showFailureToast } from '@/ui';
import { quizApi } from '../api';
import '../quiz.css';
import './manage.css';

interface Report {
  rows: number;
  valid: boolean;
  created: number;
  alreadyImported: number;
  errors: { row: number; column: string | null; message: string }[];
  duplicates: { row: number; stem: string; existing: boolean }[];
}

function ReportCard({ report, fileName }: { report: Report; fileName: string }) {
  return (
    <View className="qm-card" role="status">
      <Text className="qm-row__title">
        {report.valid ? '检查通过' : '发现问题，未导入任何题目'}：{fileName}
      </Text>
      <Text className="qm-card__line">共 {report.rows} 行</Text>
      {report.alreadyImported > 0 ? (
        <Text className="qm-card__line">
          其中 {report.alreadyImported} 题此前已导入（上次导入未完成时），不会重复导入
        </Text>
      ) : null}
      {report.errors.slice(0, 50).map((e, i) => (
        <Text key={i} className="qm-card__error">
          第 {e.row} 行{e.column ? ` · ${e.column}` : ''}：{e.message}
        </Text>
      ))}
      {report.duplicates.map((d) => (
        <Text key={d.row} className="qm-card__line">
          第 {d.row} 行题干重复（{d.existing ? '题库中已有' : '表格中前面已有'}），不再导入：{d.stem}
        </Text>
      ))}
    </View>
  );
}

/**
 * 题库导入导出: the template, a checked import (nothing written on a bad row), and export. The sheet
 * is uploaded to cloud storage once and the import reads it there, so a bank of thousands of
 * questions fits; 确认导入 after a timeout simply runs again and picks up where it stopped.
 */
export function ImportSheet({ bankId, name, branchId }: { bankId: string; name: string; branchId: string }) {
  const { file, report, busy, done, check, commit } = useSheetImport<Report>({
    upload: (picked) => uploadQuestionSheet({ filePath: picked.path, branchId }),
    run: (fileId, mode) => quizApi.importQuestions(bankId, fileId, mode),
    confirmText: (r) => `将向「${name}」导入 ${r.rows - r.duplicates.length - r.alreadyImported} 道题目。`,
    written: (r) => r.created,
  });
  const [downloading, setDownloading] = useState<'' | 'template' | 'export'>('');

  const download = async (kind: 'template' | 'export') => {
    setDownloading(kind);
    const result = kind === 'template' ? await quizApi.template() : await quizApi.exportQuestions(bankId);
    setDownloading('');
    if (!result.ok) return showFailureToast(result);
    await openSheet(result.data);
  };

  return (
    <View>
      <View className="qm-card">
        <Text className="qm-row__title">从 Excel 导入题目</Text>
        <Text className="qm-card__line">
          每行一题：题型、题干、选项A–H、答案（如 B 或 ACD；判断题写 对 / 错）、解析、标签、难度。
        </Text>
        <Text className="qm-card__line">系统先逐行检查，全部无误才会导入；题干重复的会列出并跳过。</Text>
      </View>
      <View className="quiz-actions">
        <Button kind="secondary" loading={downloading === 'template'} onClick={() => void download('template')}>
          下载导入模板
        </Button>
      </View>
      <View className="quiz-actions">
        <FilePicker disabled={busy !== '' || downloading !== ''} onPick={(picked) => void check(picked)}>
          {report ? '重新选择文件' : '选择 Excel 文件'}
        </FilePicker>
      </View>
      {busy === 'check' ? <Text className="quiz-saved">正在上传并检查…</Text> : null}
      {report && file ? <ReportCard report={report} fileName={file.name} /> : null}
      {report?.valid && done === null ? (
        <View className="quiz-actions">
          <Button loading={busy === 'commit'} onClick={() => void commit()}>
            确认导入
          </Button>
        </View>
      ) : null}
      {done !== null ? (
        <View className="quiz-saved" role="status">
          已导入 {done} 道题目
        </View>
      ) : null}
      <View className="qm-card">
        <Text className="qm-row__title">导出题库</Text>
        <Text className="qm-card__line">导出为同样格式的 Excel。答案和解析仅局党委管理员导出时包含。</Text>
      </View>
      <View className="quiz-actions">
        <Button kind="secondary" loading={downloading === 'export'} onClick={() => void download('export')}>
          导出 Excel
        </Button>
      </View>
    </View>
  );
}
