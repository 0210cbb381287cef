import type { QuizAttempt, Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { CALLER_RECORDS, fixtureFor, type CallerKey } from '../../support/fixture';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A designed question: its key is known to the test, so leaks can be checked by content. */
export interface KnownQuestion {
  type: 'single' | 'multiple' | 'judge';
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
  tags?: string[];
  difficulty?: number;
}

export function designedQuestions(count: number, prefix = '题'): KnownQuestion[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 3;
    if (kind === 0)
      return {
        type: 'single' as const,
        stem: `${prefix}${i}：党的根本宗旨是什么（单选）`,
        options: [`${prefix}${i}甲`, `${prefix}${i}乙`, `${prefix}${i}丙`, `${prefix}${i}丁`],
        answer: [i % 4],
        explanation: `${prefix}${i}的解析：全心全意为人民服务`,
        tags: ['党章'],
        difficulty: 1 + (i % 3),
      };
    if (kind === 1)
      return {
        type: 'multiple' as const,
        stem: `${prefix}${i}：下列哪些属于三会一课（多选）`,
        options: [`${prefix}${i}子`, `${prefix}${i}丑`, `${prefix}${i}寅`, `${prefix}${i}卯`, `${prefix}${i}辰`],
        answer: [0, 2, 4].map((x) => (x + i) % 5).sort((a, b) => a - b),
        explanation: `${prefix}${i}的解析：支部党员大会、支委会、党小组会和党课`,
        tags: ['条例'],
        difficulty: 2,
      };
    return {
      type: 'judge' as const,
      stem: `${prefix}${i}：预备党员的预备期为一年（判断）`,
      options: ['对', '错'],
      answer: [i % 2],
      explanation: `${prefix}${i}的解析：预备期为一年`,
      tags: ['党章'],
      difficulty: 1,
    };
  });
}

export function quizFixture(runtime: LocalRuntime) {
  const fx = fixtureFor(runtime);
  const must = <T>(result: Result<T>, what: string): T => {
    if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
    return result.data;
  };
  return {
    ...fx,
    must,
    async bank(caller: CallerKey | string, questions: KnownQuestion[], name = '测试题库') {
      const { bankId } = must(await fx.call<{ bankId: string }>(caller, 'quiz', 'createBank', { name }), 'createBank');
      const ids: string[] = [];
      for (const q of questions) {
        const { questionId } = must(
          await fx.call<{ questionId: string }>(caller, 'quiz', 'createQuestion', { bankId, ...q }),
          'createQuestion',
        );
        ids.push(questionId);
      }
      return { bankId, ids };
    },
    async quiz(caller: CallerKey | string, bankId: string, overrides: Record<string, unknown> = {}) {
      const now = Date.now();
      return must(
        await fx.call<{ quizId: string }>(caller, 'quiz', 'create', {
          title: '党章党规知识测试',
          openAt: new Date(now - 60_000).toISOString(),
          closeAt: new Date(now + 3 * 86_400_000).toISOString(),
          draw: { count: 5, bankIds: [bankId] },
          passScore: 60,
          timeLimitMinutes: 20,
          maxAttempts: 2,
          ...overrides,
        }),
        'create',
      ).quizId;
    },
    /**
     * An .xlsx stored where the client uploads question sheets, `quiz/<branchId>/import/` — the
     * caller's branch unless another is named — as the import reads it: by file ID.
     */
    sheetFile(caller: Exclude<CallerKey, 'unbound'>, file: string | Buffer, branchId?: string): string {
      const bytes = typeof file === 'string' ? Buffer.from(file, 'base64') : file;
      return runtime.storage.save('quiz', XLSX_TYPE, bytes, `${branchId ?? CALLER_RECORDS[caller].branchId}/import`);
    },
    start: async (caller: CallerKey | string, quizId: string) =>
      must(await fx.call<QuizAttempt>(caller, 'quiz', 'start', { quizId }), 'start'),
  };
}

/** The key of a paper question, as shown in this attempt, from the designed bank. */
export function keyAsShown(bank: KnownQuestion[], q: { stem: string; options: string[] }): number[] {
  const known = bank.find((k) => k.stem === q.stem);
  if (!known) throw new Error(`unknown stem ${q.stem}`);
  return known.answer.map((a) => q.options.indexOf(known.options[a]!)).sort((a, b) => a - b);
}

/** A stored document as the functions wrote it (null when missing). */
export async function storedDoc<T>(collection: string, id: string): Promise<T | null> {
  const cloud = (await import('wx-server-sdk')).default;
  const result = (await cloud.database().collection(collection).doc(id).get()) as unknown as { data: T | null };
  return result.data ?? null;
}
