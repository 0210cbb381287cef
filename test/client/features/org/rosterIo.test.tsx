import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ImportReport, problemPlace, RosterIo, sortedProblems } from '@/features/org';
import { setToken } from '@/services/token';
import { mockFetch, wangJianguo, type SentRequest } from '../../helpers';
import Taro from '../../mocks/taro';

const secretary = { ...wangJianguo, roles: ['member', 'secretary'] as ('member' | 'secretary')[] };
const admin = { ...wangJianguo, roles: ['member', 'admin'] as ('member' | 'admin')[] };

const branch = {
  branchId: 'b-1',
  name: '城关第一中学党支部',
  kind: 'school',
  schools: ['城关第一中学'],
  partyGroups: [],
  active: true,
  mergedInto: null,
  memberCount: 14,
  boundCount: 13,
  secretaryNames: ['王建国'],
};

const problems = [
  { row: 5, column: '手机号', message: '手机号应为 11 位数字' },
  { row: 2, column: '党员身份', message: '党员身份只能是正式党员、预备党员、发展对象或入党积极分子' },
  { row: 3, column: null, message: '与名册中已有的党员重名：张伟' },
];

describe('the import report', () => {
  it('lists every problem by row and column, top to bottom, and says nothing was imported', () => {
    render(<ImportReport fileName="名册.xlsx" check={{ rows: 6, valid: false, created: 0, errors: problems }} />);
    expect(screen.getByText('发现 3 处问题')).toBeInTheDocument();
    expect(screen.getByText(/尚未导入任何数据/)).toBeInTheDocument();
    const places = screen.getAllByText(/^第 \d 行/).map((node) => node.textContent);
    expect(places).toEqual(['第 2 行 · 党员身份', '第 3 行', '第 5 行 · 手机号']);
    expect(screen.getByText('手机号应为 11 位数字')).toBeInTheDocument();
  });

  it('says when a sheet is ready to import', () => {
    render(<ImportReport fileName="名册.xlsx" check={{ rows: 12, valid: true, created: 0, errors: [] }} />);
    expect(screen.getByText('检查通过')).toBeInTheDocument();
    expect(screen.getByText(/共 12 名党员/)).toBeInTheDocument();
  });

  it('lists the first 50 problems of a long report and counts the rest', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ row: i + 2, column: '姓名', message: '请填写姓名' }));
    render(<ImportReport fileName="名册.xlsx" check={{ rows: 61, valid: false, created: 0, errors: many }} />);
    expect(screen.getAllByText('请填写姓名')).toHaveLength(50);
    expect(screen.getByText(/还有 10 处问题未列出/)).toBeInTheDocument();
  });

  it('places and orders problems as the secretary looks for them in Excel', () => {
    expect(problemPlace({ row: 4, column: '入党时间', message: '' })).toBe('第 4 行 · 入党时间');
    expect(problemPlace({ row: 4, column: null, message: '' })).toBe('第 4 行');
    expect(sortedProblems(problems).map((p) => p.row)).toEqual([2, 3, 5]);
  });
});

type Answer = { body: unknown };

function serve(importAnswers: Answer[], exportAnswer?: Answer) {
  return mockFetch(({ url, body }) => {
    const { action } = body as { action: string };
    if (url === '/api/fn/org' && action === 'branch') return { body: { ok: true, data: branch } };
    if (url === '/api/fn/roster' && action === 'import') return importAnswers.shift() ?? { body: {} };
    if (url === '/api/fn/roster' && action === 'export') return exportAnswer ?? { body: {} };
    return { body: { ok: false, code: 'NOT_FOUND', message: 'unexpected' } };
  });
}

