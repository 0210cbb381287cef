import {
  COLLECTIONS,
  type ActivityDoc,
  type CreateTrainingInput,
  type MemberDoc,
  type MyTraining,
  type TrainingDetail,
  type TrainingDoc,
  type TrainingSummary,
} from '@zhibu/types';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, getDocs, namesById, pageOf, type SortKey } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { beijingDate, beijingMonth } from '../runtime/time';
import { auditChange, requireTrainingManager, visibleTraining } from './access';
import { syncTerms } from './attendance-sync';
import { latestItem, termsOf } from './terms.service';

/** Trainings newest first, as every list of them shows them. */
const NEWEST_FIRST: SortKey[] = [
  ['startDate', 'desc'],
  ['_id', 'desc'],
];

/**
 * The host of a training's check-in activity. It names no branch, so the activity is in no branch's
 * lists, counters or statistics; the bureau runs it (admins manage every activity) and those
 * invited see it because they are expected at it.
 */
export const TRAINING_HOST = 'bureau';
const COMMITTEE_ROLES = ['secretary', 'committee'];

type Person = Pick<MemberDoc, '_id' | 'name' | 'branchId' | 'roles' | 'active'>;

async function peopleOf(ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const db = database();
  return getDocs<Person>(
    db
      .collection(COLLECTIONS.members)
      .where({ _id: db.command.in(ids) })
      .field({ _id: true, name: true, branchId: true, roles: true, active: true })
      .limit(ids.length),
  );
}

/** Attendees and invitees are chosen from the branches' committees (secretaries and committee members). */
async function committeePeople(ids: string[]): Promise<Person[]> {
  const people = await peopleOf(ids);
  const fit = people.filter((p) => p.active && p.roles.some((r) => COMMITTEE_ROLES.includes(r)));
  if (fit.length !== ids.length) throw invalidArgument('参加人员只能是各支部在任的支部书记或支委');
  return fit;
}

function requireStarted(startDate: string, attendeeIds: string[]): void {
  if (attendeeIds.length > 0 && startDate > beijingDate(new Date())) {
    throw failedPrecondition('培训尚未开始，暂不能登记参加人员');
  }
}

const toSummary = (t: TrainingDoc): TrainingSummary => ({
  trainingId: t._id,
  title: t.title,
  organiser: t.organiser,
  startDate: t.startDate,
  endDate: t.endDate,
  hours: t.hours,
  attendees: t.attendeeIds.length,
  activityId: t.activityId,
});

/**
 * Records a training. Steps, each re-runnable or repaired by the next: the training, then its
 * check-in activity (its id follows from the training's), then the terms' counts, then the audit.
 */
export async function createTraining(
  session: Session,
  input: CreateTrainingInput,
): Promise<{ trainingId: string; activityId: string | null }> {
  requireTrainingManager(session);
  requireStarted(input.startDate, input.attendeeIds);
  const { checkin } = input;
  if (checkin) {
    const day = beijingDate(new Date(checkin.startAt));
    if (day < input.startDate || day > input.endDate) throw invalidArgument('签到时间应在培训日期之内');
  }
  await committeePeople([...new Set([...input.attendeeIds, ...(checkin?.inviteeIds ?? [])])]);
  const trainingId = `t${randomString(9)}`;
  const activityId = checkin ? `a${trainingId.slice(1)}` : null;
  const doc: TrainingDoc = {
    _id: trainingId,
    title: input.title,
    organiser: input.organiser,
    startDate: input.startDate,
    endDate: input.endDate,
    hours: input.hours,
    attendeeIds: input.attendeeIds,
    scannedIds: [],
    activityId,
    checkin: checkin
      ? {
          startAt: new Date(checkin.startAt),
          endAt: new Date(checkin.endAt),
          place: checkin.place,
          inviteeIds: checkin.inviteeIds,
        }
      : null,
    createdBy: session.member._id,
    createdByName: session.member.name,
    createdAt: new Date(),
  };
  await database().collection(COLLECTIONS.trainings).add({ data: doc });
  if (checkin && activityId) await openCheckin(session, doc, activityId);
  await syncTerms(doc, input.attendeeIds, []);
  await auditChange(session, {
    action: 'training.create',
    targetType: 'training',
    targetId: trainingId,
    targetName: input.title,
    branchId: session.member.branchId,
    before: null,
    after: { title: input.title, startDate: input.startDate, attendees: input.attendeeIds.length, checkin: !!checkin },
  });
  return { trainingId, activityId };
}

/**
 * The training's check-in is an ordinary activity, so the rotating code, the QR page and the scan
 * are the ones every meeting uses. Its audience is the invited secretaries and committee members
 * of many branches, so one code on the trainer's screen serves them all. It never pollutes a
 * branch's 应到/实到: it belongs to no branch (TRAINING_HOST), it is never attached to the
 * branch-month counters (so the check-in's bump finds no entry and the recount passes it by, both
 * keyed on `training`), and its type 其他活动 is no compliance item.
 */
