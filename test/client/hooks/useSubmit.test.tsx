import { act, renderHook } from '@testing-library/react';
import { useSubmit } from '@/hooks/useSubmit';
import Taro from '../mocks/taro';

describe('useSubmit', () => {
  it('says a refusal once, under the form, and not in a toast as well', async () => {
    const { result } = renderHook(() => useSubmit());
    let answer: unknown = 'unset';
    await act(async () => {
      answer = await result.current.submit(null, async () => ({
        ok: false as const,
        code: 'CONFLICT' as const,
        message: '该身份证号已在本支部登记',
      }));
    });
    expect(answer).toBeNull();
    expect(result.current.problem).toBe('该身份证号已在本支部登记');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('sends nothing while the phone already sees a problem', async () => {
    const send = jest.fn();
    const { result } = renderHook(() => useSubmit());
    await act(async () => {
      await result.current.submit('请填写姓名', send);
    });
    expect(send).not.toHaveBeenCalled();
    expect(result.current.problem).toBe('请填写姓名');
  });
});
