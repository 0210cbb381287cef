import {
  COLLECTIONS,
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEP_LABELS,
  type BranchDoc,
  type CandidateItem,
  type DevelopmentCandidateDoc,
  type DevelopmentSettings,
  type DevelopmentStage,
  type DueItem,
  type Pipeline,
  type Timeline,
} from '@zhibu/types';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { countDocs, getAllDocs, getDoc, getDocs, MAX_PAGE } from '../runtime/documents';
import { beijingDate } from '../runtime/time';
import { addDays } from './dates';
import { candidateIdOf, requireSomeManager, visibleCandidate } from './access';
import { nextSteps } from './rules';
import { loadSettings } from './settings';
import { progressOfDoc, toItem, toTimeline } from './timeline';

const CANDIDATES = COLLECTIONS.developmentCandidates;
/** 首页 reminds of steps due within this many days. */
const REMINDER_DAYS = 14;

const today = () => beijingDate(new Date());

export async function getTimeline(session: Session, candidateId: string): Promise<Timeline> {
  const [{ doc, relation }, settings] = await Promise.all([visibleCandidate(session, candidateId), loadSettings()]);
  return toTimeline(session, relation, doc, settings, today());
}

/** The caller's own candidacy: one read by its deterministic id. */
export async function myTimeline(session: Session): Promise<{ timeline: Timeline | null }> {
  const [doc, settings] = await Promise.all([
    getDoc<DevelopmentCandidateDoc>(CANDIDATES, candidateIdOf(session.member._id)),
    loadSettings(),
  ]);
  if (!doc) return { timeline: null };
  return { timeline: toTimeline(session, 'self', doc, settings, today()) };
}

export async function listCandidates(
  session: Session,
  input: { branchId?: string; stage?: DevelopmentStage; page: number; pageSize: number },
): Promise<{ items: CandidateItem[]; total: number }> {
  requireSomeManager(session);
  const admin = isAdmin(session);
  const branchId = input.branchId ?? (admin ? undefined : session.member.branchId);
  if (!admin && branchId !== session.member.branchId) throw forbidden('只能查看本支部的发展对象');
  const where: Record<string, unknown> = {};
  if (branchId) where.branchId = branchId;
  if (input.stage) where.stage = input.stage;
  const db = database();
  const [docs, total, settings] = await Promise.all([
    getDocs<DevelopmentCandidateDoc>(
      db
        .collection(CANDIDATES)
        .where(where)
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .skip((input.page - 1) * input.pageSize)
        .limit(input.pageSize),
    ),
    countDocs(db.collection(CANDIDATES).where(where)),
    loadSettings(),
  ]);
  const day = today();
  return { items: docs.map((d) => toItem(d, settings, day)), total };
}

/**
 * The candidacies of the caller's branch naming the caller as a sponsor. A member sponsors a few
 * people at most, so one read takes them all (capped at a page); closed ones (转正) come last.
 */
export async function sponsoredCandidates(session: Session): Promise<{ items: CandidateItem[] }> {
  const [docs, settings] = await Promise.all([
    getDocs<DevelopmentCandidateDoc>(
      database()
        .collection(CANDIDATES)
        .where({ sponsorIds: session.member._id, branchId: session.member.branchId })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(MAX_PAGE),
    ),
    loadSettings(),
  ]);
  const day = today();
  const items = docs.map((d) => ({ open: d.open, item: toItem(d, settings, day) }));
  return { items: [...items.filter((i) => i.open), ...items.filter((i) => !i.open)].map((i) => i.item) };
}

function dueItems(
  docs: DevelopmentCandidateDoc[],
  settings: DevelopmentSettings,
  day: string,
  until: string,
): DueItem[] {
  return docs
    .flatMap((doc) =>
      nextSteps(progressOfDoc(doc), settings, day)
        .filter((n) => n.dueBy !== null && n.dueBy <= until)
        .map((n) => ({
          candidateId: doc._id,
          name: doc.name,
          branchId: doc.branchId,
          step: n.step,
          label: DEVELOPMENT_STEP_LABELS[n.step],
          dueBy: n.dueBy!,
          overdue: n.overdue,
        })),
    )
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
}

/** Steps due in the next 14 days or overdue: the caller's branch, or every branch for the bureau. */
export async function dueSoon(session: Session): Promise<{ items: DueItem[] }> {
  requireSomeManager(session);
  const day = today();
  const until = addDays(day, REMINDER_DAYS);
  const db = database();
  const where: Record<string, unknown> = { open: true, nextDue: db.command.lte(until) };
  if (!isAdmin(session)) where.branchId = session.member.branchId;
  const [docs, settings] = await Promise.all([
    getDocs<DevelopmentCandidateDoc>(db.collection(CANDIDATES).where(where).orderBy('nextDue', 'asc').limit(100)),
    loadSettings(),
  ]);
  return { items: dueItems(docs, settings, day, until).slice(0, 100) };
}

/**
 * The bureau's view across branches. It reads every candidacy (paged): a county has hundreds, not
 * tens of thousands; counters per branch would be the next step if that changed.
 */
export async function pipeline(session: Session): Promise<Pipeline> {
  if (!isAdmin(session)) throw forbidden('只有局党委管理员可以查看全局发展情况');
  const db = database();
  const [docs, branches, settings] = await Promise.all([
    getAllDocs<DevelopmentCandidateDoc>(() =>
      db.collection(CANDIDATES).where({}).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
    ),
    getDocs<BranchDoc>(db.collection(COLLECTIONS.branches).limit(MAX_PAGE)),
    loadSettings(),
  ]);
  const day = today();
  const names = new Map(branches.map((b) => [b._id, b.name]));
  const overdue = dueItems(
    docs.filter((d) => d.open),
    settings,
    day,
    addDays(day, -1),
  );
  const rows = new Map<string, Pipeline['branches'][number]>();
  for (const doc of docs) {
    const row = rows.get(doc.branchId) ?? {
      branchId: doc.branchId,
      branchName: names.get(doc.branchId) ?? '',
      counts: Object.fromEntries(DEVELOPMENT_STAGES.map((s) => [s, 0])) as Record<DevelopmentStage, number>,
      overdue: 0,
    };
    row.counts[doc.stage] = (row.counts[doc.stage] ?? 0) + 1;
    rows.set(doc.branchId, row);
  }
  for (const item of overdue) rows.get(item.branchId)!.overdue += 1;
  return {
    branches: [...rows.values()].sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh')),
    overdue: overdue.slice(0, 200),
  };
}