function pickFile(name = '名册.xlsx') {
  const input = screen.getByLabelText('选择 Excel 文件') as HTMLInputElement;
  const file = new File([new Uint8Array([80, 75, 3, 4])], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(input, { target: { files: [file] } });
}

const importCalls = (sent: SentRequest[]) =>
  sent.filter((r) => r.url === '/api/fn/roster' && (r.body as { action: string }).action === 'import');

beforeEach(() => setToken('tok-wang'));

describe('名册导入导出', () => {
  it('checks a picked file first and shows the problems, with nothing to confirm', async () => {
    const { sent } = serve([{ body: { ok: true, data: { rows: 6, valid: false, created: 0, errors: problems } } }]);
    render(<RosterIo viewer={secretary} />);
    await screen.findByText('城关第一中学党支部');

    pickFile();
    expect(await screen.findByText('发现 3 处问题')).toBeInTheDocument();
    expect(importCalls(sent)[0]?.body).toEqual({
      action: 'import',
      data: { branchId: 'b-1', fileBase64: 'UEsDBA==', mode: 'check' },
    });
    expect(screen.queryByRole('button', { name: '确认导入' })).not.toBeInTheDocument();
  });

  it('imports a sheet that passed the check only after 确认导入 and the confirm dialog', async () => {
    const { sent } = serve([
      { body: { ok: true, data: { rows: 3, valid: true, created: 0, errors: [] } } },
      { body: { ok: true, data: { rows: 3, valid: true, created: 3, errors: [] } } },
    ]);
    render(<RosterIo viewer={secretary} />);
    await screen.findByText('城关第一中学党支部');
    pickFile();
    await screen.findByText('检查通过');
    expect(importCalls(sent)).toHaveLength(1);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认导入' })));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认导入' }));
    expect(importCalls(sent)[1]?.body).toMatchObject({ data: { mode: 'commit', branchId: 'b-1' } });
    expect(await screen.findByText(/已导入 3 名党员/)).toBeInTheDocument();
  });

  it('does not import when the confirm dialog is cancelled', async () => {
    const { sent } = serve([{ body: { ok: true, data: { rows: 3, valid: true, created: 0, errors: [] } } }]);
    render(<RosterIo viewer={secretary} />);
    await screen.findByText('城关第一中学党支部');
    pickFile();
    await screen.findByText('检查通过');
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认导入' })));
    expect(importCalls(sent)).toHaveLength(1);
  });

  it('shows the server’s message when the file cannot be read as a roster', async () => {
    serve([{ body: { ok: false, code: 'INVALID_ARGUMENT', message: '表格中没有党员数据' } }]);
    render(<RosterIo viewer={secretary} />);
    await screen.findByText('城关第一中学党支部');
    pickFile();
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '表格中没有党员数据' })),
    );
  });

  describe('export', () => {
    const exported = {
      body: { ok: true, data: { fileName: '名册.xlsx', fileBase64: 'UEsDBA==', rows: 14, phonesMasked: true } },
    };
    let download: jest.SpyInstance;
    beforeEach(() => {
      URL.createObjectURL = jest.fn(() => 'blob:roster');
      URL.revokeObjectURL = jest.fn();
      download = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        expect(this.download).toBe('名册.xlsx');
        expect(this.href).toBe('blob:roster');
      });
    });
    afterEach(() => download.mockRestore());

    it('masks phones for a branch secretary, who is not offered full numbers', async () => {
      const { sent } = serve([], exported);
      render(<RosterIo viewer={secretary} />);
      await screen.findByText('城关第一中学党支部');
      expect(screen.queryByText('包含完整手机号')).not.toBeInTheDocument();
      await act(async () => fireEvent.click(screen.getByRole('button', { name: '导出 Excel' })));
      const call = sent.find((r) => (r.body as { action: string }).action === 'export');
      expect(call?.body).toEqual({ action: 'export', data: { branchId: 'b-1' } });
      expect(download).toHaveBeenCalledTimes(1);
    });

    it('lets a bureau admin ask for full phone numbers explicitly', async () => {
      const { sent } = serve([], exported);
      render(<RosterIo viewer={admin} />);
      await screen.findByText('城关第一中学党支部');
      const option = screen.getByRole('checkbox', { name: '包含完整手机号' });
      expect(option).toHaveAttribute('aria-checked', 'false');
      fireEvent.click(within(option).getByText('仅局党委管理员可选；请妥善保管导出的文件'));
      expect(option).toHaveAttribute('aria-checked', 'true');
      await act(async () => fireEvent.click(screen.getByRole('button', { name: '导出 Excel' })));
      const call = sent.find((r) => (r.body as { action: string }).action === 'export');
      expect(call?.body).toEqual({ action: 'export', data: { branchId: 'b-1', includePhone: true } });
    });
  });
});
