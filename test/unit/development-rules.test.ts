import {
  DEFAULT_SETTINGS,
  RULES,
  RuleViolation,
  apply,
  checkStep,
  emptyProgress,
  nextSteps,
  progressOf,
  replay,
  stageOf,
  type Progress,
  type RuleContext,
  type RuleId,
  type SponsorFacts,
  type StepRecord,
} from '../../cloudfunctions/core/development/rules';
import { addMonths, wholeMonths, workingDays } from '../../cloudfunctions/core/development/dates';

/** Beijing calendar days throughout; 2024-06-03 is a Monday. */
const TODAY = '2025-08-01';
const SPONSORS: SponsorFacts[] = [
  { memberId: 's1', branchId: 'b1', status: '正式党员', active: true },
  { memberId: 's2', branchId: 'b1', status: '正式党员', active: true },
  { memberId: 'p1', branchId: 'b1', status: '预备党员', active: true },
  { memberId: 'x1', branchId: 'b2', status: '正式党员', active: true },
];
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  settings: DEFAULT_SETTINGS,
  today: TODAY,
  candidateMemberId: 'c1',
  branchId: 'b1',
  sponsors: SPONSORS,
  ...over,
});
const vote = (entitled: number, present: number, votesFor: number, votesAgainst: number) => ({
  entitled,
  present,
  votesFor,
  votesAgainst,
});

/** A whole pipeline with consistent dates, application to 转正. */
const HAPPY: StepRecord[] = [
  { step: 'apply', date: '2023-03-01', fields: {} },
  { step: 'activist', date: '2023-04-10', fields: { sponsorIds: ['s1', 's2'] } },
  { step: 'activistReview', date: '2023-10-09', fields: { note: '表现良好' } },
  { step: 'activistReview', date: '2024-04-08', fields: { note: '表现良好' } },
  { step: 'candidate', date: '2024-04-15', fields: {} },
  { step: 'politicalReview', date: '2024-05-06', fields: {} },
  { step: 'training', date: '2024-05-10', fields: { hours: 24 } },
  { step: 'committeeReview', date: '2024-05-20', fields: {} },
  { step: 'prereview', date: '2024-05-27', fields: {} },
  { step: 'publicity', date: '2024-06-03', fields: { endDate: '2024-06-07' } },
  { step: 'branchVote', date: '2024-06-12', fields: vote(20, 18, 17, 1) },
  { step: 'approval', date: '2024-07-01', fields: {} },
  { step: 'oath', date: '2024-07-01', fields: {} },
  { step: 'probationReview', date: '2024-09-10', fields: { note: '按期考察' } },
  { step: 'probationReview', date: '2024-12-10', fields: { note: '按期考察' } },
  { step: 'probationReview', date: '2025-03-10', fields: { note: '按期考察' } },
  { step: 'probationReview', date: '2025-06-10', fields: { note: '按期考察' } },
  { step: 'fullVote', date: '2025-06-12', fields: vote(21, 20, 20, 0) },
  { step: 'fullApproval', date: '2025-07-01', fields: {} },
];

/** The progress just before the first step named `step` (its `nth` occurrence). */
function before(step: string): Progress {
  const i = HAPPY.findIndex((r) => r.step === step);
  return progressOf(HAPPY.slice(0, i));
}

