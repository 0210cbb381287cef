import { hasMore, initialPaged, withPage } from '@/features/activity/paging';

const key = (item: { id: string }) => item.id;
const items = (...ids: string[]) => ids.map((id) => ({ id }));

describe('a paged list', () => {
  it('replaces on page 1, appends later pages without repeating a row that moved', () => {
    const first = withPage(initialPaged<{ id: string }>(), 1, { items: items('a', 'b'), total: 4 }, key);
    expect(first).toMatchObject({ status: 'ready', page: 1, total: 4 });
    expect(hasMore(first, 2)).toBe(true);
    // Something was added meanwhile: b moved to page 2.
    const second = withPage(first, 2, { items: items('b', 'c'), total: 5 }, key);
    expect(second.items.map(key)).toEqual(['a', 'b', 'c']);
    expect(hasMore(second, 2)).toBe(true);
    const third = withPage(second, 3, { items: items('d', 'e'), total: 5 }, key);
    expect(third.items.map(key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(hasMore(third, 2)).toBe(false);
    expect(withPage(third, 1, { items: items('z'), total: 1 }, key).items.map(key)).toEqual(['z']);
  });

  it('has nothing more while loading or when empty', () => {
    expect(hasMore(initialPaged(), 20)).toBe(false);
    expect(hasMore(withPage(initialPaged<{ id: string }>(), 1, { items: [], total: 0 }, key), 20)).toBe(false);
  });
});
