import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions, FUNCTIONS_OUT_DIR, functionFolders } from '../../scripts/build-functions';
import { functionNames } from '../../emulator/functions';
import type { LocalRuntime } from '../../emulator/runtime';
import { callAs, DEMO, startTestRuntime } from '../support/runtime';

const root = path.resolve(__dirname, '../..');
const BUNDLE_BUDGET = 200 * 1024;
const pinnedSdk = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  }
).dependencies['wx-server-sdk'];

let runtime: LocalRuntime;
let sizes: Record<string, number>;

beforeAll(async () => {
  sizes = await buildFunctions(false);
  runtime = await startTestRuntime({ functionsFrom: { distDir: FUNCTIONS_OUT_DIR } });
}, 60_000);
afterAll(() => runtime.close());

describe('the deployable function bundles', () => {
  it('exist for every function the local runtime serves, and for nothing else', () => {
    expect(functionFolders()).toEqual([...functionNames].sort());
    expect(Object.keys(sizes).sort()).toEqual([...functionNames].sort());
  });

  it.each(functionFolders())('%s stays within 200 KB, wx-server-sdk excluded', (name) => {
    const bundle = fs.readFileSync(path.join(FUNCTIONS_OUT_DIR, name, 'index.js'), 'utf8');
    expect(Buffer.byteLength(bundle)).toBeLessThanOrEqual(BUNDLE_BUDGET);
    // The SDK must stay a runtime dependency, not be inlined.
    expect(bundle).toContain('require("wx-server-sdk")');
    expect(bundle).not.toContain('TcbDBApiHttpRequester');
  });

  it.each(functionFolders())('%s deploys as it is: its package.json pins the SDK the tests ran with', (name) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_OUT_DIR, name, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(manifest.main).toBe('index.js');
    expect(manifest.dependencies['wx-server-sdk']).toBe(pinnedSdk);
    for (const version of Object.values(manifest.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pinnedSdk).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the built member bundle answers through the local runtime as the sources do', async () => {
    expect(await callAs(runtime, DEMO.secretaryB.openid, 'member', 'login')).toMatchObject({
      ok: true,
      data: { name: '何玉兰', branchId: 'b-sybx', roles: ['member', 'secretary', 'committee'] },
    });
    expect(await callAs(runtime, DEMO.stranger.openid, 'member', 'login')).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });
});

describe('deployment configuration', () => {
  it('cloudbaserc.json deploys every function from the build output', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as {
      functionRoot: string;
      functions: { name: string }[];
    };
    expect(path.normalize(rc.functionRoot)).toBe(path.normalize('dist/cloudfunctions'));
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionFolders());
  });

  it('project.config.json points WeChat devtools at the weapp build and the built functions', () => {
    const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as {
      miniprogramRoot: string;
      cloudfunctionRoot: string;
    };
    expect(path.normalize(project.miniprogramRoot)).toBe(path.normalize('dist/weapp/'));
    expect(path.normalize(project.cloudfunctionRoot)).toBe(path.normalize('dist/cloudfunctions/'));
  });
});
