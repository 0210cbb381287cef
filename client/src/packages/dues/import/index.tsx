import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { duesApi } from '@/features/dues/api';
import { beijingNow } from '@/features/dues/format';
import '@/features/dues/dues.css';
import { FilePicker, ManagerGate, openSheet, useSheetImport } from '@/features/org';
import { uploadImportSheet } from '@/services/upload';
import { Button, CellGroup, showFailureToast } from '@/ui';

interface Report {
  rows: number;
  valid: boolean;
  updated: number;
  errors: { row: number; column: string | null; message: string }[];
}

/** 党费基数 from Excel: every row is checked first, and nothing is written unless all are right. */
export default function DuesImportPage() {
  return <ManagerGate>{(member) => <DuesImport branchId={member.branchId} />}</ManagerGate>;
}

function DuesImport({ branchId }: { branchId: string }) {
  const { year } = beijingNow();
  const { file, report, busy, done, check, commit } = useSheetImport<Report>({
    upload: (picked) => uploadImportSheet({ filePath: picked.path, branchId, folder: 'dues' }),
    run: (fileId, mode) => duesApi.importBases(year, fileId, mode),
    confirmText: (r) => `将设置 ${r.rows} 位党员${year}年的党费基数。`,
    written: (r) => r.updated,
  });
  const [downloading, setDownloading] = useState(false);

  const template = async () => {
    setDownloading(true);
    const result = await duesApi.template(year);
    setDownloading(false);
    if (!result.ok) return showFailureToast(result);
    await openSheet({ ...result.data });
  };

  return (
    <View className="page">
      <CellGroup title={`${year}年党费基数`}>
        <Text className="dues-note">
          每行一人：姓名、手机号（重名时填写）、类别（在职、离退休、学生、无收入）、基数（元）、扣除（元，个人缴纳的社保和公积金）、起始月份。
        </Text>
        <Text className="dues-note">系统先逐行检查，全部无误才会导入；同一文件再次导入不会重复设置。</Text>
      </CellGroup>
      <View className="dues-actions">
        <Button kind="secondary" loading={downloading} onClick={() => void template()}>
          下载导入模板（含本支部党员）
        </Button>
      </View>
      <View className="dues-actions">
        <FilePicker disabled={busy !== '' || downloading} onPick={(picked) => void check(picked)}>
          {report ? '重新选择文件' : '选择 Excel 文件'}
        </FilePicker>
      </View>
      {busy === 'check' ? <Text className="dues-note">正在上传并检查…</Text> : null}
      {report && file ? (
        <View role="status">
          <Text className="dues-sum">
            {report.valid ? '检查通过' : '发现问题，未导入任何基数'}：{file.name}（共 {report.rows} 行）
          </Text>
          {report.errors.slice(0, 50).map((e, i) => (
            <Text key={i} className="dues-error">
              第 {e.row} 行{e.column ? ` · ${e.column}` : ''}：{e.message}
            </Text>
          ))}
        </View>
      ) : null}
      {report?.valid && done === null ? (
        <View className="dues-actions">
          <Button loading={busy === 'commit'} onClick={() => void commit()}>
            确认导入
          </Button>
        </View>
      ) : null}
      {done !== null ? <Text className="dues-sum">已设置 {done} 位党员的党费基数</Text> : null}
    </View>
  );
}
