import cloud from 'wx-server-sdk';
import { loginResultSchema, myRecordSchema } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { aBranch, aMember } from '../support/factories';
import { callAs, DEMO, startTestRuntime } from '../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime.close());

describe('member.login', () => {
  it('answers who a bound WeChat user is, in the shape outside checks rely on', async () => {
    const result = await callAs(runtime, DEMO.secretaryA.openid, 'member', 'login');
    expect(result).toEqual({
      ok: true,
      data: {
        memberId: 'b-qhyz-01',
        name: '王建国',
        branchId: 'b-qhyz',
        branchName: '清河县第一中学党支部',
        roles: ['member', 'secretary', 'committee'],
      },
    });
    expect(loginResultSchema.strict().safeParse(result.ok && result.data).success).toBe(true);
  });

  it('refuses a WeChat user bound to nobody with UNAUTHENTICATED', async () => {
    const result = await callAs(runtime, DEMO.stranger.openid, 'member', 'login');
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('refuses a caller the platform could not identify', async () => {
    const result = await callAs(runtime, null, 'member', 'login');
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('ignores an identity claimed in the event', async () => {
    const result = await runtime.invoke(
      'member',
      { action: 'login', userInfo: { openId: DEMO.secretaryA.openid }, openid: DEMO.secretaryA.openid },
      { openid: DEMO.stranger.openid },
    );
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('refuses a member who has been deactivated, though their binding remains', async () => {
    const branch = await aBranch();
    const member = await aMember(branch._id, { name: '调出党员' });
    expect(await callAs(runtime, member.openid, 'member', 'login')).toMatchObject({ ok: true });
    await cloud
      .database()
      .collection('members')
      .doc(member._id)
      .update({ data: { active: false } });
    expect(await callAs(runtime, member.openid, 'member', 'login')).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('member.me', () => {
  it('gives a member their own record in full', async () => {
    const result = await callAs(runtime, DEMO.memberA.openid, 'member', 'me');
    if (!result.ok) throw new Error(result.message);
    const record = myRecordSchema.parse(result.data);
    expect(record).toMatchObject({
      memberId: DEMO.memberA.memberId,
      name: '刘洋',
      status: '正式党员',
      partyGroupName: '高一年级党小组',
      schools: ['清河县第一中学'],
    });
    expect(record.phone).toMatch(/^1\d{10}$/);
    expect(record.boundAt).not.toBeNull();
  });
});

describe('the function envelope', () => {
  const malformed: [string, unknown][] = [
    ['no action', {}],
    ['a numeric action', { action: 42 }],
    ['an unknown action', { action: 'dropDatabase' }],
    ['an array event', [{ action: 'login' }]],
    ['a string event', 'login'],
    ['null', null],
    ['data on an action that takes none', { action: 'login', data: { memberId: 'b-qhyz-02' } }],
    ['data of the wrong type', { action: 'me', data: 'me' }],
  ];

  it.each(malformed)('answers INVALID_ARGUMENT for %s and writes nothing', async (_label, event) => {
    const before = runtime.engine.totalChanges();
    const result = await runtime.invoke('member', event, { openid: DEMO.memberA.openid });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(typeof (result as { message: unknown }).message).toBe('string');
    expect(runtime.engine.totalChanges()).toBe(before);
  });

  it('speaks Chinese when data is invalid', async () => {
    const result = await callAs(runtime, DEMO.memberA.openid, 'member', 'login', { extra: 1 });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((result as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
