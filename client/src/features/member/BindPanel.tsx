import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LoginResult } from '@zhibu/types';
import { useState, type ReactNode } from 'react';
import { Button, CodeEntry, SuccessMark } from '@/ui';
import { Avatar } from './Avatar';
import { bindWithCode } from './bind';
import {
  codeFromScan,
  formatInviteCode,
  INVITE_CODE_LENGTH,
  inviteCodeProblem,
  normaliseInviteCode,
} from './inviteCode';
import { RoleTags } from './RoleTags';
import { afterSignIn } from './signIn';
import './BindPanel.css';

interface BindPanelProps {
  /** A code the page was opened with (a scanned invite QR code), already checked. */
  initialCode?: string;
  /** The server no longer recognises this identity (H5: the token was forgotten). */
  onIdentityLost?: (message: string) => void;
  /** Shown under the form, e.g. the H5 demo-user switch. */
  footer?: ReactNode;
}

/**
 * Binding a WeChat user to their member record with the invite code from their secretary: typed
 * (any case, spaces allowed), scanned with the camera in the mini program, or carried in by the
 * QR code the page was opened with. The server's message is shown as it is when a code is refused.
 */
export function BindPanel({ initialCode = '', onIdentityLost, footer }: BindPanelProps) {
  const [code, setCode] = useState(initialCode);
  const [problem, setProblem] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const [bound, setBound] = useState<LoginResult | null>(null);

  const submit = async (raw: string) => {
    if (binding) return;
    const normalised = normaliseInviteCode(raw);
    const localProblem = inviteCodeProblem(normalised);
    setProblem(localProblem);
    if (localProblem) return;
    setBinding(true);
    const result = await bindWithCode(normalised);
    setBinding(false);
    if (result.ok) {
      setBound(result.data);
      return;
    }
    setProblem(result.message);
    if (result.code === 'UNAUTHENTICATED') onIdentityLost?.(result.message);
  };

  const scan = async () => {
    let answer: { result?: string; path?: string };
    try {
      answer = await Taro.scanCode({ onlyFromCamera: false });
    } catch {
      return; // The member closed the camera.
    }
    const scanned = codeFromScan(answer);
    if (!scanned) {
      setProblem('没有识别到邀请码，请扫描支部书记出示的邀请二维码');
      return;
    }
    setCode(scanned);
    await submit(scanned);
  };

  if (bound) {
    return (
      <View className="bind-panel bind-panel--done" role="status">
        <SuccessMark />
        <Text className="bind-panel__done-title">绑定成功</Text>
        <Text className="bind-panel__done-hint">您的微信已与以下党员身份绑定</Text>
        <View className="bind-panel__member">
          <Avatar name={bound.name} seed={bound.memberId} size="large" />
          <View className="bind-panel__member-main">
            <Text className="bind-panel__member-name">{bound.name}</Text>
            <Text className="bind-panel__member-branch">{bound.branchName}</Text>
            <RoleTags roles={bound.roles} />
          </View>
        </View>
        <View className="bind-panel__actions">
          <Button onClick={() => void Taro.reLaunch({ url: afterSignIn() })}>进入支部通</Button>
        </View>
      </View>
    );
  }

  return (
    <View className="bind-panel">
      <CodeEntry
        title="绑定党员身份"
        hint="首次使用请输入支部书记提供的邀请码，绑定后即可参加支部活动、学习和理论测试。"
        label="邀请码"
        size="short"
        value={code}
        maxlength={INVITE_CODE_LENGTH + 4}
        placeholder={`请输入 ${INVITE_CODE_LENGTH} 位邀请码`}
        problem={problem}
        tip={
          code.length === INVITE_CODE_LENGTH
            ? `请核对：${formatInviteCode(code)}`
            : '字母不区分大小写；邀请码中没有 0、1、I、O'
        }
        onInput={(typed) => {
          setCode(normaliseInviteCode(typed).slice(0, INVITE_CODE_LENGTH));
          setProblem(null);
        }}
        onConfirm={() => void submit(code)}
      />
      <View className="bind-panel__actions">
        <Button loading={binding} onClick={() => void submit(code)}>
          绑定
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button kind="secondary" disabled={binding} onClick={() => void scan()}>
            扫描邀请二维码
          </Button>
        ) : null}
      </View>
      <View className="bind-panel__notes">
        <Text className="bind-panel__note-title">没有邀请码？</Text>
        <Text className="bind-panel__note">
          请联系本支部书记或支委，在「我的 - 支部党员名册」中为您生成邀请码。邀请码 7 天内有效，只能使用一次。
        </Text>
      </View>
      {footer}
    </View>
  );
}
