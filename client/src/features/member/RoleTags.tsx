import { Text, View } from '@tarojs/components';
import type { Role } from '@zhibu/types';
import { roleLabels } from './roles';
import './RoleTags.css';

interface RoleTagsProps {
  roles: readonly Role[];
  /** `onBrand` sits on the red header band; `plain` on a white cell. */
  tone?: 'onBrand' | 'plain';
}

export function RoleTags({ roles, tone = 'plain' }: RoleTagsProps) {
  return (
    <View className={`role-tags role-tags--${tone}`}>
      {roleLabels(roles).map((label) => (
        <Text key={label} className="role-tags__tag">
          {label}
        </Text>
      ))}
    </View>
  );
}
