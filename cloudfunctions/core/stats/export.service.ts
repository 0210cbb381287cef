import ExcelJS from 'exceljs';
import { ACTIVITY_TYPE_NAMES, ACTIVITY_TYPES, COLLECTIONS, type ActivityDoc, type MemberDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { cloud, database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { requireBureau } from './access';
import { loadRules } from './config';
import { readCountersWithReviews } from './reviews-held';
import { activeBranches, lightScope, metricsOf, periodOrInvalid } from './dashboard.service';
import { inspectionOf } from './inspection.service';
import { monthsFromActivities } from './compliance.service';
import { complianceItems, periodName, type MonthActivity, type Period } from './rules';

const STATUS_NAMES = { done: '已完成', due: '进行中', overdue: '已逾期' } as const;
const LIGHT_NAMES = { green: '绿', yellow: '黄', red: '红' } as const;
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

/** Each branch's secretaries' names: the only people the workbook names. */
async function secretaries(): Promise<Map<string, string[]>> {
  const db = database();
  const people = await getAllDocs<Pick<MemberDoc, '_id' | 'branchId' | 'name'>>(() =>
    db
      .collection(COLLECTIONS.members)
      .where({ roles: 'secretary', active: true })
      .field({ _id: true, branchId: true, name: true })
      .orderBy('_id', 'asc'),
  );
  const out = new Map<string, string[]>();
  for (const p of people) out.set(p.branchId, [...(out.get(p.branchId) ?? []), p.name]);
  return out;
}

/**
 * The compliance sheet names the dates of the meetings behind each 已完成, which the counters do not
 * keep: the export (not the dashboard) reads the activities of the period's calendar year once.
 */
async function evidenceMonths(scope: Period, now: Date): Promise<Map<string, Map<string, MonthActivity>>> {
  const db = database();
  const _ = db.command;
  const activities = await getAllDocs<
    Pick<ActivityDoc, '_id' | 'branchId' | 'type' | 'status' | 'startAt' | 'endAt' | 'minutes'>
  >(() =>
    db
      .collection(COLLECTIONS.activities)
      .where({ startAt: _.gte(scope.start).and(_.lt(scope.end)) })
      .field({
        _id: true,
        branchId: true,
        type: true,
        status: true,
        startAt: true,
        endAt: true,
        'minutes.savedAt': true,
      })
      .orderBy('startAt', 'asc')
      .orderBy('endAt', 'asc'),
  );
  const byBranch = new Map<string, typeof activities>();
  for (const a of activities) byBranch.set(a.branchId, [...(byBranch.get(a.branchId) ?? []), a]);
  return new Map([...byBranch].map(([branchId, list]) => [branchId, monthsFromActivities(list, now)]));
}

/** The workbook of a 通报: branch metrics, compliance items, inspection scores; headers in Chinese. */
export async function statsWorkbook(periodKey: string, now = new Date()): Promise<{ buffer: Buffer; title: string }> {
  const period = periodOrInvalid(periodKey);
  const { scope, asOf, months } = lightScope(period, now);
  const [branches, rules, counters, inspection, names, evidence] = await Promise.all([
    activeBranches(),
    loadRules(),
    readCountersWithReviews({ months: period.months, complianceMonths: months }, now),
    inspectionOf(period.key, now),
    secretaries(),
    evidenceMonths(scope, asOf),
  ]);
  const title = `${periodName(period)}支部工作统计`;
  const book = new ExcelJS.Workbook();
  const metrics = book.addWorksheet('支部指标');
  metrics.addRow([
    '支部',
    '书记',
    ...ACTIVITY_TYPES.map((t) => ACTIVITY_TYPE_NAMES[t]),
    '应到',
    '实到',
    '请假',
    '到会率',
    '应学',
    '按期完成',
    '逾期完成',
    '学习完成率',
    '应考',
    '参考',
    '通过',
    '通过率',
    '应读',
    '已读',
    '阅读率',
    '合规灯',
    '原因',
  ]);
  const items = book.addWorksheet('合规事项');
  items.addRow(['支部', '事项', '周期', '状态', '已开展次数', '缺记录次数', '活动日期', '要求']);
  for (const branch of branches) {
    const m = metricsOf(branch, counters, rules, scope, asOf);
    metrics.addRow([
      m.branchName,
      (names.get(branch._id) ?? []).join('、'),
      ...ACTIVITY_TYPES.map((t) => m.held[t] ?? 0),
      m.expected,
      m.present,
      m.leave,
      pct(m.attendanceRate),
      m.studyExpected,
      m.studyDone - m.studyLate,
      m.studyLate,
      pct(m.studyCompletionRate),
      m.quizExpected,
      m.quizTaken,
      m.quizPassed,
      pct(m.quizPassRate),
      m.noticeExpected,
      m.noticeRead,
      pct(m.noticeReadRate),
      LIGHT_NAMES[m.light],
      m.reasons.join('；'),
    ]);
    const calendar = complianceItems({
      period: scope,
      rules,
      hasPartyGroups: branch.partyGroups.length > 0,
      months: evidence.get(branch._id) ?? new Map(),
      now: asOf,
    });
    for (const item of calendar) {
      items.addRow([
        branch.name,
        item.itemName,
        item.periodName,
        STATUS_NAMES[item.status],
        item.held,
        item.missingMinutes,
        item.evidence.join('、'),
        item.rule,
      ]);
    }
  }
  const scores = book.addWorksheet('考评得分');
  const scheme = inspection.branches[0]?.items.map((i) => `${i.name}（${i.points}分）`) ?? [];
  scores.addRow(['排名', '支部', ...scheme, '计算得分', '调整', '调整理由', '总分']);
  for (const row of inspection.branches) {
    scores.addRow([
      row.rank,
      row.branchName,
      ...row.items.map((i) => i.score),
      row.computed,
      row.adjustment,
      row.adjustments.map((a) => `${a.points > 0 ? '+' : ''}${a.points}：${a.reason}`).join('；'),
      row.score,
    ]);
  }
  for (const sheet of [metrics, items, scores]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => (c.width = 12));
    sheet.getColumn(1).width = 24;
  }
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), title };
}

/** Saves the workbook to storage and answers its file ID and a temporary download URL. */
export async function exportStats(session: Session, input: { period: string }, now = new Date()) {
  requireBureau(session);
  const { buffer, title } = await statsWorkbook(input.period, now);
  const fileName = `${title}.xlsx`;
  const stamp = now.getTime().toString(36);
  const { fileID } = (await cloud.uploadFile({
    cloudPath: `stats/${input.period}-${stamp}.xlsx`,
    fileContent: buffer,
  })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { fileID: string; tempFileURL?: string }[];
  };
  return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '', fileName };
}
