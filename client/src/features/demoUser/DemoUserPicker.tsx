import { Input, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { listDemoUsers, signInAs, type DemoUser } from '@/services';
import { EmptyState, ErrorState, LoadingState, showFailureToast } from '@/ui';
import emptySearch from '@/assets/empty/search.png';
import { Avatar, enterAsNewMember, enterAsUnboundUser, RoleTags, signInAsNewWeChatUser } from '@/features/member';
import { groupDemoUsers } from './demoUsers';
import './DemoUserPicker.css';

/** Marks the new-user entry while it signs in; demo users are marked by their openid. */
const NEW_USER = 'new';

/** H5 only: the local runtime has no WeChat identity, so the tester picks who to be. */
export function DemoUserPicker() {
  const { state, reload } = useRemoteData(listDemoUsers);
  const [query, setQuery] = useState('');
  const [signingIn, setSigningIn] = useState<string | null>(null);

  const groups = useMemo(() => (state.status === 'ready' ? groupDemoUsers(state.data, query) : []), [state, query]);

  const choose = async (user: DemoUser) => {
    if (signingIn) return;
    setSigningIn(user.openid);
    const result = await signInAs(user.openid);
    setSigningIn(null);
    if (result.ok) enterAsNewMember();
    else showFailureToast(result);
  };

  const chooseNewUser = async () => {
    if (signingIn) return;
    setSigningIn(NEW_USER);
    const result = await signInAsNewWeChatUser();
    setSigningIn(null);
    if (result.ok) enterAsUnboundUser();
    else showFailureToast(result);
  };

  if (state.status === 'loading') return <LoadingState text="正在读取演示用户" />;
  if (state.status === 'error') return <ErrorState message={state.message} code={state.code} onRetry={reload} />;

  return (
    <View className="demo-picker">
      <View className="demo-picker__intro">
        <Text className="demo-picker__title">选择演示用户</Text>
        <Text className="demo-picker__hint">
          本地演示环境没有微信登录，请选择一位党员身份进入。正式小程序使用微信身份登录。
        </Text>
      </View>
      <View className="demo-picker__search">
        <Input
          className="demo-picker__input"
          placeholderClass="demo-picker__placeholder"
          type="text"
          value={query}
          placeholder="搜索姓名或支部"
          confirmType="search"
          onInput={(event) => setQuery(event.detail.value)}
        />
      </View>
      <View className="demo-picker__group">
        <Text className="demo-picker__branch">尚未绑定的新用户</Text>
        <View className="demo-picker__list">
          <View
            className="demo-picker__user"
            hoverClass="demo-picker__user--hover"
            aria-label="以新微信用户身份进入（未绑定）"
            onClick={() => void chooseNewUser()}
          >
            <View className="demo-picker__new-avatar">
              <Text className="demo-picker__new-plus">+</Text>
            </View>
            <View className="demo-picker__user-main">
              <Text className="demo-picker__name">以新微信用户身份进入（未绑定）</Text>
              <Text className="demo-picker__desc">体验首次打开小程序：用支部书记生成的邀请码绑定党员身份</Text>
            </View>
            {signingIn === NEW_USER ? (
              <Text className="demo-picker__busy">正在进入…</Text>
            ) : (
              <View className="demo-picker__arrow" />
            )}
          </View>
        </View>
      </View>
      {groups.length === 0 ? (
        <EmptyState
          image={emptySearch}
          title={state.data.length === 0 ? '暂无演示用户' : '没有找到匹配的用户'}
          description={state.data.length === 0 ? '本地服务还没有导入演示数据。' : '换个姓名或支部名称试试。'}
        />
      ) : (
        groups.map((group) => (
          <View key={group.branchId} className="demo-picker__group">
            <Text className="demo-picker__branch">{group.branchName}</Text>
            <View className="demo-picker__list">
              {group.users.map((user) => (
                <View
                  key={user.openid}
                  className="demo-picker__user"
                  hoverClass="demo-picker__user--hover"
                  aria-label={`以${user.name}的身份进入`}
                  onClick={() => void choose(user)}
                >
                  <Avatar name={user.name} seed={user.openid} />
                  <View className="demo-picker__user-main">
                    <Text className="demo-picker__name">{user.name}</Text>
                    <RoleTags roles={user.roles} />
                  </View>
                  {signingIn === user.openid ? (
                    <Text className="demo-picker__busy">正在进入…</Text>
                  ) : (
                    <View className="demo-picker__arrow" />
                  )}
                </View>
              ))}
            </View>
          </View>
        ))
      )}
    </View>
  );
}
