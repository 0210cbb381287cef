import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActivityDetail, Attendance } from '@zhibu/types';
import { useState } from 'react';
import { Button, CellGroup, confirm, Segmented, showFailureToast } from '@/ui';
import { noteActivityChanged } from '../api';
import { describeChange } from '../names';
import { phaseOf } from '../rules';
import { TextDialog } from '../TextDialog';
import { beijingClock, formatDateTime, formatTimeRange } from '../time';
import { manageApi } from './api';
import './AttendanceView.css';

type Tab = 'present' | 'leave' | 'absent';

interface Mark {
  memberId: string;
  name: string;
  state: 'present' | 'absent' | 'leave';
}

interface RowAction {
  label: string;
  primary?: boolean;
  onAction: () => void;
}

interface AttendanceViewProps {
  activity: ActivityDetail;
  attendance: Attendance;
  onChanged: (attendance: Attendance) => void;
}

function Row({ name, sub, actions = [] }: { name: string; sub?: string; actions?: RowAction[] }) {
  return (
    <View className="act-att__row">
      <View className="act-att__main">
        <Text className="act-att__name">{name}</Text>
        {sub ? <Text className="act-att__sub">{sub}</Text> : null}
      </View>
      {actions.map((a) => (
        <View
          key={a.label}
          className={`act-att__link${a.primary ? ' act-att__link--primary' : ''}`}
          hoverClass="act-att__link--hover"
          aria-label={`${name}${a.label}`}
          onClick={a.onAction}
        >
          {a.label}
        </View>
      ))}
    </View>
  );
}

