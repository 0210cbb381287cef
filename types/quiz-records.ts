import type { Audience } from './activity';
import type { DrawRule, MultipleRule, QuestionType } from './quiz';

/** A question bank: the bureau's (every branch may draw from it) or one branch's. */
export interface QuizBankDoc {
  _id: string;
  name: string;
  scope: 'bureau' | 'branch';
  branchId: string | null;
  /** Live (not retired) questions, kept with `_.inc`. */
  questionCount: number;
  /** Every tag used in the bank, for the draw-rule form. */
  tags: string[];
  /**
   * How many imported questions (`imported: true`, retired or not) `questionCount` already counts.
   * An import reconciles it with the documents actually there, so a run cut short is counted by
   * the next one (core/quiz/import.service.ts). Missing before the first import.
   */
  importedCounted?: number;
  createdBy: string;
  createdAt: Date;
}

export interface QuestionDoc {
  _id: string;
  bankId: string;
  scope: 'bureau' | 'branch';
  branchId: string | null;
  type: QuestionType;
  stem: string;
  /** The stem with spacing and punctuation folded, to find duplicates. */
  stemKey: string;
  options: string[];
  answer: number[];
  explanation: string;
  tags: string[];
  difficulty: number;
  /** Retired questions are never drawn again; papers that hold them keep their own copy. */
  retired: boolean;
  /** Written by an .xlsx import, with an id derived from the bank and the stem. */
  imported?: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuizDoc {
  _id: string;
  title: string;
  scope: 'bureau' | 'branch';
  /** The branch that runs a branch quiz; null for a bureau quiz. */
  branchId: string | null;
  /** Every branch with members in the audience. */
  branchIds: string[];
  audience: Audience | null;
  openAt: Date;
  closeAt: Date;
  /** The rule with `bankIds` resolved at creation. */
  draw: DrawRule & { bankIds: string[] };
  points: Record<QuestionType, number>;
  passScore: number;
  timeLimitMinutes: number;
  maxAttempts: number;
  countRule: 'best' | 'last';
  multipleRule: MultipleRule;
  showExplanations: boolean;
  /**
   * `publishing` until every seat and counter is written; nobody can start or see it before. One
   * stuck there (the function stopped midway) is withdrawn whole by the hourly job.
   */
  status: 'publishing' | 'published';
  /** The Beijing-time month of `openAt`: which branch-month counter it counts in. */
  month: string;
  expected: number;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

/**
 * One member's place in one quiz: `_id` is `<quizId>_<memberId>`, written at publication, so the
 * audience is fixed then. It carries what the member's list shows, so that list reads nothing else.
 */
export interface QuizSeatDoc {
  _id: string;
  quizId: string;
  memberId: string;
  memberName: string;
  branchId: string;
  title: string;
  openAt: Date;
  closeAt: Date;
  timeLimitMinutes: number;
  questionCount: number;
  passScore: number;
  maxAttempts: number;
  /** Attempts started. */
  attempts: number;
  submitted: number;
  open: { attemptId: string; deadline: Date } | null;
  lastAttemptId: string | null;
  best: number | null;
  last: number | null;
  /** The score that counts (best or last). */
  counted: number | null;
  passed: boolean;
  /**
   * Set while the quiz is being published: the member's lists leave the seat out until every seat
   * is written and the quiz is published (core/quiz/publish.ts).
   */
  publishing?: true;
}

/** One question of one paper, with its key: stored on the server only. */
export interface PaperEntry {
  questionId: string;
  type: QuestionType;
  stem: string;
  /** In the order shown in this attempt. */
  options: string[];
  /** Shown position → position in the question as written. */
  order: number[];
  /** The key, as shown positions. */
  answer: number[];
  explanation: string;
  /** Hundredths of a point; a paper's entries sum to 10,000. */
  points: number;
}

/** A wrong answer as the 错题本 keeps it: the question as written (original option order). */
export interface WrongEntry {
  questionId: string;
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

export interface QuizAttemptDoc {
  /** `<quizId>_<memberId>_<n>`: the database refuses a second n-th attempt. */
  _id: string;
  quizId: string;
  memberId: string;
  branchId: string;
  n: number;
  title: string;
  status: 'open' | 'submitted';
  startedAt: Date;
  deadline: Date;
  paper: PaperEntry[];
  /** Per question: option count and most choices allowed, so `answer` checks a choice in its update. */
  limits: Record<string, { n: number; m: number }>;
  answers: Record<string, number[]>;
  multipleRule: MultipleRule;
  passScore: number;
  countRule: 'best' | 'last';
  showExplanations: boolean;
  month: string;
  /** The member's standing before this attempt, so submit can move the counters without reading the seat. */
  prev: { submitted: number; best: number | null; counted: number | null; passed: boolean };
  score: number | null;
  passed: boolean | null;
  submittedAt: Date | null;
  closedByDeadline: boolean;
  /** Hundredths earned per question, in paper order. */
  earned: number[];
  wrong: WrongEntry[];
  wrongCount: number;
  /**
   * Where its item analysis stands (set at scoring): UNFOLDED (core/quiz/item-fold.ts) until the fold
   * claims it into batch `n` of its quiz. Absent on attempts still open, and on those
   * scored before per-question documents, whose figures sit in QuizStatsDoc.items.
   */
  foldSeq?: number;
}

export interface ItemAggregate {
  t: QuestionType;
  /** Responses, and fully correct ones. */
  n: number;
  c: number;
  /** Wrong choices by option (position as written). */
  w?: Record<string, number>;
  /** By attempt-score bucket (5 points wide): responses and correct ones, for discrimination. */
  b?: Record<string, { n: number; c: number }>;
}

export interface BranchQuizAggregate {
  expected: number;
  taken: number;
  passed: number;
  scoreSum: number;
  hist: Record<string, number>;
}

/**
 * Per-quiz statistics kept with `_.inc` at each submission: `_id` is the quiz id. Bounded in size:
 * per-branch figures and at most one fold batch's attempt ids; the per-question figures live in
 * QuizItemDoc and in the attempts not folded yet.
 */
export interface QuizStatsDoc {
  _id: string;
  attempts: number;
  branches: Record<string, BranchQuizAggregate>;
  /** Item analysis as submissions wrote it before per-question documents; never written now. */
  items?: Record<string, ItemAggregate>;
  /** The last fold batch applied to every per-question document it touches (0: none yet). */
  foldDone?: number;
  /** The fold batch in progress: its number (foldDone + 1) and its attempts, fixed when it began. */
  fold?: { seq: number; attempts: string[] } | null;
}

/**
 * The item analysis of one question in one quiz, folded from submitted attempts:
 * `_id` is `<quizId>_<questionId>`. `seq` is the last fold batch added into it.
 */
export interface QuizItemDoc extends ItemAggregate {
  _id: string;
  quizId: string;
  questionId: string;
  seq: number;
}

/** A member's practice on their 错题本: `_id` is the member id. */
export interface QuizPracticeDoc {
  _id: string;
  streak: Record<string, number>;
  mastered: Record<string, boolean>;
}

export interface QuizMonthCounters {
  expected: number;
  taken: number;
  passed: number;
}
