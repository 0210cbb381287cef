import { fireEvent, render, screen } from '@testing-library/react';
import { ActivityForm } from '@/features/activity/manage/ActivityForm';
import { countNearLimit, emptyForm, withStart } from '@/features/activity/form';
import { mockFetch } from '../../helpers';

const member = { branchId: 'b-1', roles: ['member', 'secretary'] as const };

function renderForm() {
  mockFetch(() => ({ body: { ok: true, data: { items: [], total: 0 } } }));
  const onSubmit = jest.fn(async () => null);
  render(<ActivityForm editing={null} member={{ ...member, roles: [...member.roles] }} onSubmit={onSubmit} />);
  return { onSubmit };
}

const time = (label: string) => screen.getByLabelText(`${label}-time`);

describe('the activity form checks as the secretary types', () => {
  it('shows the count once the title nears its 60 characters, red at the limit', () => {
    renderForm();
    const title = screen.getByLabelText('活动名称');
    fireEvent.change(title, { target: { value: '党'.repeat(40) } });
    expect(screen.queryByText('40/60')).not.toBeInTheDocument();
    fireEvent.change(title, { target: { value: '党'.repeat(50) } });
    expect(screen.getByText('50/60')).toBeInTheDocument();
    fireEvent.change(title, { target: { value: '党'.repeat(60) } });
    expect(screen.getByText('60/60')).toHaveClass('act-form__count--full');
  });

  it('warns at once when the end is put before the start, and clears it when fixed', () => {
    renderForm();
    fireEvent.change(time('开始'), { target: { value: '15:00' } });
    fireEvent.change(time('结束'), { target: { value: '14:00' } });
    expect(screen.getByText('结束时间应晚于开始时间')).toBeInTheDocument();
    fireEvent.change(time('结束'), { target: { value: '16:00' } });
    expect(screen.queryByText('结束时间应晚于开始时间')).not.toBeInTheDocument();
  });

  it('moves the end with the start when the start passes it, keeping the length', () => {
    renderForm();
    fireEvent.change(time('开始'), { target: { value: '15:00' } });
    fireEvent.change(time('结束'), { target: { value: '16:30' } });
    fireEvent.change(time('开始'), { target: { value: '17:00' } });
    expect(time('结束')).toHaveValue('18:30');
    expect(screen.queryByText('结束时间应晚于开始时间')).not.toBeInTheDocument();
    // Within the one day of the form.
    expect(withStart({ ...emptyForm(), startTime: '20:00', endTime: '21:00' }, '23:30').endTime).toBe('23:59');
  });

  it('on submit shows every field’s problem at once, beside its field, and sends nothing', () => {
    const { onSubmit } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '发布活动' }));
    expect(screen.getByText('请填写活动名称（至少 2 个字）')).toBeInTheDocument();
    expect(screen.getByText('请填写活动地点')).toBeInTheDocument();
    expect(screen.getByText('请按提示修改 2 处后再提交')).toBeInTheDocument();
    // Each problem once.
    expect(screen.getAllByText('请填写活动地点')).toHaveLength(1);
    expect(onSubmit).not.toHaveBeenCalled();
    // And it follows the typing from then on.
    fireEvent.change(screen.getByLabelText('地点'), { target: { value: '三楼会议室' } });
    expect(screen.queryByText('请填写活动地点')).not.toBeInTheDocument();
  });

  it('counts as the server does', () => {
    expect(countNearLimit('a'.repeat(47), 60)).toBeNull();
    expect(countNearLimit('a'.repeat(48), 60)).toBe('48/60');
  });
});
