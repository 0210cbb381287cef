import type { Result } from '@zhibu/types';
import { useState } from 'react';
import { showFailureToast } from '@/ui';
import { confirm, toastDone } from './confirm';
import type { PickedFile } from './files';

interface CheckedReport {
  valid: boolean;
}

/**
 * An import through cloud storage, checked before it writes: the picked sheet is uploaded and
 * checked (nothing written), then committed once the member confirms what it will do. `done` is
 * how many records the commit wrote; a new file starts over.
 */
export function useSheetImport<R extends CheckedReport>(steps: {
  upload: (picked: PickedFile) => Promise<Result<{ fileID: string }>>;
  run: (fileId: string, mode: 'check' | 'commit') => Promise<Result<R>>;
  /** What the confirmation says will be written, for this report. */
  confirmText: (report: R) => string;
  /** How many records a committed report wrote. */
  written: (report: R) => number;
}) {
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [busy, setBusy] = useState<'' | 'check' | 'commit'>('');
  const [done, setDone] = useState<number | null>(null);

  const check = async (picked: PickedFile) => {
    setFile(null);
    setReport(null);
    setDone(null);
    setBusy('check');
    const uploaded = await steps.upload(picked);
    if (!uploaded.ok) {
      setBusy('');
      return showFailureToast(uploaded);
    }
    setFile({ name: picked.name, fileId: uploaded.data.fileID });
    const result = await steps.run(uploaded.data.fileID, 'check');
    setBusy('');
    if (!result.ok) return showFailureToast(result);
    setReport(result.data);
  };
  const commit = async () => {
    if (!file || !report?.valid) return;
    if (!(await confirm({ title: '确认导入', content: steps.confirmText(report), confirmText: '导入' }))) return;
    setBusy('commit');
    const result = await steps.run(file.fileId, 'commit');
    setBusy('');
    if (!result.ok) return showFailureToast(result);
    setReport(result.data);
    if (result.data.valid) {
      toastDone('导入成功');
      setDone(steps.written(result.data));
    }
  };
  return { file, report, busy, done, check, commit };
}
