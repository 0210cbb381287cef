import { httpTransport } from '@/services/httpTransport';
import { setToken } from '@/services/token';
import { mockFetch } from '../helpers';

describe('H5 transport', () => {
  it('posts the event to /api/fn/<name> with the bearer token and returns the Result as sent', async () => {
    setToken('tok-1');
    const { sent } = mockFetch(() => ({ body: { ok: true, data: { name: '王建国' } } }));

    const result = await httpTransport('member', { action: 'login' });

    expect(result).toEqual({ ok: true, data: { name: '王建国' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      url: '/api/fn/member',
      method: 'POST',
      body: { action: 'login' },
      headers: { Authorization: 'Bearer tok-1', 'Content-Type': 'application/json' },
    });
  });

  it('sends no Authorization header without a token', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' } }));
    await httpTransport('member', { action: 'login' });
    expect(sent[0]?.headers.Authorization).toBeUndefined();
  });

  it('passes a failure Result through unchanged', async () => {
    mockFetch(() => ({ body: { ok: false, code: 'FORBIDDEN', message: '只有支部书记可以发布活动' } }));
    await expect(httpTransport('activity', { action: 'create', data: {} })).resolves.toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有支部书记可以发布活动',
    });
  });

  it('fills in a member-facing message when the failure has none', async () => {
    mockFetch(() => ({ body: { ok: false, code: 'RATE_LIMITED', message: '' } }));
    await expect(httpTransport('member', { action: 'login' })).resolves.toEqual({
      ok: false,
      code: 'RATE_LIMITED',
      message: '操作太频繁，请稍后再试',
    });
  });

  it('turns a network error into an INTERNAL failure value', async () => {
    globalThis.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch;
    await expect(httpTransport('member', { action: 'login' })).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '网络不可用，请检查网络后重试',
    });
  });

  it('gives up after 15 seconds with a timeout message', async () => {
    jest.useFakeTimers();
    try {
      globalThis.fetch = jest.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => {
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ) as unknown as typeof fetch;
      const pending = httpTransport('member', { action: 'login' });
      jest.advanceTimersByTime(15_000);
      await expect(pending).resolves.toEqual({ ok: false, code: 'INTERNAL', message: '请求超时，请稍后重试' });
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    ['a 404 without a Result', { status: 404, rawBody: 'Not Found' }],
    ['a 200 that is not a Result', { status: 200, body: { hello: 'world' } }],
    ['a body that is not JSON', { status: 200, rawBody: '<html>' }],
    ['an unknown error code', { status: 200, body: { ok: false, code: 'TEAPOT', message: 'x' } }],
    ['a success Result on an error status', { status: 500, body: { ok: true, data: 1 } }],
  ])('turns %s into INTERNAL 服务暂时不可用', async (_name, answer) => {
    mockFetch(() => answer);
    await expect(httpTransport('member', { action: 'login' })).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('keeps a failure Result the server sent with an error status', async () => {
    mockFetch(() => ({ status: 413, body: { ok: false, code: 'INVALID_ARGUMENT', message: '内容过大' } }));
    await expect(httpTransport('member', { action: 'login' })).resolves.toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '内容过大',
    });
  });
});