function refusal(progress: Progress, record: StepRecord, context = ctx()): RuleViolation {
  try {
    checkStep(progress, record, context);
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error(`expected ${record.step} ${record.date} to be refused`);
}

function expectRule(progress: Progress, record: StepRecord, rule: RuleId, context = ctx()) {
  const error = refusal(progress, record, context);
  expect(error.rule).toBe(rule);
  expect(error.message).toContain(`「${RULES[rule]}」`);
  return error.message;
}

describe('Beijing calendar arithmetic', () => {
  it('counts working days Monday to Friday, both ends included', () => {
    expect(workingDays('2024-06-03', '2024-06-07')).toBe(5); // Mon–Fri
    expect(workingDays('2024-06-05', '2024-06-11')).toBe(5); // Wed–Tue over a weekend
    expect(workingDays('2024-06-07', '2024-06-12')).toBe(4); // Fri–Wed
    expect(workingDays('2024-06-08', '2024-06-09')).toBe(0); // a weekend
    // Holidays are not known: 国庆 2024-10-01..07 counts its weekdays.
    expect(workingDays('2024-10-01', '2024-10-07')).toBe(5);
  });
  it('adds months on the calendar and clamps to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-04-10', 12)).toBe('2024-04-10');
    expect(wholeMonths('2023-04-10', '2024-04-09')).toBe(11);
    expect(wholeMonths('2023-04-10', '2024-04-10')).toBe(12);
  });
});

describe('the full pipeline', () => {
  it('passes from application to 转正 with consistent dates, stage by stage', () => {
    const stages: string[] = [];
    let progress = emptyProgress();
    for (const record of HAPPY) {
      checkStep(progress, record, ctx());
      progress = apply(progress, record);
      stages.push(stageOf(progress));
    }
    expect([...new Set(stages)]).toEqual(['申请入党', '入党积极分子', '发展对象', '预备党员', '正式党员']);
    expect(nextSteps(progress, DEFAULT_SETTINGS, TODAY)).toEqual([]);
    // replay (as a correction runs it) agrees.
    expect(stageOf(replay(HAPPY, () => ctx()))).toBe('正式党员');
  });

  it('names the next step with its first day and due date', () => {
    const activist = progressOf(HAPPY.slice(0, 2));
    expect(nextSteps(activist, DEFAULT_SETTINGS, '2023-05-01')).toEqual([
      { step: 'activistReview', label: '积极分子考察', earliest: null, dueBy: '2023-10-10', overdue: false },
      { step: 'candidate', label: '列为发展对象', earliest: '2024-04-10', dueBy: null, overdue: false },
    ]);
    const candidate = before('politicalReview');
    expect(nextSteps(candidate, DEFAULT_SETTINGS, '2024-08-01').map((n) => [n.step, n.dueBy, n.overdue])).toEqual([
      ['politicalReview', '2024-07-15', true],
      ['training', '2024-07-15', true],
    ]);
    const voted = before('approval');
    expect(nextSteps(voted, DEFAULT_SETTINGS, '2024-06-20')[0]).toMatchObject({
      step: 'approval',
      dueBy: '2024-09-12',
    });
    const probation = before('probationReview');
    expect(nextSteps(probation, DEFAULT_SETTINGS, '2024-07-02').map((n) => [n.step, n.earliest, n.dueBy])).toEqual([
      ['probationReview', null, '2024-09-12'],
      ['fullVote', '2025-06-12', '2025-06-12'],
    ]);
  });

  it('follows the bureau settings: a six-month activist period where the bureau set it', () => {
    const settings = { ...DEFAULT_SETTINGS, minActivistMonths: 6 };
    const progress = progressOf(HAPPY.slice(0, 3));
    expect(() =>
      checkStep(progress, { step: 'candidate', date: '2023-10-10', fields: {} }, ctx({ settings })),
    ).not.toThrow();
    expectRule(progress, { step: 'candidate', date: '2023-10-10', fields: {} }, 'activistYear');
  });
});