async function openCheckin(session: Session, training: TrainingDoc, activityId: string): Promise<void> {
  const checkin = training.checkin!;
  const activity: ActivityDoc = {
    _id: activityId,
    branchId: TRAINING_HOST,
    title: training.title,
    type: 'other',
    startAt: checkin.startAt,
    endAt: checkin.endAt,
    place: checkin.place,
    agenda: `${training.organiser}举办的培训，${training.hours} 学时`,
    audience: { kind: 'members', memberIds: checkin.inviteeIds },
    expectedIds: checkin.inviteeIds,
    leaveIds: [],
    status: 'scheduled',
    cancelReason: null,
    month: beijingMonth(checkin.startAt),
    pushId: null,
    createdBy: session.member._id,
    createdByName: session.member.name,
    createdAt: new Date(),
    minutes: null,
    reminderSentAt: null,
    training: { id: training._id, startDate: training.startDate },
  };
  await database().collection(COLLECTIONS.activities).add({ data: activity });
}

/** Sets who attended; a check-in not named is taken off too (a scan by mistake, say). */
export async function setAttendees(
  session: Session,
  input: { trainingId: string; attendeeIds: string[] },
): Promise<TrainingDetail> {
  requireTrainingManager(session);
  const doc = await getDoc<TrainingDoc>(COLLECTIONS.trainings, input.trainingId);
  if (!doc) throw notFound('没有找到该培训');
  requireStarted(doc.startDate, input.attendeeIds);
  const before = new Set(doc.attendeeIds);
  const after = new Set(input.attendeeIds);
  const added = input.attendeeIds.filter((id) => !before.has(id));
  const removed = doc.attendeeIds.filter((id) => !after.has(id));
  await committeePeople(added);
  const db = database();
  const _ = db.command;
  // Changes, not the whole list, so a scan landing meanwhile is kept.
  if (removed.length > 0) {
    await db
      .collection(COLLECTIONS.trainings)
      .doc(doc._id)
      .update({ data: { attendeeIds: _.pullAll(removed), scannedIds: _.pullAll(removed) } });
  }
  if (added.length > 0) {
    await db
      .collection(COLLECTIONS.trainings)
      .doc(doc._id)
      .update({ data: { attendeeIds: _.addToSet({ $each: added }) } });
  }
  await syncTerms(doc, added, removed);
  if (added.length + removed.length > 0) {
    await auditChange(session, {
      action: 'training.setAttendees',
      targetType: 'training',
      targetId: doc._id,
      targetName: doc.title,
      branchId: session.member.branchId,
      before: { removed },
      after: { added },
    });
  }
  return getTraining(session, doc._id);
}

export async function getTraining(session: Session, trainingId: string): Promise<TrainingDetail> {
  const doc = await visibleTraining(session, trainingId);
  const admin = isAdmin(session);
  // Someone invited sees the training and their own record, not the others who came.
  const shown = admin ? doc.attendeeIds : doc.attendeeIds.filter((id) => id === session.member._id);
  const people = await peopleOf(shown);
  const names = await namesById(
    COLLECTIONS.branches,
    people.map((p) => p.branchId),
  );
  const byId = new Map(people.map((p) => [p._id, p]));
  return {
    ...toSummary(doc),
    attendeeList: shown.map((id) => {
      const p = byId.get(id);
      return {
        memberId: id,
        name: p?.name ?? '（已删除）',
        branchId: p?.branchId ?? '',
        branchName: (p && names.get(p.branchId)) ?? '',
        source: doc.scannedIds.includes(id) ? ('scan' as const) : ('manual' as const),
      };
    }),
    invited: doc.checkin?.inviteeIds.length ?? 0,
    checkin: doc.checkin
      ? {
          startAt: new Date(doc.checkin.startAt).toISOString(),
          endAt: new Date(doc.checkin.endAt).toISOString(),
          place: doc.checkin.place,
        }
      : null,
    createdByName: doc.createdByName,
    canManage: admin,
  };
}

export async function listTrainings(session: Session, input: { page: number; pageSize: number }) {
  requireTrainingManager(session);
  const { docs, total } = await pageOf<TrainingDoc>(COLLECTIONS.trainings, {}, NEWEST_FIRST, input);
  return { items: docs.map(toSummary), total };
}

/** The branches' secretaries and committee members, for the attendee picker; a page at a time. */
export async function trainingCandidates(
  session: Session,
  input: { page: number; pageSize: number; branchId?: string },
) {
  requireTrainingManager(session);
  const db = database();
  const _ = db.command;
  const where = { roles: _.in(COMMITTEE_ROLES), active: true, ...(input.branchId ? { branchId: input.branchId } : {}) };
  const { docs: people, total } = await pageOf<Person>(
    COLLECTIONS.members,
    where,
    [
      ['branchId', 'asc'],
      ['_id', 'asc'],
    ],
    input,
    { _id: true, name: true, branchId: true, roles: true, active: true },
  );
  const names = await namesById(
    COLLECTIONS.branches,
    people.map((p) => p.branchId),
  );
  return {
    items: people.map((p) => ({
      memberId: p._id,
      name: p.name,
      branchId: p.branchId,
      branchName: names.get(p.branchId) ?? '',
      roles: p.roles,
    })),
    total,
  };
}

/** 我的培训: the caller's count in their running term, and the trainings they attended. */
export async function myTraining(session: Session, input: { page: number; pageSize: number }): Promise<MyTraining> {
  const me = session.member._id;
  const [terms, { docs, total }] = await Promise.all([
    termsOf(session.member.branchId),
    pageOf<TrainingDoc>(COLLECTIONS.trainings, { attendeeIds: me }, NEWEST_FIRST, input),
  ]);
  const item = terms?.latest?.secretaryId === me ? latestItem(terms) : null;
  return { term: item, items: docs.map(toSummary), total };
}
