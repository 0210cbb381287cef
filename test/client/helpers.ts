/** A fetch stand-in that answers each request from a handler and records what was sent. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FetchHandler = (request: SentRequest) => { status?: number; body?: unknown; rawBody?: string };

export function mockFetch(handler: FetchHandler) {
  const sent: SentRequest[] = [];
  const fetchMock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const request: SentRequest = {
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    const answer = handler(request);
    const text = answer.rawBody ?? JSON.stringify(answer.body);
    return {
      status: answer.status ?? 200,
      json: async () => JSON.parse(text) as unknown,
    };
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return { sent, fetchMock };
}

export const wangJianguo = {
  memberId: 'm-1',
  name: '王建国',
  branchId: 'b-1',
  branchName: '城关第一中学党支部',
  roles: ['member', 'secretary'],
};
