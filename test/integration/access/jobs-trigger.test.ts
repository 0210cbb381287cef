import config from '../../../cloudfunctions/jobs/config.json';
import { triggerNames } from '../../../cloudfunctions/core/jobs/jobs.handlers';
import type { LocalRuntime } from '../../../emulator/runtime';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime.close());

const ranHourly = (result: unknown) =>
  !!result && typeof result === 'object' && 'recount' in result && 'reminders' in result;

describe('the timer entry of jobs', () => {
  it('answers the trigger config.json declares', () => {
    expect(triggerNames(config)).toEqual(['hourly']);
  });

  it('runs for a real timer trigger: its declared name and no user behind it', async () => {
    const result = await runtime.invoke(
      'jobs',
      { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString(), Message: '' },
      { openid: null },
    );
    expect(ranHourly(result)).toBe(true);
  });

  it.each([
    ['without a trigger name', { Type: 'Timer' }],
    ['with a trigger name it does not declare', { Type: 'Timer', TriggerName: 'nightly' }],
    ['with a user source in the event', { Type: 'Timer', TriggerName: 'hourly', userInfo: { openId: 'wx_someone' } }],
    ['with the type spelt otherwise', { Type: 'timer', TriggerName: 'hourly' }],
  ])('does not run %s: it is an ordinary call and is refused as one', async (_name, event) => {
    const result = await runtime.invoke('jobs', event, { openid: null });
    expect(ranHourly(result)).toBe(false);
    expect(result).toMatchObject({ ok: false });
  });

  it('a WeChat user sending the timer event goes the authenticated path', async () => {
    const asMember = await runtime.invoke(
      'jobs',
      { Type: 'Timer', TriggerName: 'hourly', action: 'recount', data: { months: ['2026-11'] } },
      { openid: DEMO.memberA.openid },
    );
    expect(asMember).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const asAdmin = await runtime.invoke(
      'jobs',
      { Type: 'Timer', TriggerName: 'hourly', action: 'recount', data: { months: ['2026-11'] } },
      { openid: DEMO.admin.openid },
    );
    expect(asAdmin).toMatchObject({ ok: true, data: { months: ['2026-11'] } });
  });
});
