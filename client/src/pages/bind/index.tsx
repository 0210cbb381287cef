import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import emptyBind from '@/assets/empty/bind.png';
import { recheckBinding } from '@/features/member';
import { Button, EmptyState } from '@/ui';
import './index.css';

/** WeChat identity works but no member record is bound to it yet; binding itself is done with an invite code. */
export default function BindPage() {
  const [checking, setChecking] = useState(false);
  const [stillUnbound, setStillUnbound] = useState(false);

  // The home button would only lead back here; binding is the way forward.
  useDidShow(() => {
    void Taro.hideHomeButton();
  });

  const recheck = async () => {
    setChecking(true);
    const entered = await recheckBinding();
    setChecking(false);
    setStillUnbound(!entered);
  };

  return (
    <View className="page bind">
      <EmptyState
        image={emptyBind}
        title="尚未绑定党员身份"
        description="请联系支部书记获取邀请码。绑定后即可参加支部活动、学习和理论测试。"
      >
        <Button kind="secondary" loading={checking} onClick={() => void recheck()}>
          重新检查
        </Button>
        {stillUnbound ? <Text className="bind__note">仍未查到绑定信息，请确认支部书记已为您登记。</Text> : null}
      </EmptyState>
    </View>
  );
}
