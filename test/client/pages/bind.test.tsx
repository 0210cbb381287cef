import { act, fireEvent, render, screen } from '@testing-library/react';
import { resetSession } from '@/features/member/session';
import BindPage from '@/pages/bind/index';
import { mockFetch, wangJianguo } from '../helpers';
import Taro, { taroMock } from '../mocks/taro';

beforeEach(() => resetSession());

describe('尚未绑定 (mini program)', () => {
  it('says plainly what to do, with no form to fill', () => {
    render(<BindPage />);
    expect(screen.getByText('尚未绑定党员身份')).toBeInTheDocument();
    expect(screen.getByText(/请联系支部书记获取邀请码/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('hides the home button, which would only lead back here', () => {
    render(<BindPage />);
    taroMock.fire('didShow');
    expect(Taro.hideHomeButton).toHaveBeenCalled();
  });

  it('says so when the member is still not bound', async () => {
    mockFetch(() => ({ body: { ok: false, code: 'UNAUTHENTICATED', message: '请先绑定' } }));
    render(<BindPage />);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新检查' })));

    expect(screen.getByText(/仍未查到绑定信息/)).toBeInTheDocument();
  });

  it('enters 首页 once the member has been bound', async () => {
    mockFetch(() => ({ body: { ok: true, data: wangJianguo } }));
    render(<BindPage />);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新检查' })));

    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
});