describe('each rule refuses with its name', () => {
  it('日期不得晚于今天', () => {
    expect(expectRule(before('candidate'), { step: 'candidate', date: '2025-08-02', fields: {} }, 'notFuture')).toBe(
      '不符合「日期不得晚于今天」：列为发展对象日期 2025-08-02 晚于今天 2025-08-01',
    );
    expectRule(
      before('publicity'),
      { step: 'publicity', date: '2025-07-28', fields: { endDate: '2025-08-04' } },
      'notFuture',
    );
  });

  it('不得早于递交入党申请', () => {
    expect(
      expectRule(
        before('activist'),
        { step: 'activist', date: '2023-02-28', fields: { sponsorIds: ['s1', 's2'] } },
        'afterApplication',
      ),
    ).toBe('不符合「不得早于递交入党申请」：确定为入党积极分子日期 2023-02-28 早于入党申请日期 2023-03-01');
  });

  it('每个步骤只记录一次, and one 考察 a day', () => {
    expect(expectRule(before('politicalReview'), { step: 'candidate', date: '2024-04-16', fields: {} }, 'once')).toBe(
      '不符合「每个步骤只记录一次」：列为发展对象已记录，如有错误请更正原记录',
    );
    expectRule(
      progressOf(HAPPY.slice(0, 3)),
      { step: 'activistReview', date: '2023-10-09', fields: { note: '再记' } },
      'once',
    );
  });

  it('步骤先后顺序', () => {
    expect(expectRule(before('candidate'), { step: 'committeeReview', date: '2024-05-01', fields: {} }, 'order')).toBe(
      '不符合「步骤先后顺序」：支委会审查之前须先完成政治审查、集中培训',
    );
    expectRule(progressOf(HAPPY.slice(0, 1)), { step: 'candidate', date: '2024-05-01', fields: {} }, 'order');
  });

  it('日期先后顺序', () => {
    expect(
      expectRule(before('politicalReview'), { step: 'politicalReview', date: '2024-04-14', fields: {} }, 'dateOrder'),
    ).toBe('不符合「日期先后顺序」：政治审查日期 2024-04-14 早于列为发展对象日期 2024-04-15');
  });

  it('考察记录须在本阶段内', () => {
    expectRule(
      before('politicalReview'),
      { step: 'activistReview', date: '2024-05-01', fields: { note: '晚了' } },
      'reviewStage',
    );
    expectRule(
      before('fullApproval'),
      { step: 'probationReview', date: '2025-06-20', fields: { note: '晚了' } },
      'reviewStage',
    );
  });

  it('两名正式党员作培养联系人', () => {
    const p = before('activist');
    const at = (ids: string[]) => ({ step: 'activist' as const, date: '2023-04-10', fields: { sponsorIds: ids } });
    expect(expectRule(p, at(['s1', 'p1']), 'sponsors')).toBe(
      '不符合「两名正式党员作培养联系人」：培养联系人须为正式党员，所选人员为预备党员',
    );
    expect(expectRule(p, at(['s1', 's1']), 'sponsors')).toContain('两名不同的培养联系人');
    expect(expectRule(p, at(['s1', 'c1']), 'sponsors')).toContain('本人不能作自己的培养联系人');
    expect(expectRule(p, at(['s1', 'x1']), 'sponsors')).toContain('本支部在册党员');
    expect(expectRule(p, at(['s1', 'gone']), 'sponsors')).toContain('本支部在册党员');
  });

  it('入党积极分子培养满一年', () => {
    // One day short of a year, with both half-yearly notes in place.
    expect(expectRule(before('candidate'), { step: 'candidate', date: '2024-04-09', fields: {} }, 'activistYear')).toBe(
      '不符合「入党积极分子培养满一年」：2023-04-10 确定为入党积极分子，须培养满 12 个月，2024-04-10 起方可列为发展对象',
    );
    expect(() =>
      checkStep(before('candidate'), { step: 'candidate', date: '2024-04-10', fields: {} }, ctx()),
    ).not.toThrow();
  });

  it('入党积极分子每半年考察一次', () => {
    const oneNote = progressOf(HAPPY.slice(0, 3));
    expect(expectRule(oneNote, { step: 'candidate', date: '2024-04-15', fields: {} }, 'activistReviews')).toBe(
      '不符合「入党积极分子每半年考察一次」：培养期间应有 2 次考察记录（每 6 个月一次），现有 1 次',
    );
  });

  it('集中培训学时', () => {
    expect(
      expectRule(before('training'), { step: 'training', date: '2024-05-10', fields: { hours: 16 } }, 'trainingHours'),
    ).toBe('不符合「集中培训学时」：集中培训须不少于 24 学时，记录为 16 学时');
  });

  it('公示不少于5个工作日 (Monday to Friday in Beijing)', () => {
    const p = before('publicity');
    expect(
      expectRule(p, { step: 'publicity', date: '2024-06-07', fields: { endDate: '2024-06-12' } }, 'publicityDays'),
    ).toBe('不符合「公示不少于5个工作日」：公示 2024-06-07 至 2024-06-12 只有 4 个工作日，须不少于 5 个');
    expectRule(p, { step: 'publicity', date: '2024-06-07', fields: { endDate: '2024-06-03' } }, 'publicityDays');
    // Seven calendar days over a weekend hold five working days.
    expect(() =>
      checkStep(p, { step: 'publicity', date: '2024-06-05', fields: { endDate: '2024-06-11' } }, ctx()),
    ).not.toThrow();
  });

  it('公示期满后方可讨论', () => {
    expect(
      expectRule(
        before('branchVote'),
        { step: 'branchVote', date: '2024-06-07', fields: vote(20, 18, 17, 1) },
        'afterPublicity',
      ),
    ).toBe('不符合「公示期满后方可讨论」：公示至 2024-06-07 结束，支部大会须在此后召开');
  });

  it('表决人数相符', () => {
    const p = before('branchVote');
    expectRule(p, { step: 'branchVote', date: '2024-06-12', fields: vote(20, 21, 17, 1) }, 'voteCounts');
    expect(expectRule(p, { step: 'branchVote', date: '2024-06-12', fields: vote(20, 15, 14, 2) }, 'voteCounts')).toBe(
      '不符合「表决人数相符」：赞成 14 票与反对 2 票之和多于实到 15 人',
    );
  });

  it('到会党员超过应到会的半数', () => {
    expect(
      expectRule(
        before('branchVote'),
        { step: 'branchVote', date: '2024-06-12', fields: vote(20, 10, 10, 0) },
        'quorum',
      ),
    ).toBe('不符合「到会党员超过应到会的半数」：应到 20 人，实到 10 人，未超过半数');
  });

  it('赞成票超过应到会有表决权党员的半数 (not of those present)', () => {
    // 10 of 12 present is a majority of the meeting but not of the 20 entitled to vote.
    expect(
      expectRule(
        before('branchVote'),
        { step: 'branchVote', date: '2024-06-12', fields: vote(20, 12, 10, 2) },
        'majority',
      ),
    ).toBe('不符合「赞成票超过应到会有表决权党员的半数」：应到会有表决权党员 20 人，赞成 10 票，未超过半数');
    expectRule(before('fullVote'), { step: 'fullVote', date: '2025-06-12', fields: vote(21, 20, 10, 10) }, 'majority');
  });

  it('预备期满一年方可转正', () => {
    expect(
      expectRule(
        before('fullVote'),
        { step: 'fullVote', date: '2025-06-11', fields: vote(21, 20, 20, 0) },
        'probationYear',
      ),
    ).toBe('不符合「预备期满一年方可转正」：预备期自 2024-06-12 起算，2025-06-12 期满，此前不能讨论转正');
  });

  it('预备党员每季度考察一次', () => {
    const threeNotes = progressOf(HAPPY.filter((r) => r.date !== '2025-06-10').slice(0, 16));
    expect(
      expectRule(threeNotes, { step: 'fullVote', date: '2025-06-12', fields: vote(21, 20, 20, 0) }, 'probationReviews'),
    ).toBe('不符合「预备党员每季度考察一次」：预备期应有 4 次考察记录（每 3 个月一次），现有 3 次');
  });

  it('a correction that breaks a later step is refused by replay', () => {
    const corrected = HAPPY.map((r) => (r.step === 'activist' ? { ...r, date: '2023-06-01' } : r));
    expect(() => replay(corrected, () => ctx())).toThrow('入党积极分子培养满一年');
  });
});
