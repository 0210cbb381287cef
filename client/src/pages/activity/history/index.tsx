import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { HistoryView, useHistory } from '@/features/activity';

export default function AttendanceHistoryPage() {
  const history = useHistory();

  usePullDownRefresh(() => {
    void history.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void history.loadMore();
  });

  return (
    <View className="page">
      <HistoryView history={history} />
    </View>
  );
}
