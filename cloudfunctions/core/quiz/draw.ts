import { COLLECTIONS, type QuestionDoc, type QuestionType, type QuizDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { countDocs } from '../runtime/documents';

/** One part of a draw: so many questions matching these extra conditions. */
interface DrawGroup {
  size: number;
  where: Record<string, unknown>;
}

type Rule = QuizDoc['draw'];

interface SubPipeline {
  match(where: object): SubPipeline;
  sample(spec: { size: number }): SubPipeline;
  done(): unknown;
}

function baseWhere(rule: Rule): Record<string, unknown> {
  const _ = database().command;
  return {
    bankId: _.in(rule.bankIds),
    retired: false,
    ...(rule.tags?.length ? { tags: _.in(rule.tags) } : {}),
  };
}

/** The rule's groups: its quotas per type (or difficulty), and the rest from whatever has no quota. */
export function drawGroups(rule: Rule): DrawGroup[] {
  const _ = database().command;
  const base = baseWhere(rule);
  const quotas: [string, number][] = Object.entries(rule.byType ?? rule.byDifficulty ?? {}).filter(
    (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
  );
  if (quotas.length === 0) return [{ size: rule.count, where: base }];
  const field = rule.byType ? 'type' : 'difficulty';
  const value = (k: string) => (field === 'type' ? (k as QuestionType) : Number(k));
  const groups = quotas.map(([k, size]) => ({ size, where: { ...base, [field]: value(k) } }));
  const rest = rule.count - quotas.reduce((a, [, n]) => a + n, 0);
  if (rest > 0) groups.push({ size: rest, where: { ...base, [field]: _.nin(quotas.map(([k]) => value(k))) } });
  return groups;
}

/**
 * Draws a paper's questions in ONE database operation, however many quota groups the rule has:
 * an aggregation on the quiz document whose `$lookup` pipelines each `$sample` one group from the
 * bank on the server. Nothing reads the bank as a whole, so a bank of 5,000 costs what one of 50 does.
 */
export async function drawQuestions(quiz: QuizDoc): Promise<QuestionDoc[]> {
  const db = database();
  // The SDK implements `$.pipeline()` (lookup's sub-pipeline builder) but its typings omit it.
  const $ = db.command.aggregate as unknown as { pipeline(): SubPipeline };
  const groups = drawGroups(quiz.draw);
  let pipeline = db.collection(COLLECTIONS.quizzes).aggregate().match({ _id: quiz._id });
  groups.forEach((group, i) => {
    pipeline = pipeline.lookup({
      from: COLLECTIONS.quizQuestions,
      pipeline: $.pipeline().match(group.where).sample({ size: group.size }).done(),
      as: `g${i}`,
    });
  });
  const result = (await pipeline.project(Object.fromEntries(groups.map((_, i) => [`g${i}`, 1]))).end()) as {
    list: Record<string, QuestionDoc[]>[];
  };
  const row = result.list[0];
  if (!row) return [];
  const seen = new Set<string>();
  return groups.flatMap((_, i) => row[`g${i}`] ?? []).filter((q) => !seen.has(q._id) && seen.add(q._id));
}

/** How many questions each group could draw from, to refuse a rule the banks cannot fill. */
export async function shortfall(rule: Rule): Promise<string | null> {
  const db = database();
  for (const group of drawGroups(rule)) {
    const available = await countDocs(db.collection(COLLECTIONS.quizQuestions).where(group.where));
    if (available < group.size) {
      return `所选题库中符合条件的题目不足：需要 ${group.size} 道，只有 ${available} 道`;
    }
  }
  return null;
}
