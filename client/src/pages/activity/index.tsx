import { useDidShow } from '@tarojs/taro';
import { useListPage } from '@/hooks/useListPage';
import { SessionGate } from '@/features/member';
import {
  ActivityFeedView,
  BranchFilter,
  openHistory,
  ActivityToolbar,
  canManageActivities,
  useActivityFeed,
} from '@/features/activity';
import { ScanCheckinButton } from '@/features/checkin';
import { isBureauAdmin } from '@/features/member';
import { Cell, CellGroup } from '@/ui';

export default function ActivityPage() {
  const feed = useActivityFeed();

  useListPage(feed);
  useDidShow(() => {
    feed.reloadIfStale();
  });

  return (
    <SessionGate>
      {(member) => {
        const canManage = canManageActivities(member.roles);
        return (
          <>
            <ActivityToolbar scanButton={<ScanCheckinButton />} canManage={canManage} />
            {isBureauAdmin(member.roles) ? <BranchFilter value={feed.branchId} onChange={feed.setBranchId} /> : null}
            <CellGroup>
              <Cell label="我的出勤记录" onClick={openHistory} />
            </CellGroup>
            <ActivityFeedView feed={feed} canManage={canManage} />
          </>
        );
      }}
    </SessionGate>
  );
}
