import { act, renderHook, waitFor } from '@testing-library/react';
import type { Result } from '@zhibu/types';
import { usePagedList, type PageLoader } from '@/features/org';
import Taro from '../../mocks/taro';

interface Row {
  id: string;
}

const rows = (from: number, to: number): Row[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: `r${from + i}` }));

/** A server of `total` rows, answering pages as the real list actions do. */
function server(total: number) {
  const asked: { page: number; pageSize: number }[] = [];
  const load: PageLoader<Row> = async (page, pageSize) => {
    asked.push({ page, pageSize });
    const from = (page - 1) * pageSize + 1;
    return { ok: true, data: { items: rows(from, Math.min(total, page * pageSize)), total } };
  };
  return { load, asked };
}

const idOf = (row: Row) => row.id;

describe('usePagedList', () => {
  it('loads the first page on mount and says whether there is more', async () => {
    const { load, asked } = server(45);
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 20 }));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.items).toHaveLength(20);
    expect(result.current.total).toBe(45);
    expect(result.current.hasMore).toBe(true);
    expect(asked).toEqual([{ page: 1, pageSize: 20 }]);
  });

  it('appends the next pages until everything is shown, and then asks no more', async () => {
    const { load, asked } = server(45);
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 20 }));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(40);
    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(45);
    expect(result.current.hasMore).toBe(false);
    await act(() => result.current.loadMore());
    expect(asked.map((a) => a.page)).toEqual([1, 2, 3]);
  });

  it('asks for one next page however often the bottom is reached meanwhile', async () => {
    const { load, asked } = server(45);
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 20 }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => Promise.all([result.current.loadMore(), result.current.loadMore(), result.current.loadMore()]));
    expect(asked.map((a) => a.page)).toEqual([1, 2]);
    expect(result.current.items).toHaveLength(40);
  });

  it('does not show a row twice when it moved to the next page between loads', async () => {
    let pageTwo: Row[] = rows(21, 40);
    const load: PageLoader<Row> = async (page) => ({
      ok: true,
      data: { items: page === 1 ? rows(1, 20) : pageTwo, total: 40 },
    });
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 20 }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    pageTwo = [{ id: 'r20' }, ...rows(21, 39)];
    await act(() => result.current.loadMore());
    expect(result.current.items.map((r) => r.id).filter((id) => id === 'r20')).toHaveLength(1);
    expect(result.current.items).toHaveLength(39);
  });

  it('starts again from page 1 when the filters change, and drops answers for the old filters', async () => {
    const answers: ((value: Result<{ items: Row[]; total: number }>) => void)[] = [];
    const load: PageLoader<Row> = () => new Promise((resolve) => answers.push(resolve));
    const { result, rerender } = renderHook(({ key }) => usePagedList(load, { idOf, key }), {
      initialProps: { key: '全部' },
    });
    rerender({ key: '预备党员' });
    expect(answers).toHaveLength(2);

    await act(async () => answers[1]!({ ok: true, data: { items: [{ id: 'new' }], total: 1 } }));
    await act(async () => answers[0]!({ ok: true, data: { items: [{ id: 'old' }], total: 1 } }));
    expect(result.current.items).toEqual([{ id: 'new' }]);
  });

  it('keeps what is shown when a refresh fails, and says why', async () => {
    let fail = false;
    const load: PageLoader<Row> = async () =>
      fail
        ? { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' }
        : { ok: true, data: { items: rows(1, 3), total: 3 } };
    const { result } = renderHook(() => usePagedList(load, { idOf }));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    fail = true;
    await act(() => result.current.reload());
    expect(result.current.items).toHaveLength(3);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用，请稍后重试' }));
  });

  it('shows an error when the first page fails, and lets the next page be tried again after a failure', async () => {
    let failPage: number | null = 1;
    const ok = server(30);
    const load: PageLoader<Row> = async (page, pageSize) =>
      page === failPage ? { ok: false, code: 'INTERNAL', message: '网络不可用' } : ok.load(page, pageSize);
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 20 }));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.message).toBe('网络不可用');

    failPage = 2;
    await act(() => result.current.reload());
    expect(result.current.status).toBe('ready');
    await act(() => result.current.loadMore());
    expect(result.current.moreFailed).toBe(true);
    expect(result.current.items).toHaveLength(20);

    failPage = null;
    await act(() => result.current.loadMore());
    expect(result.current.moreFailed).toBe(false);
    expect(result.current.items).toHaveLength(30);
  });
});
