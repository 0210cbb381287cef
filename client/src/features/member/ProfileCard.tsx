import { Text, View } from '@tarojs/components';
import type { LoginResult } from '@zhibu/types';
import { Avatar } from './Avatar';
import { RoleTags } from './RoleTags';
import './ProfileCard.css';

/** The top of 我的, in the manner of WeChat's own profile header. */
export function ProfileCard({ member }: { member: LoginResult }) {
  return (
    <View className="profile-card">
      <Avatar name={member.name} seed={member.memberId} size="large" />
      <View className="profile-card__main">
        <Text className="profile-card__name">{member.name}</Text>
        <Text className="profile-card__branch">{member.branchName}</Text>
        <RoleTags roles={member.roles} />
      </View>
    </View>
  );
}