/** 应到 / 实到 / 请假 / 缺席 with names, leave to approve, hand corrections, and who changed what. */
export function AttendanceView({ activity, attendance, onChanged }: AttendanceViewProps) {
  const [tab, setTab] = useState<Tab>('present');
  const [mark, setMark] = useState<Mark | null>(null);
  const [refusing, setRefusing] = useState<{ memberId: string; name: string } | null>(null);
  const phase = phaseOf(activity);
  // The server takes hand marks from the opening of the check-in window on.
  const canMark = phase !== 'cancelled' && Date.now() >= Date.parse(activity.checkinOpensAt);
  // Leave can be recorded at any time: a member may phone in days ahead.
  const canRecordLeave = phase !== 'cancelled';
  // One word for one state: 未到 while people may still come, 缺席 once the meeting is over.
  const absentWord = phase === 'after' ? '缺席' : '未到';
  const markWords: Record<Mark['state'], string> = { present: '到场', absent: absentWord, leave: '请假' };

  const done = (next: Attendance, message: string) => {
    noteActivityChanged();
    onChanged(next);
    void Taro.showToast({ title: message, icon: 'none' });
  };

  const approve = async (memberId: string, name: string) => {
    const sure = await confirm({ title: '批准请假', content: `批准 ${name} 的请假申请？`, confirmText: '批准' });
    if (!sure) return;
    const result = await manageApi.reviewLeave(activity.activityId, memberId, true);
    if (result.ok) done(result.data, `已批准 ${name} 请假`);
    else showFailureToast(result);
  };

  const refuse = async (comment: string): Promise<string | null> => {
    if (!refusing) return null;
    const result = await manageApi.reviewLeave(activity.activityId, refusing.memberId, false, comment || undefined);
    if (!result.ok) return result.message;
    done(result.data, `未批准 ${refusing.name} 请假`);
    return null;
  };

  const saveMark = async (reason: string): Promise<string | null> => {
    if (!mark) return null;
    const result = await manageApi.markAttendance(activity.activityId, mark.memberId, mark.state, reason);
    if (!result.ok) return result.message;
    done(
      result.data,
      mark.state === 'leave' ? `已登记 ${mark.name} 请假` : `已将 ${mark.name} 标记为${markWords[mark.state]}`,
    );
    return null;
  };

  const segments = [
    { key: 'present' as const, label: '实到', count: attendance.present },
    { key: 'leave' as const, label: '请假', count: attendance.leave },
    { key: 'absent' as const, label: absentWord, count: attendance.absent },
  ];

  let list;
  if (tab === 'present') {
    list = attendance.presentList.map((p) => (
      <Row
        key={p.memberId}
        name={p.name}
        sub={`${beijingClock(p.at)} ${p.source === 'scan' ? '扫码签到' : '手工标记'}`}
        actions={
          canMark
            ? [
                {
                  label: `改为${absentWord}`,
                  onAction: () => setMark({ memberId: p.memberId, name: p.name, state: 'absent' }),
                },
              ]
            : []
        }
      />
    ));
  } else if (tab === 'leave') {
    list = attendance.leaveList.map((p) => (
      <Row
        key={p.memberId}
        name={p.name}
        sub={`原因：${p.reason}`}
        actions={
          canMark
            ? [{ label: '改为到场', onAction: () => setMark({ memberId: p.memberId, name: p.name, state: 'present' }) }]
            : []
        }
      />
    ));
  } else {
    list = attendance.absentList.map((p) => (
      <Row
        key={p.memberId}
        name={p.name}
        actions={[
          ...(canRecordLeave
            ? [{ label: '登记请假', onAction: () => setMark({ memberId: p.memberId, name: p.name, state: 'leave' }) }]
            : []),
          ...(canMark
            ? [
                {
                  label: '手工签到',
                  primary: true,
                  onAction: () => setMark({ memberId: p.memberId, name: p.name, state: 'present' }),
                },
              ]
            : []),
        ]}
      />
    ));
  }
  const emptyWords: Record<Tab, string> = {
    present: '还没有人签到',
    leave: '没有人请假',
    absent: phase === 'after' ? '无人缺席' : '应到人员都已签到或请假',
  };

  return (
    <View>
      <View className="act-att__head">
        <Text className="act-att__title">{activity.title}</Text>
        <Text className="act-att__when">{formatTimeRange(activity.startAt, activity.endAt)}</Text>
      </View>
      <View className="act-att__counts">
        <View className="act-att__count">
          <Text className="act-att__count-number">{attendance.expected}</Text>
          <Text className="act-att__count-label">应到</Text>
        </View>
        <View className="act-att__count" onClick={() => setTab('present')}>
          <Text className="act-att__count-number act-att__count-number--present">{attendance.present}</Text>
          <Text className="act-att__count-label">实到</Text>
        </View>
        <View className="act-att__count" onClick={() => setTab('leave')}>
          <Text className="act-att__count-number">{attendance.leave}</Text>
          <Text className="act-att__count-label">请假</Text>
        </View>
        <View className="act-att__count" onClick={() => setTab('absent')}>
          <Text className={`act-att__count-number${phase === 'after' ? ' act-att__count-number--absent' : ''}`}>
            {attendance.absent}
          </Text>
          <Text className="act-att__count-label">{absentWord}</Text>
        </View>
      </View>

      {attendance.pendingLeaves.length > 0 ? (
        <CellGroup title={`待审批的请假（${attendance.pendingLeaves.length}）`}>
          {attendance.pendingLeaves.map((p) => (
            <View key={p.memberId} className="act-att__pending">
              <View className="act-att__pending-head">
                <Text className="act-att__name">{p.name}</Text>
                <Text className="act-att__sub">
                  {formatDateTime(p.requestedAt)} {p.late ? '开始后申请' : '申请'}
                </Text>
              </View>
              <Text className="act-att__pending-reason">原因：{p.reason}</Text>
              <View className="act-att__pending-actions">
                <View className="act-att__pending-action">
                  <Button kind="warn" onClick={() => setRefusing({ memberId: p.memberId, name: p.name })}>
                    不批准
                  </Button>
                </View>
                <View className="act-att__pending-action">
                  <Button onClick={() => void approve(p.memberId, p.name)}>批准</Button>
                </View>
              </View>
            </View>
          ))}
        </CellGroup>
      ) : null}

      <View className="cell-group">
        <Segmented segments={segments} value={tab} onChange={setTab} />
        {list.length > 0 ? (
          <View className="act-att__list">{list}</View>
        ) : (
          <Text className="act-att__empty">{emptyWords[tab]}</Text>
        )}
        {!canMark && phase !== 'cancelled' ? (
          <Text className="act-att__note">签到开放后（活动开始前 30 分钟起）可为未带手机的党员手工签到。</Text>
        ) : null}
      </View>

      <CellGroup title="变更记录">
        {attendance.changes.length > 0 ? (
          attendance.changes.map((c, i) => (
            <View key={`${c.at}-${i}`} className="act-att__change">
              <Text className="act-att__change-what">{describeChange(c, absentWord)}</Text>
              <Text className="act-att__change-meta">
                {formatDateTime(c.at)}
                {c.reason ? ` · 原因：${c.reason}` : ''}
              </Text>
            </View>
          ))
        ) : (
          <Text className="act-att__empty">手工标记、登记请假和请假审批都会记录在这里</Text>
        )}
      </CellGroup>

      <TextDialog
        open={mark !== null}
        title={mark ? `${mark.state === 'leave' ? '登记请假' : `标记为${markWords[mark.state]}`}：${mark.name}` : ''}
        message={mark?.state === 'leave' ? '请写明请假原因，将记入变更记录。' : '请写明原因，将记入变更记录。'}
        placeholder={
          mark?.state === 'leave'
            ? '例如：电话请假，外出培训'
            : mark?.state === 'present'
              ? '例如：未带手机，现场确认到会'
              : '例如：误扫，实际未到会'
        }
        confirmText="确定"
        onConfirm={saveMark}
        onClose={() => setMark(null)}
      />
      <TextDialog
        open={refusing !== null}
        title={refusing ? `不批准 ${refusing.name} 的请假` : ''}
        message="可以写一句说明（选填），会记入变更记录。"
        placeholder="例如：本次为支部党员大会，请尽量参加"
        confirmText="不批准"
        danger
        minLength={0}
        onConfirm={refuse}
        onClose={() => setRefusing(null)}
      />
    </View>
  );
}
