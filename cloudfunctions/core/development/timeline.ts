import {
  DEVELOPMENT_STEP_LABELS,
  type CandidateItem,
  type DevelopmentCandidateDoc,
  type DevelopmentEntryDoc,
  type DevelopmentSettings,
  type Timeline,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { mayRecord, type Relation } from './access';
import { nextSteps, progressOf, type StepRecord } from './rules';

/**
 * The entries in force, in the order first recorded: each original replaced by the last correction
 * of its chain. Nothing is removed from the stored list; this is only how it is read.
 */
export function effectiveEntries(entries: DevelopmentEntryDoc[]): DevelopmentEntryDoc[] {
  const byId = new Map(entries.map((e) => [e.entryId, e]));
  const replacedBy = new Map(entries.filter((e) => e.corrects).map((e) => [e.corrects!, e.entryId]));
  return entries
    .filter((e) => !e.corrects)
    .map((e) => {
      let current = e;
      for (let id = replacedBy.get(current.entryId); id; id = replacedBy.get(current.entryId)) current = byId.get(id)!;
      return current;
    });
}

export const recordOf = (e: DevelopmentEntryDoc): StepRecord => ({ step: e.step, date: e.date, fields: e.fields });

export function progressOfDoc(doc: DevelopmentCandidateDoc) {
  return progressOf(effectiveEntries(doc.entries).map(recordOf));
}

export function toTimeline(
  session: Session,
  relation: Relation,
  doc: DevelopmentCandidateDoc,
  settings: DevelopmentSettings,
  today: string,
): Timeline {
  const replacedBy = new Map(doc.entries.filter((e) => e.corrects).map((e) => [e.corrects!, e.entryId]));
  const next = nextSteps(progressOfDoc(doc), settings, today);
  return {
    candidateId: doc._id,
    memberId: doc.memberId,
    name: doc.name,
    branchId: doc.branchId,
    stage: doc.stage,
    appliedAt: doc.appliedAt,
    sponsorIds: doc.sponsorIds,
    sponsorNames: doc.sponsorNames,
    steps: doc.entries.map((e) => ({
      entryId: e.entryId,
      step: e.step,
      label: DEVELOPMENT_STEP_LABELS[e.step],
      date: e.date,
      by: e.by,
      byName: e.byName,
      at: new Date(e.at).toISOString(),
      fields: e.fields,
      corrects: e.corrects,
      reason: e.reason,
      supersededBy: replacedBy.get(e.entryId) ?? null,
    })),
    next,
    canRecord: next.map((n) => n.step).filter((step) => mayRecord(session, relation, step)),
  };
}

export function toItem(doc: DevelopmentCandidateDoc, settings: DevelopmentSettings, today: string): CandidateItem {
  const next = nextSteps(progressOfDoc(doc), settings, today);
  const first = [...next].sort((a, b) => (a.dueBy ?? '9999').localeCompare(b.dueBy ?? '9999'))[0] ?? null;
  return {
    candidateId: doc._id,
    memberId: doc.memberId,
    name: doc.name,
    branchId: doc.branchId,
    stage: doc.stage,
    appliedAt: doc.appliedAt,
    next: first,
  };
}
