import { z } from 'zod';
import { activityContract, zhErrorMap } from '@zhibu/types';

describe('Chinese validation messages', () => {
  it('names an activity type by its Chinese name, never by the English value', () => {
    const result = activityContract.create.input.safeParse(
      {
        title: '十一月主题党日',
        type: 'meeting',
        startAt: '2026-11-25T15:00:00+08:00',
        endAt: '2026-11-25T16:00:00+08:00',
        place: '会议室',
      },
      { errorMap: zhErrorMap },
    );
    expect(result.success).toBe(false);
    const message = result.success ? '' : result.error.issues.map((i) => i.message).join(' ');
    expect(message).toContain('支部党员大会');
    expect(message).toContain('主题党日');
    expect(message).not.toMatch(/[a-z]{3,}/);
  });

  it('says only that the choice is not offered when a value has no Chinese name', () => {
    const result = z.enum(['alpha', 'beta']).safeParse('gamma', { errorMap: zhErrorMap });
    expect(result.success ? '' : result.error.issues[0]?.message).toBe('不是可选的选项');
  });

  it('lists values that are Chinese already as they are', () => {
    const result = z.enum(['正式党员', '预备党员']).safeParse('x', { errorMap: zhErrorMap });
    expect(result.success ? '' : result.error.issues[0]?.message).toBe('应为以下之一：正式党员、预备党员');
  });
});
