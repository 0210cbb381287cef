import cloud from 'wx-server-sdk';
import { COLLECTIONS, type ReviewGrade, type Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { raterKey } from '../../../cloudfunctions/core/runtime/rater-key';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { openReview, reviewBranch, SELF_TEXT, unwrap, type ReviewBranch } from './helpers';

/**
 * Anonymity as a property: two branches run the very same review, except that two raters swap the
 * grades they give one member. If any answer to anyone (each role, every action), any stored
 * document, the audit log or the function's log could tell who rated whom, the two branches would
 * differ somewhere. They must not, once their ids and the times are written alike.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 1 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

type World = ReviewBranch & { reviewId: string };

/** Rater 1 and rater 2 give member 0 these; everything else is alike in both branches. */
const SWAPPED: Record<'first' | 'second', [ReviewGrade, ReviewGrade]> = {
  first: ['优秀', '基本合格'],
  second: ['基本合格', '优秀'],
};

function gradeOf(variant: 'first' | 'second', rater: number, ratee: number): ReviewGrade {
  if (ratee === 0 && rater === 1) return SWAPPED[variant][0];
  if (ratee === 0 && rater === 2) return SWAPPED[variant][1];
  if (ratee === 4) return rater % 2 ? '不合格' : '基本合格';
  return (['合格', '优秀', '合格', '基本合格', '合格'] as const)[(rater + ratee) % 5]!;
}

/** Every answer anyone can get about a review at this moment, keyed by who asked what. */
async function everyAnswer(w: World): Promise<Record<string, Result<unknown>>> {
  const { reviewId } = w;
  const out: Record<string, Result<unknown>> = {};
  const ask = async (who: string, caller: string, action: string, data?: unknown) => {
    out[`${who} ${action}`] = await fx.call(caller, 'review', action, data);
  };
  for (const [i, p] of w.people.entries()) {
    await ask(`p${i}`, p.openid, 'mine');
    await ask(`p${i}`, p.openid, 'ballot', { reviewId, pageSize: 50 });
    await ask(`p${i}`, p.openid, 'progress', { reviewId });
    await ask(`p${i}`, p.openid, 'sheet', { reviewId, pageSize: 50 });
    await ask(`p${i}`, p.openid, 'results', { reviewId, pageSize: 50 });
  }
  await ask('activist', w.activist.openid, 'mine');
  await ask('admin', 'admin', 'progress', { reviewId });
  await ask('admin', 'admin', 'sheet', { reviewId, pageSize: 50 });
  await ask('admin', 'admin', 'results', { reviewId, pageSize: 50 });
  const failing = await fx.call<{ items: { branchId: string }[]; total: number }>('admin', 'review', 'failing', {
    year: Number((await stored(w, COLLECTIONS.reviews))[0]!.year),
    pageSize: 50,
  });
  out['admin failing'] = failing.ok
    ? { ok: true, data: failing.data.items.filter((i) => i.branchId === w.branch._id) }
    : failing;
  return out;
}

async function stored(w: World, collection: string): Promise<Record<string, unknown>[]> {
  const { data } = (await cloud
    .database()
    .collection(collection)
    .orderBy('_id', 'asc')
    .limit(1000)
    .get()) as unknown as {
    data: Record<string, unknown>[];
  };
  return data.filter((d) => d.branchId === w.branch._id || d.reviewId === w.reviewId || d._id === w.reviewId);
}

/** Writes a branch's ids and every time alike, so two branches' answers can be compared. */
function normalise(w: World, value: unknown): string {
  let text = JSON.stringify(value);
  text = text.split(w.reviewId).join('<review>').split(w.branch._id).join('<branch>');
  for (const [i, p] of w.people.entries()) text = text.split(p.id).join(`<p${i}>`);
  text = text.split(w.activist.id).join('<activist>');
  return text
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '<time>')
    .replace(/"\$date":"?[^"},]+"?/g, '"$date":<time>')
    .replace(/audit_[A-Za-z0-9_-]+/g, '<audit>');
}

async function runReview(variant: 'first' | 'second', log: unknown[][]): Promise<World> {
  const w = await reviewBranch(3, '匿名测试学校党支部');
  const reviewId = await openReview(fx.call, w);
  const world = { ...w, reviewId };
  for (const p of w.people) unwrap(await fx.call(p.openid, 'review', 'selfAssess', { reviewId, text: SELF_TEXT }));
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void log.push(args)),
  );
  try {
    for (const [i, rater] of w.people.entries()) {
      for (const [j, ratee] of w.people.entries()) {
        if (i === j) continue;
        unwrap(
          await fx.call(rater.openid, 'review', 'rate', {
            reviewId,
            memberId: ratee.id,
            grade: gradeOf(variant, i, j),
          }),
        );
      }
    }
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return world;
}

