import type { ActivityDetail } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, endedAgo } from '../../support/activities';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestServer, type TestServer } from '../../support/server';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { signToken } from '../../../emulator/server/dev-auth';

let runtime: LocalRuntime;
let fx: Fixture;
let server: TestServer;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  server = await startTestServer(runtime, '/nonexistent-h5');
});
afterAll(async () => {
  await server.close();
  runtime.close();
});

const TEXT = '支部学习了有关文件精神，并就本学期工作进行了讨论。';
const jpeg = () => Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

async function save(photos: string[], caller = 'secretaryA') {
  const activityId = await createActivity(fx, 'secretaryA', endedAgo(20));
  return fx.call<ActivityDetail>(caller, 'activity', 'saveMinutes', { activityId, text: TEXT, photos });
}

describe('minutes photos', () => {
  it('are accepted from the branch’s own folder, as the H5 upload stores them', async () => {
    const token = signToken(DEMO.secretaryA.openid, 'test-secret');
    const response = await fetch(`${server.url}/api/storage/upload?folder=minutes&group=${BRANCH_A}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${token}` },
      body: jpeg(),
    });
    const { fileID } = (await response.json()) as { fileID: string };
    expect(fileID).toMatch(new RegExp(`^local://minutes/${BRANCH_A}/[\\w-]+\\.jpg$`));
    const saved = await save([fileID]);
    expect(saved).toMatchObject({ ok: true, data: { minutes: { photos: [{ fileId: fileID }] } } });
  });

  it.each([
    ['another branch’s folder', () => runtime.storage.save(`minutes/${BRANCH_B}`, 'image/jpeg', jpeg())],
    ['the shared minutes folder', () => runtime.storage.save('minutes', 'image/jpeg', jpeg())],
    ['a path that climbs out of the folder', () => `local://minutes/${BRANCH_A}/../${BRANCH_B}/a.jpg`],
    ['a file in a sub-folder', () => `local://minutes/${BRANCH_A}/x/a.jpg`],
    ['another environment’s storage', () => `cloud://prod-other.7072-prod-other/minutes/${BRANCH_A}/a.jpg`],
    ['a cloud file outside the folder', () => 'cloud://local.7072-local/avatars/a.jpg'],
  ])('are refused from %s, and nothing is saved', async (_name, photo) => {
    const before = runtime.engine.totalChanges();
    const activityId = await createActivity(fx, 'secretaryA', endedAgo(20));
    const created = runtime.engine.totalChanges();
    expect(created).toBeGreaterThan(before);
    const result = await fx.call('secretaryA', 'activity', 'saveMinutes', {
      activityId,
      text: TEXT,
      photos: [photo()],
    });
    expectRefused(result, 'INVALID_ARGUMENT');
    expect(runtime.engine.totalChanges()).toBe(created);
  });

  it('accept a cloud file of this environment in the branch folder', async () => {
    const saved = await save([`cloud://local.7072-local-1300000000/minutes/${BRANCH_A}/m1abc-0f3e.jpg`]);
    expect(saved).toMatchObject({ ok: true });
  });

  it('refuse every local:// file outside the local runtime', async () => {
    const photo = runtime.storage.save(`minutes/${BRANCH_A}`, 'image/jpeg', jpeg());
    const marker = process.env.ZHIBU_LOCAL_RUNTIME;
    delete process.env.ZHIBU_LOCAL_RUNTIME;
    try {
      expectRefused(await save([photo]), 'INVALID_ARGUMENT');
    } finally {
      process.env.ZHIBU_LOCAL_RUNTIME = marker;
    }
    expect(await save([photo])).toMatchObject({ ok: true });
  });

  it('cannot be uploaded to a folder that climbs out of storage', async () => {
    const token = signToken(DEMO.secretaryA.openid, 'test-secret');
    for (const group of ['..', '../etc', 'a/b']) {
      const response = await fetch(
        `${server.url}/api/storage/upload?folder=minutes&group=${encodeURIComponent(group)}`,
        { method: 'POST', headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${token}` }, body: jpeg() },
      );
      expect(response.status).toBe(400);
    }
  });
});
