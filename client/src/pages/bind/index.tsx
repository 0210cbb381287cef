import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  BindPanel,
  codeFromScene,
  hasWeChatIdentity,
  signInAsNewWeChatUser,
  signOut,
  switchDemoUser,
} from '@/features/member';
import { Button, Cell, CellGroup, showFailureToast } from '@/ui';
import { appraisalPages, openAppraisalPage } from '@/features/appraisal';
import './index.css';

const isH5 = process.env.TARO_ENV === 'h5';

/** Teachers who are not members rate their secretary's 述职 with a code, without binding. */
function TeacherCodeCell() {
  return (
    <CellGroup title="述职评议">
      <Cell label="我是教师，使用评价码评价书记述职" onClick={() => openAppraisalPage(appraisalPages.teacher())} />
    </CellGroup>
  );
}

/**
 * H5 only: the page was opened (from an invite QR code, say) without anyone signed in. The local
 * version has no WeChat, so the tester becomes a new WeChat user first and the code stays filled in.
 */
function NewUserPrompt({ onReady }: { onReady: () => void }) {
  const [busy, setBusy] = useState(false);
  const enter = async () => {
    setBusy(true);
    const result = await signInAsNewWeChatUser();
    setBusy(false);
    if (result.ok) onReady();
    else showFailureToast(result);
  };
  return (
    <View className="bind-page__demo">
      <Text className="bind-page__demo-title">本地演示环境</Text>
      <Text className="bind-page__demo-text">
        正式小程序会自动识别您的微信身份。本地演示请先以新微信用户身份进入，再用邀请码绑定。
      </Text>
      <View className="bind-page__demo-actions">
        <Button loading={busy} onClick={() => void enter()}>
          以新微信用户身份进入
        </Button>
        <Button kind="secondary" onClick={signOut}>
          选择已有的演示用户
        </Button>
      </View>
    </View>
  );
}

/**
 * 绑定党员身份: where a WeChat user the server does not know yet lands, and where an invite QR
 * code opens (`scene` carries the code, URL-encoded by WeChat).
 */
export default function BindPage() {
  const { params } = useRouter();
  const sceneCode = codeFromScene(params.scene) ?? '';
  const [identity, setIdentity] = useState(hasWeChatIdentity);

  // The home button would only lead back here; binding is the way forward.
  useDidShow(() => {
    if (!isH5) void Taro.hideHomeButton();
  });

  // Written out in full so that the mini program build drops the demo sign-in altogether.
  if (process.env.TARO_ENV === 'h5' && !identity) {
    return (
      <View className="page bind-page">
        <NewUserPrompt onReady={() => setIdentity(true)} />
        <TeacherCodeCell />
      </View>
    );
  }

  return (
    <View className="page bind-page">
      <BindPanel
        initialCode={sceneCode}
        onIdentityLost={() => setIdentity(false)}
        footer={
          <>
            <TeacherCodeCell />
            {isH5 ? (
              <CellGroup title="演示环境">
                <Cell label="切换演示用户" onClick={switchDemoUser} />
              </CellGroup>
            ) : null}
          </>
        }
      />
    </View>
  );
}