describe('nobody can link a rater to a rating', () => {
  const answers: Record<'first' | 'second', Record<string, string>[]> = { first: [], second: [] };
  const docs: Record<'first' | 'second', Record<string, string>> = { first: {}, second: {} };
  const worlds: Partial<Record<'first' | 'second', World>> = {};
  const logs: unknown[][] = [];

  beforeAll(async () => {
    for (const variant of ['first', 'second'] as const) {
      const w = await runReview(variant, logs);
      worlds[variant] = w;
      const snap = async () => {
        const all = await everyAnswer(w);
        answers[variant].push(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, normalise(w, v)])));
      };
      await snap(); // while rating is open
      unwrap(await fx.call(w.secretary, 'review', 'close', { reviewId: w.reviewId }));
      await snap(); // closed: the committee's worksheet with the tallies
      for (const [i, p] of w.people.entries()) {
        const grade: ReviewGrade = i === 4 ? '不合格' : '合格';
        unwrap(
          await fx.call(w.committee, 'review', 'committeeRate', {
            reviewId: w.reviewId,
            memberId: p.id,
            grade,
            ...(i === 4 ? { reason: '长期不参加组织生活' } : {}),
          }),
        );
      }
      unwrap(await fx.call(w.secretary, 'review', 'publish', { reviewId: w.reviewId }));
      await snap(); // published
      for (const collection of [COLLECTIONS.reviews, COLLECTIONS.reviewMembers, COLLECTIONS.auditLogs]) {
        // Each document written alike; the tallies in the order of their (written-alike) ids.
        const each = (await stored(w, collection)).map((d) => normalise(w, d));
        docs[variant][collection] =
          `[${collection === COLLECTIONS.auditLogs ? each.join(',') : each.sort().join(',')}]`;
      }
    }
  }, 60_000);

  it('the two branches differ in who gave member 0 which grade', async () => {
    // The premise: the same tally for member 0, from swapped raters.
    expect(gradeOf('first', 1, 0)).toBe(gradeOf('second', 2, 0));
    expect(gradeOf('first', 1, 0)).not.toBe(gradeOf('second', 1, 0));
    expect(answers.first[2]!['p0 results']).toContain('"优秀":1');
  });

  it('every answer to every caller, at every stage, is the same in both', () => {
    for (const stage of [0, 1, 2]) expect(answers.second[stage]).toEqual(answers.first[stage]);
  });

  it('the stored reviews, tallies and the audit log are the same in both', () => {
    expect(docs.second).toEqual(docs.first);
    const audit = JSON.parse(docs.first[COLLECTIONS.auditLogs]!) as { action: string; actorId: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['review.open', 'review.close', 'review.publish', ...Array(5).fill('review.committeeRate')].sort(),
    );
  });

  it('a vote receipt holds nothing but a keyed hash and its review', async () => {
    for (const w of [worlds.first!, worlds.second!]) {
      const receipts = await stored(w, COLLECTIONS.reviewBallots);
      expect(receipts).toHaveLength(20);
      for (const r of receipts) {
        expect(Object.keys(r).sort()).toEqual(['_id', 'reviewId']);
        for (const p of w.people) {
          expect(r._id).not.toContain(p.id);
          expect(r._id).not.toContain(raterKey(w.reviewId, p.id));
        }
      }
      // No answer carries a receipt id or a rater key.
      const all = JSON.stringify(await everyAnswer(w));
      for (const r of receipts) expect(all).not.toContain(String(r._id));
      for (const p of w.people) expect(all).not.toContain(raterKey(w.reviewId, p.id));
      // The tallies keep no author and no time of any vote.
      for (const m of await stored(w, COLLECTIONS.reviewMembers)) {
        expect(Object.keys(m).sort()).toEqual(
          [
            '_id',
            'branchId',
            'committeeGrade',
            'computed',
            'counts',
            'final',
            'memberId',
            'name',
            'order',
            'override',
            'published',
            'reason',
            'reviewId',
            'score',
            'selfText',
            'year',
          ].sort(),
        );
      }
    }
  });

  it('rating logs nothing', () => {
    expect(logs).toEqual([]);
  });
});
