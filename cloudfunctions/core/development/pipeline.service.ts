import {
  COLLECTIONS,
  type CorrectStepInput,
  type DevelopmentCandidateDoc,
  type DevelopmentEntryDoc,
  type DevelopmentSettings,
  type MemberDoc,
  type RecordStepInput,
  type Timeline,
} from '@zhibu/types';
import { canManageBranch } from '../member/policy';
import { memberRepository } from '../member/member.repository';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { beijingDate } from '../runtime/time';
import { runTransaction, txGet, type Transaction } from '../runtime/transaction';
import { candidateIdOf, requireMayRecord, requireSomeManager, writableCandidate } from './access';
import {
  RuleViolation,
  apply,
  checkStep,
  earliestDue,
  emptyProgress,
  nextSteps,
  replay,
  stageOf,
  type Progress,
  type RuleContext,
  type SponsorFacts,
} from './rules';
import { loadSettings } from './settings';
import { effectiveEntries, progressOfDoc, recordOf, toTimeline } from './timeline';

const CANDIDATES = COLLECTIONS.developmentCandidates;

/** A rule's refusal as the caller sees it: FAILED_PRECONDITION naming the rule. */
function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RuleViolation) throw failedPrecondition(error.message);
    throw error;
  }
}

/** The sponsors' records as the rules need them, with their names for the timeline. */
async function sponsorsOf(ids: string[]): Promise<{ facts: SponsorFacts[]; names: string[] }> {
  const members = await Promise.all([...new Set(ids)].map((id) => memberRepository.member(id)));
  const found = members.filter((m): m is MemberDoc => m !== null);
  return {
    facts: found.map((m) => ({ memberId: m._id, branchId: m.branchId, status: m.status, active: m.active })),
    names: ids.map((id) => found.find((m) => m._id === id)?.name ?? ''),
  };
}

export async function startCandidacy(
  session: Session,
  input: { memberId: string; appliedAt: string },
): Promise<{ candidateId: string }> {
  requireSomeManager(session);
  const member = await memberRepository.member(input.memberId);
  if (!member || !canManageBranch(session, member.branchId)) throw notFound('没有找到该党员');
  if (!member.active) throw failedPrecondition('该同志已调出或停用');
  if (member.status !== '申请入党' && member.status !== '入党积极分子') {
    throw failedPrecondition(`只有申请入党或入党积极分子可以开始发展程序，该同志为${member.status}`);
  }
  const now = new Date();
  const settings = await loadSettings();
  const apply = { step: 'apply' as const, date: input.appliedAt, fields: {} };
  checked(() =>
    checkStep(emptyProgress(), apply, {
      settings,
      today: beijingDate(now),
      candidateMemberId: member._id,
      branchId: member.branchId,
    }),
  );
  const candidateId = candidateIdOf(member._id);
  await runTransaction(async (tx) => {
    const existing = await txGet<DevelopmentCandidateDoc>(tx, CANDIDATES, candidateId);
    // The same start sent twice (two secretaries, a retry) is one candidacy.
    if (existing) {
      if (existing.open && existing.appliedAt === input.appliedAt) return;
      throw conflict('该同志已有发展党员记录');
    }
    const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, member._id);
    if (!current?.active) throw failedPrecondition('该同志已调出或停用');
    const entry: DevelopmentEntryDoc = {
      entryId: 'e1',
      ...apply,
      by: session.member._id,
      byName: session.member.name,
      at: now,
      corrects: null,
      reason: null,
    };
    const doc: Omit<DevelopmentCandidateDoc, '_id'> = {
      memberId: member._id,
      name: member.name,
      branchId: member.branchId,
      stage: '申请入党',
      appliedAt: input.appliedAt,
      sponsorIds: [],
      sponsorNames: [],
      entries: [entry],
      open: true,
      nextDue: null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.collection(CANDIDATES).doc(candidateId).set({ data: doc });
    await tx
      .collection(COLLECTIONS.members)
      .doc(member._id)
      .update({ data: { candidacyId: candidateId } });
    await audit(tx, session, {
      action: 'development.start',
      targetType: 'candidate',
      targetId: candidateId,
      targetName: member.name,
      branchId: member.branchId,
      before: { status: current.status },
      after: { step: 'apply', date: input.appliedAt },
    });
  });
  return { candidateId };
}

/** Writes the entries and what follows from them: the stage, the member's status, the next due date. */
async function writeProgress(
  tx: Transaction,
  current: DevelopmentCandidateDoc,
  entries: DevelopmentEntryDoc[],
  progress: Progress,
  settings: DevelopmentSettings,
  now: Date,
  sponsors: { ids: string[]; names: string[] } | null,
): Promise<DevelopmentCandidateDoc> {
  const stage = stageOf(progress);
  const open = stage !== '正式党员';
  const apply = progress.done.apply;
  const change = {
    entries,
    stage,
    open,
    appliedAt: apply?.date ?? current.appliedAt,
    nextDue: earliestDue(nextSteps(progress, settings, beijingDate(now))),
    updatedAt: now,
    ...(sponsors ? { sponsorIds: sponsors.ids, sponsorNames: sponsors.names } : {}),
  };
  await tx.collection(CANDIDATES).doc(current._id).update({ data: change });
  if (stage !== current.stage || !open) {
    // The member's status follows the pipeline; once 转正 is approved the candidacy lets go of it.
    const status = stage === '申请入党' ? undefined : stage;
    await tx
      .collection(COLLECTIONS.members)
      .doc(current.memberId)
      .update({ data: { ...(status ? { status } : {}), candidacyId: open ? current._id : null } });
  }
  return { ...current, ...change };
}

