import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActivityDetail } from '@zhibu/types';
import { useState, type ReactNode } from 'react';
import { Button, Cell, CellGroup, confirm, showFailureToast } from '@/ui';
import { activityApi, noteActivityChanged } from './api';
import { Badge, TypeTag } from './Badge';
import { MinutesView } from './MinutesView';
import { audienceLabel } from './names';
import { openAttendance, openCheckinCode, openEditActivity, openMinutes } from './navigation';
import { canAskLeave, checkinOpen, leaveClosedReason, LEAVE_STATUS_NAMES, phaseOf } from './rules';
import { stateBadge } from './state';
import { TextDialog } from './TextDialog';
import { beijingClock, formatDateTime, formatTimeRange } from './time';
import './ActivityDetailView.css';
import { canSubscribeToReminders, subscribeToReminder } from './subscribe';

interface ActivityDetailViewProps {
  activity: ActivityDetail;
  /** Called with the fresh detail an action answered with, or with nothing to reload. */
  onChanged: (detail?: ActivityDetail) => void;
  /** The check-in button, from the check-in feature, offered while the window is open. */
  checkinAction?: ReactNode;
}

function MyAttendance({
  activity,
  onAskLeave,
  checkinAction,
}: {
  activity: ActivityDetail;
  onAskLeave: () => void;
  checkinAction?: ReactNode;
}) {
  if (activity.myState === null) return null;
  const badge = stateBadge(activity.myState, activity);
  const leave = activity.myLeave;
  const mayCheckIn = checkinOpen(activity) && (activity.myState === 'expected' || activity.myState === 'leave');
  const mayAskLeave = canAskLeave(activity);
  const started = Date.now() >= Date.parse(activity.startAt);
  const closedReason = leaveClosedReason(activity);
  return (
    <>
      <CellGroup title="我的出勤">
        <Cell label="出勤状态" value={badge ? <Badge badge={badge} /> : '—'} />
        {canSubscribeToReminders() && activity.myState === 'expected' && !activity.reminderSent ? (
          <Cell
            label="开会提醒"
            value="订阅"
            onClick={() =>
              void subscribeToReminder().then((accepted) =>
                Taro.showToast({ title: accepted ? '已订阅，开会前会提醒您' : '未订阅提醒', icon: 'none' }),
              )
            }
          />
        ) : null}
        {leave ? (
          <>
            <Cell label="请假原因" value={leave.reason} />
            <Cell label="审批结果" value={`${LEAVE_STATUS_NAMES[leave.status]}${leave.late ? '（开始后申请）' : ''}`} />
          </>
        ) : null}
      </CellGroup>
      {mayCheckIn || mayAskLeave ? (
        <View className="act-detail__actions">
          {mayCheckIn ? checkinAction : null}
          {mayAskLeave ? (
            <Button kind="secondary" onClick={onAskLeave}>
              {leave?.status === 'pending' ? '修改请假原因' : '请假'}
            </Button>
          ) : null}
        </View>
      ) : null}
      {mayAskLeave && started && leave?.status !== 'rejected' ? (
        <Text className="act-detail__note">活动已开始，现在请假会标明“开始后申请”，由支部审批。</Text>
      ) : null}
      {closedReason ? <Text className="act-detail__note">{closedReason}</Text> : null}
      {leave?.status === 'rejected' && mayAskLeave ? (
        <Text className="act-detail__note">请假未获批准。如确有困难，可再次说明原因，或直接联系支部书记。</Text>
      ) : null}
    </>
  );
}

function Management({
  activity,
  onReminded,
  onCancel,
}: {
  activity: ActivityDetail;
  onReminded: () => void;
  onCancel: () => void;
}) {
  const phase = phaseOf(activity);
  const open = checkinOpen(activity);
  const [reminding, setReminding] = useState(false);
  if (phase === 'cancelled') return null;

  const remind = async () => {
    const sure = await confirm({
      title: '发送活动提醒',
      content: '将通过微信向尚未签到、未请假的党员发送一次提醒。每次活动只能提醒一次。',
      confirmText: '发送',
    });
    if (!sure) return;
    setReminding(true);
    const result = await activityApi.remind(activity.activityId);
    setReminding(false);
    if (!result.ok) {
      showFailureToast(result);
      return;
    }
    const { sent, skipped } = result.data;
    void Taro.showToast({
      title: skipped > 0 ? `已提醒 ${sent} 人（${skipped} 人无需或无法提醒）` : `已提醒 ${sent} 人`,
      icon: 'none',
      duration: 3000,
    });
    onReminded();
  };

  const codeValue = open
    ? '签到进行中'
    : phase === 'before'
      ? `${beijingClock(activity.checkinOpensAt)} 开放`
      : '签到已结束';

  return (
    <>
      <CellGroup title="支部管理">
        <View className="act-detail__counts">
          <View className="act-detail__count">
            <Text className="act-detail__count-number">{activity.expected}</Text>
            <Text className="act-detail__count-label">应到</Text>
          </View>
          <View className="act-detail__count">
            <Text className="act-detail__count-number act-detail__count-number--present">{activity.present}</Text>
            <Text className="act-detail__count-label">实到</Text>
          </View>
          <View className="act-detail__count">
            <Text className="act-detail__count-number">{activity.leave}</Text>
            <Text className="act-detail__count-label">请假</Text>
          </View>
        </View>
      </CellGroup>
      {open ? (
        <View className="act-detail__actions">
          <Button onClick={() => openCheckinCode(activity.activityId)}>显示签到二维码</Button>
        </View>
      ) : null}
      <CellGroup>
        {open ? null : (
          <Cell label="签到二维码" value={codeValue} onClick={() => openCheckinCode(activity.activityId)} />
        )}
        <Cell label="出勤情况" value="名单、请假审批" onClick={() => openAttendance(activity.activityId)} />
        <Cell
          label="会议记录"
          value={activity.minutes ? '已填写' : phase === 'before' ? '会后填写' : '未填写'}
          onClick={() => openMinutes(activity.activityId)}
        />
        {phase !== 'after' && activity.reminderSent ? <Cell label="发送提醒" value="已提醒" /> : null}
        {phase !== 'after' && !activity.reminderSent ? (
          <Cell label={reminding ? '正在发送提醒…' : '发送提醒'} value="每次活动一次" onClick={() => void remind()} />
        ) : null}
        <Cell label="编辑活动" onClick={() => openEditActivity(activity.activityId)} />
      </CellGroup>
      {phase === 'before' ? (
        <CellGroup>
          <Cell label="取消活动" action="danger" onClick={onCancel} />
        </CellGroup>
      ) : null}
    </>
  );
}

