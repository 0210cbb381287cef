import type { NoticePosters, Role } from '@zhibu/types';
import { useCallback, useEffect, useState } from 'react';
import { noticeApi } from './api';

/**
 * Whether the caller may post notices in their branch. A secretary and an admin always may, so their
 * button shows at once; a committee member's answer comes from the branch's 发布权限.
 */
export function useNoticePosting(roles: readonly Role[]) {
  const always = roles.includes('secretary') || roles.includes('admin');
  const committee = roles.includes('committee');
  const [posters, setPosters] = useState<NoticePosters | null>(null);
  const reload = useCallback(async () => {
    if (always || !committee) return;
    const result = await noticeApi.posters();
    if (result.ok) setPosters(result.data);
  }, [always, committee]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { canPost: always || posters?.canPost === true, canChange: roles.includes('secretary'), reload };
}
