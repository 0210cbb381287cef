import type { NoticeItem } from '@zhibu/types';
import emptyImage from '@/assets/empty/search.png';
import type { PagedList } from '@/hooks/usePagedList';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import { NoticeCard } from './NoticeCard';
import { openNotice } from './routes';

export function NoticeListView({ list, posted = false }: { list: PagedList<NoticeItem>; posted?: boolean }) {
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error')
    return <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  if (list.items.length === 0)
    return (
      <EmptyState
        image={emptyImage}
        title={posted ? '还没有发布过通知' : '暂无通知'}
        description={posted ? '发布的通知会显示在这里' : '支部和局党委发布的通知会显示在这里'}
      />
    );
  return (
    <>
      {list.items.map((n) => (
        <NoticeCard key={n.noticeId} notice={n} posted={posted} onOpen={openNotice} />
      ))}
      <ListFooter list={list} />
    </>
  );
}
