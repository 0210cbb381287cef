import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { formatDateTime, formatInviteCode } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, LoadingState, showFailureToast } from '@/ui';
import { orgApi } from './api';
import './Invite.css';

async function copyCode(code: string) {
  try {
    await Taro.setClipboardData({ data: code });
  } catch {
    showFailureToast({ ok: false, code: 'INTERNAL', message: '复制失败，请手动抄写邀请码' });
  }
}

/**
 * An invite for one member: the code in large type to read out or copy into a message, and the
 * QR code to scan on the spot. Each visit makes a fresh code; older ones stay valid until used or
 * expired.
 */
export function InviteView({ memberId }: { memberId: string }) {
  const load = useCallback(() => orgApi.createInvite(memberId), [memberId]);
  const { state, reload } = useRemoteData(load);

  if (state.status === 'loading') return <LoadingState text="正在生成邀请码" />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const invite = state.data;

  return (
    <View className="invite">
      <View className="invite-card">
        <Text className="invite-card__title">邀请 {invite.memberName} 绑定微信</Text>
        <Text className="invite-card__subtitle">请本人用微信扫码，或输入下方邀请码</Text>
        {invite.qrImage ? (
          <Image
            className="invite-card__qr"
            src={invite.qrImage}
            mode="scaleToFill"
            showMenuByLongpress
            aria-label="邀请二维码"
          />
        ) : (
          <Text className="invite-card__no-qr">二维码暂时无法生成，请使用下方邀请码</Text>
        )}
        <Text className="invite-card__label">邀请码</Text>
        <Text className="invite-card__code" aria-label={`邀请码 ${invite.code}`}>
          {formatInviteCode(invite.code)}
        </Text>
        <Text className="invite-card__expiry">有效期至 {formatDateTime(invite.expiresAt)}</Text>
        <Text className="invite-card__expiry">仅可使用一次，绑定后即失效</Text>
      </View>
      <View className="invite__actions">
        <Button onClick={() => void copyCode(invite.code)}>复制邀请码</Button>
        <Button kind="secondary" onClick={() => void reload()}>
          重新生成
        </Button>
      </View>
      <View className="invite__steps">
        <Text className="invite__steps-title">绑定步骤</Text>
        <Text className="invite__step">1. {invite.memberName}用微信扫描上方二维码，直接打开绑定页面；</Text>
        <Text className="invite__step">2. 或在微信中打开「支部通」小程序，输入 8 位邀请码；</Text>
        <Text className="invite__step">3. 绑定成功后即可签到、学习和接收支部通知。</Text>
      </View>
    </View>
  );
}
