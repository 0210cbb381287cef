import { Image, Text, View } from '@tarojs/components';
import star from '@/assets/brand/star.png';
import type { LoginResult } from '@zhibu/types';
import { RoleTags } from './RoleTags';
import './MemberHero.css';

/** The red band at the top of 首页: who is signed in, in which branch, in which roles. */
export function MemberHero({ member }: { member: LoginResult }) {
  return (
    <View className="member-hero">
      <Image className="member-hero__star" src={star} mode="scaleToFill" />
      <Text className="member-hero__greeting">您好，</Text>
      <Text className="member-hero__name">{member.name}</Text>
      <Text className="member-hero__branch">{member.branchName}</Text>
      <RoleTags roles={member.roles} tone="onBrand" />
    </View>
  );
}
