import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { beijingDateTime as formatDateTime } from '../time';
import { usePagedList } from '@/hooks/usePagedList';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '@/ui';
import emptyStudy from '@/assets/empty/study.png';
import { quizApi, quizPages } from '../api';
import './manage.css';
import { usePullToReload } from '@/hooks/usePullToReload';

type Managed = {
  quizId: string;
  title: string;
  scope: 'bureau' | 'branch';
  closeAt: string;
  status: string;
  questionCount: number;
};
const STATUS: Record<string, string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };

/** The quizzes the caller's branch sits (or, for the bureau, all of them), each opening its statistics. */
export function ManagedList() {
  const list = usePagedList<Managed>(quizApi.managed, { idOf: (q) => q.quizId });
  usePullToReload(list.reload);
  useReachBottom(() => void list.loadMore());
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error')
    return <ErrorState message={list.message} code={list.code} onRetry={() => void list.reload()} />;
  if (list.items.length === 0)
    return (
      <EmptyState image={emptyStudy} title="还没有测试" description="在题库管理中发布测试后，可在这里查看统计。" />
    );
  return (
    <View>
      {list.items.map((q) => (
        <View
          key={q.quizId}
          className="qm-row"
          hoverClass="qm-row--hover"
          aria-label={q.title}
          onClick={() => void Taro.navigateTo({ url: quizPages.stats(q.quizId) })}
        >
          <Text className="qm-row__title">{q.title}</Text>
          <Text className="qm-row__meta">
            {q.scope === 'bureau' ? '局党委' : '本支部'} · {STATUS[q.status]} · {q.questionCount} 题 ·{' '}
            {formatDateTime(q.closeAt)} 截止
          </Text>
        </View>
      ))}
      <ListFooter list={list} totalText={(n) => `共 ${n} 次测试`} />
    </View>
  );
}
