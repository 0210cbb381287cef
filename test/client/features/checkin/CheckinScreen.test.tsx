import { render, screen } from '@testing-library/react';
import { CheckinScreen } from '@/features/checkin';
import { setToken } from '@/services/token';
import { mockFetch } from '../../helpers';

const TOKEN = 'aK3x9QmZ2p.1q2w3e.AbC-dEf_1234';

beforeEach(() => setToken('tok-liu'));

describe('the check-in page', () => {
  it('checks in as soon as it opens with a scene, and says so in large type', async () => {
    const { sent } = mockFetch(() => ({
      body: {
        ok: true,
        data: {
          activityId: 'a1',
          title: '11月主题党日',
          checkedInAt: '2026-11-25T07:03:00.000Z',
          alreadyCheckedIn: false,
        },
      },
    }));
    render(<CheckinScreen scene={encodeURIComponent(TOKEN)} />);
    expect(screen.getByText('正在签到…')).toBeInTheDocument();
    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText('11月主题党日')).toBeInTheDocument();
    expect(screen.getByText('签到时间 11月25日 15:03')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: '/api/fn/activity', body: { action: 'checkin', data: { token: TOKEN } } });
  });

  it('a second scan shows 已签到 with the first time', async () => {
    mockFetch(() => ({
      body: {
        ok: true,
        data: {
          activityId: 'a1',
          title: '11月主题党日',
          checkedInAt: '2026-11-25T07:01:00.000Z',
          alreadyCheckedIn: true,
        },
      },
    }));
    render(<CheckinScreen scene={TOKEN} />);
    expect(await screen.findByText('您已签到')).toBeInTheDocument();
    expect(screen.getByText('签到时间 11月25日 15:01')).toBeInTheDocument();
  });

  it('shows the exact reason when refused, without saying the title twice', async () => {
    mockFetch(() => ({
      body: { ok: false, code: 'FAILED_PRECONDITION', message: '签到码已过期，请扫描屏幕上最新的二维码' },
    }));
    render(<CheckinScreen scene={TOKEN} />);
    expect(await screen.findByText('签到码已过期')).toBeInTheDocument();
    expect(screen.getByText('请扫描屏幕上最新的二维码')).toBeInTheDocument();
    expect(screen.getAllByText(/签到码已过期/)).toHaveLength(1);
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('says 不在应到名单 for a member who is not expected', async () => {
    mockFetch(() => ({
      body: { ok: false, code: 'FORBIDDEN', message: '您不在本次活动的应到名单中，如有疑问请联系支部书记' },
    }));
    render(<CheckinScreen scene={TOKEN} />);
    expect(await screen.findByText('不在应到名单')).toBeInTheDocument();
  });

  it('does not ask the server about a scene that is no token', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: {} } }));
    render(<CheckinScreen scene="hello" />);
    expect(await screen.findByText('签到码无效')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('without a scene, asks for the code (H5: paste the link)', () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: {} } }));
    render(<CheckinScreen scene={undefined} />);
    expect(screen.getByText('活动签到')).toBeInTheDocument();
    expect(screen.getByPlaceholderText('粘贴签到链接或签到码')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
