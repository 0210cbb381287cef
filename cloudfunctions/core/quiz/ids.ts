/** Deterministic ids: the database itself refuses a second seat or a second n-th attempt. */
export const seatId = (quizId: string, memberId: string) => `${quizId}_${memberId}`;
export const attemptId = (quizId: string, memberId: string, n: number) => `${quizId}_${memberId}_${n}`;
/** The bank a question goes to when none is named: one per branch, one for the bureau. */
export const defaultBankId = (scope: 'bureau' | 'branch', branchId: string | null) =>
  scope === 'bureau' ? 'qb_bureau' : `qb_${branchId}`;
