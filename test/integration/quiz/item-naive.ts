import cloud from 'wx-server-sdk';
import { COLLECTIONS, type QuizAttemptDoc, type QuizStats } from '@zhibu/types';
import { discrimination, dubiousReason, facility } from '../../../cloudfunctions/core/quiz/item-analysis';

/** Item analysis recomputed naively from the attempts, to check the read against. */
export const db = () => cloud.database();

/** All submitted attempts of a quiz, straight from the database. */
export async function submittedAttempts(quizId: string): Promise<QuizAttemptDoc[]> {
  const out: QuizAttemptDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = (await db()
      .collection(COLLECTIONS.quizAttempts)
      .where({ quizId, status: 'submitted' })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get()) as unknown as { data: QuizAttemptDoc[] };
    out.push(...data);
    if (data.length < 1000) return out;
  }
}

/** The analysis recomputed naively from every submitted attempt, in the shape the read answers. */
export async function naive(quizId: string) {
  const items = new Map<
    string,
    { n: number; c: number; w: Record<string, number>; b: Record<string, { n: number; c: number }> }
  >();
  for (const a of await submittedAttempts(quizId)) {
    const bucket = String(Math.min(19, Math.floor(a.score! / 5)));
    for (const q of a.paper) {
      const item = items.get(q.questionId) ?? { n: 0, c: 0, w: {}, b: {} };
      items.set(q.questionId, item);
      const chosen = [...(a.answers[q.questionId] ?? [])].sort((x, y) => x - y);
      const right = chosen.join() === [...q.answer].sort((x, y) => x - y).join();
      item.n += 1;
      item.b[bucket] ??= { n: 0, c: 0 };
      item.b[bucket].n += 1;
      if (right) {
        item.c += 1;
        item.b[bucket].c += 1;
      } else
        for (const s of chosen)
          if (!q.answer.includes(s)) item.w[String(q.order[s])] = (item.w[String(q.order[s])] ?? 0) + 1;
    }
  }
  return Object.fromEntries(
    [...items].map(([id, item]) => {
      const f = facility(item);
      const d = discrimination(item);
      return [
        id,
        {
          responses: item.n,
          facility: f,
          discrimination: d,
          commonWrongCount: Math.max(0, ...Object.values(item.w)),
          dubious: dubiousReason(f, d, item.n) !== null,
        },
      ];
    }),
  );
}

export const asRead = (stats: QuizStats) =>
  Object.fromEntries(
    stats.questions.map((q) => [
      q.questionId,
      {
        responses: q.responses,
        facility: q.facility,
        discrimination: q.discrimination,
        commonWrongCount: q.commonWrongCount,
        dubious: q.dubious,
      },
    ]),
  );
