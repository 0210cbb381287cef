import { cloudTransport } from '@/services/cloudTransport';
import Taro from '../mocks/taro';

const callFunction = Taro.cloud.callFunction;

describe('mini program transport', () => {
  it('calls the cloud function with { action, data } and returns its result', async () => {
    callFunction.mockResolvedValue({
      result: { ok: true, data: { memberId: 'm-1' } },
      errMsg: 'cloud.callFunction:ok',
    });

    const result = await cloudTransport('member', { action: 'me', data: { x: 1 } });

    expect(result).toEqual({ ok: true, data: { memberId: 'm-1' } });
    expect(callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'me', data: { x: 1 } } });
  });

  it('passes a failure Result through unchanged', async () => {
    callFunction.mockResolvedValue({ result: { ok: false, code: 'NOT_FOUND', message: '活动不存在' } });
    await expect(cloudTransport('activity', { action: 'get' })).resolves.toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '活动不存在',
    });
  });

  it.each([
    [
      'a timeout',
      { errCode: -504003, errMsg: 'cloud.callFunction:fail Invoking task timed out after 3 seconds' },
      '请求超时，请稍后重试',
    ],
    [
      'a crashed function',
      { errCode: -504002, errMsg: 'cloud.callFunction:fail -504002 functions execute fail' },
      '服务暂时不可用，请稍后重试',
    ],
    ['no network', { errMsg: 'cloud.callFunction:fail request:fail' }, '网络不可用，请检查网络后重试'],
    ['a thrown Error', new Error('boom'), '网络不可用，请检查网络后重试'],
  ])('turns %s into an INTERNAL failure value', async (_name, error, message) => {
    callFunction.mockRejectedValue(error);
    await expect(cloudTransport('member', { action: 'login' })).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message,
    });
  });

  it('treats a function that returned nothing as unavailable', async () => {
    callFunction.mockResolvedValue({ result: undefined });
    await expect(cloudTransport('member', { action: 'login' })).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '服务暂时不可用，请稍后重试',
    });
  });
});
