import { callFunction, setUnauthenticatedHandler } from '@/services';
import { getToken, setToken } from '@/services/token';
import { mockFetch, wangJianguo } from '../helpers';

describe('callFunction', () => {
  afterEach(() => setUnauthenticatedHandler(() => undefined));

  it('leaves data out of the event when the action takes none', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: wangJianguo } }));
    const result = await callFunction('member', 'login');
    expect(sent[0]?.body).toEqual({ action: 'login' });
    expect(result.ok && result.data.name).toBe('王建国');
  });

  it('on UNAUTHENTICATED hands over to the sign-in handler and keeps the token (binding needs it)', async () => {
    setToken('unbound-wechat-user');
    const handler = jest.fn();
    setUnauthenticatedHandler(handler);
    mockFetch(() => ({ body: { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' } }));

    const result = await callFunction('member', 'me');

    expect(result).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(getToken()).toBe('unbound-wechat-user');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not call the sign-in handler for other failures', async () => {
    setToken('good');
    const handler = jest.fn();
    setUnauthenticatedHandler(handler);
    mockFetch(() => ({ body: { ok: false, code: 'FORBIDDEN', message: '没有权限' } }));

    await callFunction('member', 'me');

    expect(handler).not.toHaveBeenCalled();
    expect(getToken()).toBe('good');
  });
});

describe('callFunction across a sign-in', () => {
  afterEach(() => setUnauthenticatedHandler(() => undefined));

  it('ignores an UNAUTHENTICATED answer to a call sent before the member signed in', async () => {
    const handler = jest.fn();
    setUnauthenticatedHandler(handler);
    let answer: (value: unknown) => void = () => undefined;
    globalThis.fetch = jest.fn(() => new Promise((resolve) => (answer = resolve))) as unknown as typeof fetch;

    const pending = callFunction('member', 'login');
    setToken('fresh');
    answer({ status: 200, json: async () => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }) });
    await pending;

    expect(getToken()).toBe('fresh');
    expect(handler).not.toHaveBeenCalled();
  });
});
