import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Timeline } from '@zhibu/types';
import { resetSession } from '@/features/member/session';
import DevelopmentTimelinePage from '@/packages/development/timeline/index';
import { setToken } from '@/services/token';
import { mockFetch, wangJianguo, type SentRequest } from '../../helpers';
import { taroMock } from '../../mocks/taro';

const RULE =
  '不符合「入党积极分子培养满一年」：2026-03-01 确定为入党积极分子，须培养满 12 个月，2027-03-01 起方可列为发展对象';

/** 孙浩然, an activist since 2026-03-01 with one 考察 note; 考察 due on 2026-12-20, 列为发展对象 from 2027-03-01. */
const activist: Timeline = {
  candidateId: 'd_m-9',
  memberId: 'm-9',
  name: '孙浩然',
  branchId: 'b-1',
  stage: '入党积极分子',
  appliedAt: '2026-01-10',
  sponsorIds: ['m-2', 'm-3'],
  sponsorNames: ['刘洋', '陈静'],
  steps: [
    entry('e1', 'apply', '递交入党申请书', '2026-01-10'),
    entry('e2', 'activist', '确定为入党积极分子', '2026-03-01', { sponsorIds: ['m-2', 'm-3'] }),
    entry('e3', 'activistReview', '积极分子考察', '2026-06-20', { note: '工作积极，主动承担公开课' }),
  ],
  next: [
    { step: 'activistReview', label: '积极分子考察', earliest: null, dueBy: '2026-12-20', overdue: false },
    { step: 'candidate', label: '列为发展对象', earliest: '2027-03-01', dueBy: null, overdue: false },
  ],
  canRecord: ['activistReview', 'candidate'],
};

function entry(entryId: string, step: Timeline['steps'][number]['step'], label: string, date: string, fields = {}) {
  return {
    entryId,
    step,
    label,
    date,
    by: 'm-1',
    byName: '王建国',
    at: `${date}T02:00:00.000Z`,
    fields,
    corrects: null,
    reason: null,
    supersededBy: null,
  };
}

function mockServer(record: (request: SentRequest) => unknown) {
  return mockFetch((request) => {
    const body = request.body as { action: string };
    if (request.url === '/api/fn/member') return { body: { ok: true, data: wangJianguo } };
    if (body.action === 'timeline') return { body: { ok: true, data: activist } };
    return { body: record(request) };
  });
}

beforeEach(() => {
  resetSession();
  setToken('tok');
  taroMock.reset();
  taroMock.setParams({ id: 'd_m-9' });
});

describe('a candidate’s timeline page', () => {
  it('shows each next step with its due date or first day, and the steps done', async () => {
    mockServer(() => ({ ok: false, code: 'INTERNAL', message: '不应调用' }));
    render(<DevelopmentTimelinePage />);
    const next = (await screen.findByText('下一步')).parentElement!;
    expect(within(next).getByText('积极分子考察')).toBeInTheDocument();
    expect(within(next).getByText('2026-12-20 前完成')).toBeInTheDocument();
    expect(within(next).getByText('列为发展对象')).toBeInTheDocument();
    expect(within(next).getByText('2027-03-01 起可办理')).toBeInTheDocument();
    expect(screen.getByText('入党积极分子')).toBeInTheDocument();
    expect(screen.getByText(/培养联系人 刘洋、陈静/)).toBeInTheDocument();
    expect(screen.getByText('工作积极，主动承担公开课')).toBeInTheDocument();
    // Both steps the secretary may record now are offered as choices.
    expect(screen.getByRole('tab', { name: '列为发展对象' })).toBeInTheDocument();
  });

  it('shows the server’s refusal beside the form, naming the rule, and sends the step chosen', async () => {
    const { sent } = mockServer(() => ({ ok: false, code: 'FAILED_PRECONDITION', message: RULE }));
    render(<DevelopmentTimelinePage />);
    fireEvent.click(await screen.findByRole('tab', { name: '列为发展对象' }));
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByText('记录'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('入党积极分子培养满一年');
    expect(alert).toHaveTextContent('2027-03-01 起方可列为发展对象');
    const recorded = sent.filter((r) => (r.body as { action: string }).action === 'record');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.body).toEqual({
      action: 'record',
      data: { candidateId: 'd_m-9', date: '2026-12-01', step: 'candidate' },
    });
    // The form stays, with what was typed, for the secretary to change.
    expect(screen.getByText('2026-12-01')).toBeInTheDocument();
  });

  it('asks for the date before sending, and for the 考察 note', async () => {
    const { sent } = mockServer(() => ({ ok: true, data: activist }));
    render(<DevelopmentTimelinePage />);
    fireEvent.click(await screen.findByText('记录'));
    expect(await screen.findByRole('alert')).toHaveTextContent('请选择日期');
    fireEvent.change(screen.getByLabelText('picker-date'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByText('记录'));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写考察情况');
    expect(sent.filter((r) => (r.body as { action: string }).action === 'record')).toHaveLength(0);
  });

  it('corrects an entry with a new entry naming the old one and a reason', async () => {
    const { sent } = mockServer(() => ({ ok: true, data: activist }));
    render(<DevelopmentTimelinePage />);
    fireEvent.click(await screen.findByText('工作积极，主动承担公开课'));
    await screen.findByText('更正：积极分子考察（2026-06-20）');
    fireEvent.click(screen.getByText('提交更正'));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写更正原因');
    fireEvent.change(screen.getByPlaceholderText('为什么更正'), { target: { value: '考察日期登记错误' } });
    fireEvent.click(screen.getByText('提交更正'));
    await screen.findByText('下一步');
    const corrected = sent.filter((r) => (r.body as { action: string }).action === 'correct');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]!.body).toEqual({
      action: 'correct',
      data: {
        candidateId: 'd_m-9',
        date: '2026-06-20',
        step: 'activistReview',
        note: '工作积极，主动承担公开课',
        entryId: 'e3',
        reason: '考察日期登记错误',
      },
    });
  });

  it('opened without an id shows the caller’s own timeline, or says there is none yet', async () => {
    taroMock.setParams({});
    mockFetch((request) =>
      request.url === '/api/fn/member'
        ? { body: { ok: true, data: { ...wangJianguo, roles: ['member'] } } }
        : { body: { ok: true, data: { timeline: null } } },
    );
    render(<DevelopmentTimelinePage />);
    expect(await screen.findByText('还没有入党进程记录')).toBeInTheDocument();
    expect(screen.queryByText('记录')).not.toBeInTheDocument();
  });

  it('another branch’s candidate reads as not found, with no retry', async () => {
    mockFetch((request) =>
      request.url === '/api/fn/member'
        ? { body: { ok: true, data: wangJianguo } }
        : { body: { ok: false, code: 'NOT_FOUND', message: '没有找到该发展对象' } },
    );
    render(<DevelopmentTimelinePage />);
    expect(await screen.findByText('返回')).toBeInTheDocument();
    expect(screen.queryByText('重新加载')).not.toBeInTheDocument();
  });
});
