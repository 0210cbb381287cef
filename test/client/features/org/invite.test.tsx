import { act, fireEvent, render, screen } from '@testing-library/react';
import { InviteView } from '@/features/org';
import { setToken } from '@/services/token';
import { mockFetch } from '../../helpers';
import Taro from '../../mocks/taro';

const invite = {
  code: 'ABCD2345',
  memberId: 'm-14',
  memberName: '朱光明',
  expiresAt: '2025-01-08T06:05:00.000Z',
  qrImage: 'data:image/png;base64,iVBORw0KGgo=',
};

beforeEach(() => setToken('tok-wang'));

describe('邀请绑定', () => {
  it('shows the code in two groups, the QR code and when it expires (Beijing time)', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: invite } }));
    render(<InviteView memberId="m-14" />);
    expect(await screen.findByText('ABCD 2345')).toBeInTheDocument();
    expect(screen.getByText('邀请 朱光明 绑定微信')).toBeInTheDocument();
    expect(screen.getByLabelText('邀请二维码')).toHaveAttribute('src', invite.qrImage);
    expect(screen.getByText('有效期至 2025年1月8日 14:05')).toBeInTheDocument();
    expect(sent[0]?.body).toEqual({ action: 'createInvite', data: { memberId: 'm-14' } });
  });

  it('copies the bare code, and makes a new one on 重新生成', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: invite } }));
    render(<InviteView memberId="m-14" />);
    await screen.findByText('ABCD 2345');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '复制邀请码' })));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'ABCD2345' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新生成' })));
    expect(sent).toHaveLength(2);
  });

  it('still gives the code when the QR code could not be drawn', async () => {
    mockFetch(() => ({ body: { ok: true, data: { ...invite, qrImage: null } } }));
    render(<InviteView memberId="m-14" />);
    expect(await screen.findByText('二维码暂时无法生成，请使用下方邀请码')).toBeInTheDocument();
    expect(screen.getByText('ABCD 2345')).toBeInTheDocument();
  });

  it('says why when no invite can be made (already bound)', async () => {
    mockFetch(() => ({
      body: { ok: false, code: 'FAILED_PRECONDITION', message: '该党员已绑定微信；如需换绑，请先解除绑定' },
    }));
    render(<InviteView memberId="m-14" />);
    expect(await screen.findByText('该党员已绑定微信；如需换绑，请先解除绑定')).toBeInTheDocument();
  });
});