/** Everything about one activity, for a member and, below, for the branch committee. */
export function ActivityDetailView({ activity, onChanged, checkinAction }: ActivityDetailViewProps) {
  const [dialog, setDialog] = useState<'leave' | 'cancel' | null>(null);
  const groupName = () => activity.audienceGroupName ?? undefined;
  const badge = stateBadge(activity.myState, activity);
  const cancelled = activity.status === 'cancelled';

  const askLeave = async (reason: string): Promise<string | null> => {
    const result = await activityApi.requestLeave(activity.activityId, reason);
    if (!result.ok) return result.message;
    noteActivityChanged();
    onChanged(result.data);
    void Taro.showToast({ title: '请假申请已提交', icon: 'none', duration: 2500 });
    return null;
  };

  const cancel = async (reason: string): Promise<string | null> => {
    const result = await activityApi.cancel(activity.activityId, reason || undefined);
    if (!result.ok) return result.message;
    noteActivityChanged();
    onChanged(result.data);
    void Taro.showToast({ title: '活动已取消', icon: 'none' });
    return null;
  };

  return (
    <View>
      <View className="act-detail__head">
        <View className="act-detail__tags">
          <TypeTag type={activity.type} />
          {badge ? <Badge badge={badge} /> : null}
        </View>
        <Text className="act-detail__title" userSelect>
          {activity.title}
        </Text>
        {cancelled ? (
          <Text className="act-detail__cancelled">
            {activity.cancelReason
              ? `本次活动已取消（${activity.cancelReason}），无需参加。`
              : '本次活动已取消，无需参加。'}
          </Text>
        ) : null}
      </View>

      <CellGroup>
        <Cell label="时间" value={formatTimeRange(activity.startAt, activity.endAt)} />
        <Cell label="地点" value={activity.place} />
        <Cell label="参加人员" value={`${audienceLabel(activity.audience, groupName)}（${activity.expected} 人）`} />
        <Cell label="发起人" value={activity.createdByName} />
        {!cancelled ? (
          <Cell
            label="签到时间"
            value={`${formatDateTime(activity.checkinOpensAt)} 至 ${beijingClock(activity.checkinClosesAt)}`}
          />
        ) : null}
      </CellGroup>

      <CellGroup title="议程">
        <Text
          className={`act-detail__agenda${activity.agenda ? '' : ' act-detail__agenda--empty'}`}
          userSelect={!!activity.agenda}
        >
          {activity.agenda || '未填写议程'}
        </Text>
      </CellGroup>

      <MyAttendance activity={activity} onAskLeave={() => setDialog('leave')} checkinAction={checkinAction} />

      {activity.canManage ? (
        <Management activity={activity} onReminded={() => onChanged()} onCancel={() => setDialog('cancel')} />
      ) : null}

      {activity.minutes ? (
        <CellGroup title="会议记录">
          <MinutesView minutes={activity.minutes} />
        </CellGroup>
      ) : null}

      <TextDialog
        open={dialog === 'leave'}
        title="请假"
        message="请写明原因，支部审批后生效。"
        placeholder="例如：外出参加县教研活动"
        confirmText="提交"
        onConfirm={askLeave}
        onClose={() => setDialog(null)}
      />
      <TextDialog
        open={dialog === 'cancel'}
        title="取消活动"
        message="取消后党员将看到活动已取消。可填写取消原因（选填）。"
        placeholder="例如：改期至下周三"
        confirmText="确认取消"
        danger
        minLength={0}
        onConfirm={cancel}
        onClose={() => setDialog(null)}
      />
    </View>
  );
}