function fieldsOf(input: RecordStepInput | CorrectStepInput): Record<string, unknown> {
  const { candidateId: _c, step: _s, date: _d, ...rest } = input as Record<string, unknown>;
  delete rest.entryId;
  delete rest.reason;
  return rest;
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

export async function recordStep(session: Session, input: RecordStepInput): Promise<Timeline> {
  const { doc, relation } = await writableCandidate(session, input.candidateId);
  requireMayRecord(session, relation, input.step);
  const fields = fieldsOf(input);
  const [settings, sponsors] = await Promise.all([
    loadSettings(),
    input.step === 'activist' ? sponsorsOf(input.sponsorIds) : Promise.resolve(null),
  ]);
  const now = new Date();
  const today = beijingDate(now);
  const record = { step: input.step, date: input.date, fields };
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<DevelopmentCandidateDoc>(tx, CANDIDATES, doc._id);
    if (!current) throw notFound('没有找到该发展对象');
    const effective = effectiveEntries(current.entries);
    // The same step with the same date and fields is already there (two secretaries at once, a
    // retry): one entry, and the answer is the timeline.
    if (effective.some((e) => e.step === record.step && e.date === record.date && same(e.fields, fields))) {
      return current;
    }
    const progress = progressOfDoc(current);
    checked(() =>
      checkStep(progress, record, {
        settings,
        today,
        candidateMemberId: current.memberId,
        branchId: current.branchId,
        sponsors: sponsors?.facts,
      }),
    );
    const entry: DevelopmentEntryDoc = {
      entryId: `e${current.entries.length + 1}`,
      ...record,
      by: session.member._id,
      byName: session.member.name,
      at: now,
      corrects: null,
      reason: null,
    };
    const next = await writeProgress(
      tx,
      current,
      [...current.entries, entry],
      apply(progress, record),
      settings,
      now,
      sponsors ? { ids: fields.sponsorIds as string[], names: sponsors.names } : null,
    );
    await audit(tx, session, {
      action: 'development.record',
      targetType: 'candidate',
      targetId: current._id,
      targetName: current.name,
      branchId: current.branchId,
      before: { stage: current.stage },
      after: { entryId: entry.entryId, step: entry.step, date: entry.date, fields, stage: next.stage },
    });
    return next;
  });
  return toTimeline(session, relation, updated, settings, today);
}

/**
 * A correction is a new entry naming the one it replaces; the old one stays. The whole timeline is
 * checked again with the correction in place, so a corrected date cannot break a later step.
 */
export async function correctStep(session: Session, input: CorrectStepInput): Promise<Timeline> {
  const { doc, relation } = await writableCandidate(session, input.candidateId);
  requireMayRecord(session, relation === 'sponsor' ? 'self' : relation, input.step);
  const fields = fieldsOf(input);
  const [settings, sponsors] = await Promise.all([
    loadSettings(),
    input.step === 'activist' ? sponsorsOf(input.sponsorIds) : Promise.resolve(null),
  ]);
  const now = new Date();
  const today = beijingDate(now);
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<DevelopmentCandidateDoc>(tx, CANDIDATES, doc._id);
    if (!current) throw notFound('没有找到该发展对象');
    const target = current.entries.find((e) => e.entryId === input.entryId);
    if (!target) throw notFound('没有找到要更正的记录');
    const effective = effectiveEntries(current.entries);
    if (!effective.includes(target)) throw failedPrecondition('该记录已被更正，请更正最新的记录');
    if (target.step !== input.step) throw invalidArgument('更正的步骤须与原记录相同');
    const entry: DevelopmentEntryDoc = {
      entryId: `e${current.entries.length + 1}`,
      step: input.step,
      date: input.date,
      fields,
      by: session.member._id,
      byName: session.member.name,
      at: now,
      corrects: target.entryId,
      reason: input.reason,
    };
    const records = effective.map((e) => recordOf(e === target ? entry : e));
    const base: Omit<RuleContext, 'sponsors'> = {
      settings,
      today,
      candidateMemberId: current.memberId,
      branchId: current.branchId,
    };
    const progress = checked(() =>
      replay(records, (r) =>
        r.step === 'activist' && target.step === 'activist' ? { ...base, sponsors: sponsors?.facts } : base,
      ),
    );
    const next = await writeProgress(
      tx,
      current,
      [...current.entries, entry],
      progress,
      settings,
      now,
      sponsors ? { ids: fields.sponsorIds as string[], names: sponsors.names } : null,
    );
    await audit(tx, session, {
      action: 'development.correct',
      targetType: 'candidate',
      targetId: current._id,
      targetName: current.name,
      branchId: current.branchId,
      before: { entryId: target.entryId, date: target.date, fields: target.fields },
      after: { entryId: entry.entryId, date: entry.date, fields, reason: input.reason, stage: next.stage },
    });
    return next;
  });
  return toTimeline(session, relation, updated, settings, today);
}
