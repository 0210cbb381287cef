import { Text, View } from '@tarojs/components';
import type { LoginResult } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { isBureauAdmin } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, showFailureToast } from '@/ui';
import { findBranch, orgApi } from './api';
import { markOrgChanged } from './changes';
import { confirm, toastDone } from './confirm';
import { FilePicker } from './FilePicker';
import { openSheet } from '@/services';
import { MAX_IMPORT_BYTES, type PickedFile } from './files';
import { ImportReport, type ImportCheck } from './ImportReport';
import { CheckMark } from './MemberRow';
import './Import.css';

type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; file: PickedFile }
  | { step: 'checked'; file: PickedFile; check: ImportCheck }
  | { step: 'committing'; file: PickedFile; check: ImportCheck }
  | { step: 'done'; created: number };

/** Check first, then commit: nothing is written until the whole sheet is right. */
function ImportCard({ branchId }: { branchId: string }) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [template, setTemplate] = useState(false);

  const downloadTemplate = async () => {
    setTemplate(true);
    const result = await orgApi.rosterTemplate();
    setTemplate(false);
    if (!result.ok) return showFailureToast(result);
    await openSheet(result.data);
  };

  const check = async (file: PickedFile) => {
    if (file.size > MAX_IMPORT_BYTES || file.base64 === '') {
      showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: '文件过大，请分批导入（每次不超过 500 人）' });
      return;
    }
    setState({ step: 'checking', file });
    const result = await orgApi.importRoster({ branchId, fileBase64: file.base64, mode: 'check' });
    if (!result.ok) {
      showFailureToast(result);
      setState({ step: 'idle' });
      return;
    }
    setState({ step: 'checked', file, check: result.data });
  };

  const commit = async () => {
    if (state.step !== 'checked' || !state.check.valid) return;
    const sure = await confirm({
      title: '确认导入',
      content: `将向名册添加 ${state.check.rows} 名党员。确定导入吗？`,
      confirmText: '导入',
    });
    if (!sure) return;
    setState({ ...state, step: 'committing' });
    const result = await orgApi.importRoster({ branchId, fileBase64: state.file.base64, mode: 'commit' });
    if (!result.ok) {
      showFailureToast(result);
      setState({ ...state, step: 'checked' });
      return;
    }
    if (!result.data.valid) {
      setState({ step: 'checked', file: state.file, check: result.data });
      return;
    }
    markOrgChanged();
    toastDone('导入成功');
    setState({ step: 'done', created: result.data.created });
  };

  const busy = state.step === 'checking' || state.step === 'committing';
  const checked = state.step === 'checked' || state.step === 'committing' ? state : null;
  return (
    <View className="roster-io__card">
      <Text className="roster-io__card-title">导入名册</Text>
      <Text className="roster-io__step">1. 下载导入模板，每位党员填一行（姓名、党员身份必填）；</Text>
      <Text className="roster-io__step">2. 选择填好的 .xlsx 文件，系统先逐行检查；</Text>
      <Text className="roster-io__step">3. 检查全部通过后，点「确认导入」写入名册。</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Text className="roster-io__note">
          手机上请先把 Excel 文件发送到微信聊天（如文件传输助手），再从聊天中选择。
        </Text>
      ) : null}
      <View className="roster-io__actions">
        <Button kind="secondary" loading={template} onClick={() => void downloadTemplate()}>
          下载导入模板
        </Button>
        <FilePicker disabled={busy} onPick={(file) => void check(file)}>
          {checked ? '重新选择文件' : '选择 Excel 文件'}
        </FilePicker>
      </View>
      {state.step === 'checking' ? <Text className="roster-io__file">正在检查「{state.file.name}」…</Text> : null}
      {checked ? <ImportReport fileName={checked.file.name} check={checked.check} /> : null}
      {checked?.check.valid ? (
        <View className="roster-io__actions">
          <Button loading={state.step === 'committing'} onClick={() => void commit()}>
            确认导入
          </Button>
        </View>
      ) : null}
      {state.step === 'done' ? (
        <View className="import-report import-report--ok" role="status">
          <Text className="import-report__done">已导入 {state.created} 名党员，可在名册中为他们生成邀请码。</Text>
        </View>
      ) : null}
    </View>
  );
}

/** Export: phone numbers masked, unless a bureau admin asks for them in full. */
function ExportCard({ branchId, admin }: { branchId?: string; admin: boolean }) {
  const [includePhone, setIncludePhone] = useState(false);
  const [busy, setBusy] = useState(false);
  const exportSheet = async () => {
    setBusy(true);
    const result = await orgApi.exportRoster({ branchId, includePhone: admin && includePhone ? true : undefined });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    if (await openSheet(result.data)) toastDone(`已导出 ${result.data.rows} 人`);
  };
  return (
    <View className="roster-io__card">
      <Text className="roster-io__card-title">导出名册</Text>
      <Text className="roster-io__step">导出在册党员的 Excel 名册，可用于存档或报送。</Text>
      {admin ? (
        <View
          className="roster-io__option"
          role="checkbox"
          aria-checked={includePhone}
          aria-label="包含完整手机号"
          onClick={() => setIncludePhone(!includePhone)}
        >
          <CheckMark checked={includePhone} />
          <View className="roster-io__option-text">
            <Text className="roster-io__option-label">包含完整手机号</Text>
            <Text className="roster-io__option-hint">仅局党委管理员可选；请妥善保管导出的文件</Text>
          </View>
        </View>
      ) : null}
      <Text className="roster-io__note">
        {admin && includePhone ? '本次导出包含完整手机号。' : '手机号默认隐藏中间四位（如 138****5678）。'}
      </Text>
      <View className="roster-io__actions">
        <Button loading={busy} onClick={() => void exportSheet()}>
          导出 Excel
        </Button>
      </View>
    </View>
  );
}

interface RosterIoProps {
  viewer: LoginResult;
  branchId?: string;
  /** Every branch in one sheet (bureau admins): export only. */
  all?: boolean;
}

/** 名册导入导出 for one branch, or the bureau's export of every branch. */
export function RosterIo({ viewer, branchId = viewer.branchId, all = false }: RosterIoProps) {
  const admin = isBureauAdmin(viewer.roles);
  const loadBranch = useCallback(() => findBranch(branchId), [branchId]);
  const branch = useRemoteData(loadBranch);
  const branchName = branch.state.status === 'ready' ? branch.state.data.name : '';
  return (
    <View className="roster-io">
      <View className="roster-io__intro">
        <Text className="roster-io__title">{all ? '全部支部名册' : branchName || '支部名册'}</Text>
        <Text className="roster-io__subtitle">Excel（.xlsx）格式的党员名册</Text>
      </View>
      {all ? null : <ImportCard branchId={branchId} />}
      <ExportCard branchId={all ? undefined : branchId} admin={admin} />
    </View>
  );
}
