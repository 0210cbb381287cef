import { getSession, loadSession, resetSession } from '@/features/member/session';
import { mockFetch, wangJianguo } from '../helpers';

beforeEach(() => resetSession());

describe('session', () => {
  it('asks the server once however many pages want the member at the same time', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: wangJianguo } }));
    const [a, b] = await Promise.all([loadSession(), loadSession()]);
    expect(sent).toHaveLength(1);
    expect(a).toEqual({ status: 'ready', member: wangJianguo });
    expect(b).toBe(a);
  });

  it('drops an answer about the member who was signed out while it was on its way', async () => {
    let answer: (value: unknown) => void = () => undefined;
    globalThis.fetch = jest.fn(() => new Promise((resolve) => (answer = resolve))) as unknown as typeof fetch;

    const pending = loadSession();
    resetSession();
    answer({ status: 200, json: async () => ({ ok: true, data: wangJianguo }) });
    await pending;

    expect(getSession()).toEqual({ status: 'idle' });
  });
});
