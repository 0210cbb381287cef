import { View } from '@tarojs/components';
import type { Role } from '@zhibu/types';
import { useDidShow } from '@tarojs/taro';
import { Button } from '@/ui';
import { openNoticeEditor, openNoticePosters } from './routes';
import { useNoticePosting } from './useNoticePosting';

/** 发布通知 for those who may post, and 发布权限 for the secretary who decides who else may. */
export function NoticeToolbar({ roles }: { roles: readonly Role[] }) {
  const { canPost, canChange, reload } = useNoticePosting(roles);
  useDidShow(() => void reload());
  if (!canPost && !canChange) return null;
  return (
    <View className="notice-toolbar">
      {canPost ? <Button onClick={() => openNoticeEditor()}>发布通知</Button> : null}
      {canChange ? (
        <Button kind="secondary" onClick={openNoticePosters}>
          发布权限
        </Button>
      ) : null}
    </View>
  );
}
