import { act, renderHook, waitFor } from '@testing-library/react';
import type { Result } from '@zhibu/types';
import { usePagedList, type PageLoader } from '@/hooks/usePagedList';
import Taro from '../mocks/taro';

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
    expect(result.current.code).toBe('INTERNAL');
    // Said once, by the page's error state: not in a toast as well.
    expect(Taro.showToast).not.toHaveBeenCalled();

    failPage = 2;
    await act(() => result.current.reload());
    expect(result.current.status).toBe('ready');
    await act(() => result.current.loadMore());
    expect(result.current.moreFailed).toBe(true);
    expect(result.current.items).toHaveLength(20);
    // The footer says it (加载失败，点击重试).
    expect(Taro.showToast).not.toHaveBeenCalled();

    failPage = null;
    await act(() => result.current.loadMore());
    expect(result.current.moreFailed).toBe(false);
    expect(result.current.items).toHaveLength(30);
  });

  it('replaces the list on page 1, and appends later pages without repeating a row that moved', async () => {
    const answers: Record<number, { items: Row[]; total: number }> = {
      1: { items: [{ id: 'a' }, { id: 'b' }], total: 4 },
    };
    const load: PageLoader<Row> = async (page) => ({ ok: true, data: answers[page]! });
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 2 }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current).toMatchObject({ pages: 1, total: 4, hasMore: true });

    // Something was added meanwhile: b moved to page 2.
    answers[2] = { items: [{ id: 'b' }, { id: 'c' }], total: 5 };
    await act(() => result.current.loadMore());
    expect(result.current.items.map(idOf)).toEqual(['a', 'b', 'c']);
    expect(result.current).toMatchObject({ pages: 2, total: 5, hasMore: true });

    answers[3] = { items: [{ id: 'd' }, { id: 'e' }], total: 5 };
    await act(() => result.current.loadMore());
    expect(result.current.items.map(idOf)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.current.hasMore).toBe(false);

    answers[1] = { items: [{ id: 'z' }], total: 1 };
    await act(() => result.current.reload());
    expect(result.current.items.map(idOf)).toEqual(['z']);
    expect(result.current).toMatchObject({ pages: 1, total: 1, hasMore: false });
  });

  it('has nothing more while loading, when empty, or when every row is shown', async () => {
    const answers: ((value: Result<{ items: Row[]; total: number }>) => void)[] = [];
    const load: PageLoader<Row> = () => new Promise((resolve) => answers.push(resolve));
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 2 }));
    expect(result.current.status).toBe('loading');
    expect(result.current.hasMore).toBe(false);

    await act(async () => answers[0]!({ ok: true, data: { items: [], total: 0 } }));
    expect(result.current).toMatchObject({ status: 'ready', total: 0, hasMore: false });

    // A server that answers more rows than asked for: all of them are shown, so there is no page 2.
    await act(async () => {
      const reloading = result.current.reload();
      answers[1]!({ ok: true, data: { items: rows(1, 3), total: 3 } });
      await reloading;
    });
    expect(result.current.items).toHaveLength(3);
    expect(result.current.hasMore).toBe(false);
  });

  it('drops a next page that arrives after the list was reloaded', async () => {
    const answers: ((value: Result<{ items: Row[]; total: number }>) => void)[] = [];
    const load: PageLoader<Row> = () => new Promise((resolve) => answers.push(resolve));
    const { result } = renderHook(() => usePagedList(load, { idOf, pageSize: 2 }));
    await act(async () => answers[0]!({ ok: true, data: { items: rows(1, 2), total: 4 } }));

    let more!: Promise<void>;
    act(() => {
      more = result.current.loadMore();
    });
    expect(result.current.loadingMore).toBe(true);
    let reloaded!: Promise<void>;
    act(() => {
      reloaded = result.current.reload();
    });
    expect(result.current.loadingMore).toBe(false);
    expect(result.current.items).toHaveLength(2);

    await act(async () => {
      answers[2]!({ ok: true, data: { items: [{ id: 'fresh' }], total: 1 } });
      await reloaded;
    });
    await act(async () => {
      answers[1]!({ ok: true, data: { items: rows(3, 4), total: 4 } });
      await more;
    });
    expect(result.current.items).toEqual([{ id: 'fresh' }]);
    expect(result.current).toMatchObject({ pages: 1, total: 1, loadingMore: false });
  });

  it('shows the spinner again when a failed first page is tried again', async () => {
    const answers: ((value: Result<{ items: Row[]; total: number }>) => void)[] = [];
    const load: PageLoader<Row> = () => new Promise((resolve) => answers.push(resolve));
    const { result } = renderHook(() => usePagedList(load, { idOf }));
    await act(async () => answers[0]!({ ok: false, code: 'INTERNAL', message: '网络不可用' }));
    expect(result.current.status).toBe('error');

    act(() => {
      void result.current.reload();
    });
    expect(result.current).toMatchObject({ status: 'loading', message: '' });
  });

  it('loads a list that is not shown yet only once it is, and keeps it when hidden again', async () => {
    const { load, asked } = server(45);
    const { result, rerender } = renderHook(({ active }) => usePagedList(load, { idOf, active }), {
      initialProps: { active: false },
    });
    expect(asked).toEqual([]);
    expect(result.current.status).toBe('loading');
    expect(result.current.loadedAt).toBeNull();

    rerender({ active: true });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(asked).toEqual([{ page: 1, pageSize: 20 }]);

    rerender({ active: false });
    rerender({ active: true });
    expect(asked).toHaveLength(1);
    expect(result.current.items).toHaveLength(20);
  });

  it('starts a hidden list again from page 1 when its filters changed meanwhile, once it is shown', async () => {
    const { load, asked } = server(45);
    const { result, rerender } = renderHook(({ active, key }) => usePagedList(load, { idOf, active, key }), {
      initialProps: { active: true, key: 'a' },
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(() => result.current.loadMore());
    expect(asked).toHaveLength(2);

    rerender({ active: false, key: 'b' });
    expect(asked).toHaveLength(2);
    rerender({ active: true, key: 'b' });
    await waitFor(() => expect(result.current.pages).toBe(1));
    expect(asked.map((a) => a.page)).toEqual([1, 2, 1]);
  });

  it('says when page 1 was last asked for, so a list shown again can tell whether it is stale', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    try {
      const { load } = server(5);
      const { result } = renderHook(() => usePagedList(load, { idOf }));
      await waitFor(() => expect(result.current.status).toBe('ready'));
      expect(result.current.loadedAt).toBe(1_000);

      now.mockReturnValue(90_000);
      await act(() => result.current.loadMore());
      expect(result.current.loadedAt).toBe(1_000);
      await act(() => result.current.reload());
      expect(result.current.loadedAt).toBe(90_000);
    } finally {
      now.mockRestore();
    }
  });

  it('changes loaded items in place', async () => {
    const { load } = server(3);
    const { result } = renderHook(() => usePagedList(load, { idOf }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.update((items) => items.filter((row) => row.id !== 'r2')));
    expect(result.current.items.map(idOf)).toEqual(['r1', 'r3']);
  });
});
