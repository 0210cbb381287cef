import path from 'node:path';
import cloud from 'wx-server-sdk';
import { COLLECTIONS } from '@zhibu/types';
import { installDatabaseSeam, openEngine, type Engine, type SeamStats } from './db';
import { functionLoaders, type FunctionMain } from './functions';
import { installIdentitySeam, runAs, type CallerIdentity } from './identity';
import { createIndexCheck, type IndexCheckMode } from './indexes';
import { installOpenApiSeam } from './openapi';
import { loadSecrets } from './secrets';
import { installStorageSeam, openStorage, type LocalStorage } from './storage';

export interface RuntimeOptions {
  /** Data folder for the embedded database; null keeps everything in memory (tests). */
  dataDir: string | null;
  /**
   * Where function code comes from: the TypeScript sources (default), or the bundles that are
   * deployed to CloudBase, to prove that what ships is what was tested.
   */
  functionsFrom?: 'source' | { distDir: string };
  /** The address the H5 build is served at; the HTTP server sets it once it listens. */
  publicUrl?: string;
  /**
   * Mean network latency of one database call, in ms (each call waits a random 0.5×–1.5× of it,
   * half on the way out and half on the way back). 0 still yields to the event loop. Defaults to
   * `ZHIBU_DB_LATENCY_MS`, else 0.
   */
  dbLatencyMs?: number;
  /**
   * What a query no declared index serves does (emulator/indexes.ts): `warn` on the console (the
   * default, for development), or `fail` the request (tests, so that the suite fails).
   */
  indexCheck?: IndexCheckMode;
}

export interface LocalRuntime {
  engine: Engine;
  seam: SeamStats;
  storage: LocalStorage;
  /** Queries no declared index serves, each recorded once (see emulator/indexes.ts). */
  indexWarnings: string[];
  has(name: string): boolean;
  /** Calls a function as CloudBase would for this caller; the answer is the function's own result. */
  invoke(name: string, event: unknown, identity: CallerIdentity): Promise<unknown>;
  setPublicUrl(url: string): void;
  close(): void;
}

let active: LocalRuntime | null = null;

export function latencyFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.ZHIBU_DB_LATENCY_MS;
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1000) {
    throw new Error(`ZHIBU_DB_LATENCY_MS must be a number of milliseconds from 0 to 1000, got "${raw}"`);
  }
  return value;
}

/** One leg of a round trip: a macrotask turn at least, plus jitter around half the mean latency. */
function networkLatency(meanMs: number): () => Promise<void> {
  if (meanMs <= 0) return () => new Promise((resolve) => setImmediate(resolve));
  return () => new Promise((resolve) => setTimeout(resolve, (meanMs / 2) * (0.5 + Math.random())));
}

/** One runtime per process: the seams it installs are process-wide, as the SDK's state is. */
export async function startRuntime(options: RuntimeOptions): Promise<LocalRuntime> {
  if (active) throw new Error('a local runtime is already running in this process');
  // The declared collections exist, as they are created on CloudBase before go-live; no other does.
  const opened = openEngine({ dir: options.dataDir, collections: Object.values(COLLECTIONS) });
  const indexCheck = createIndexCheck(undefined, options.indexCheck ?? 'warn');
  const latency = networkLatency(options.dbLatencyMs ?? latencyFromEnv(process.env));
  const engine: Engine = {
    ...opened,
    // On CloudBase every database call is a round trip, so other requests run between any two of
    // them; the pauses make the same interleavings happen here.
    async handle(action, data) {
      await latency();
      indexCheck.check(action, data);
      try {
        return await opened.handle(action, data);
      } finally {
        await latency();
      }
    },
    totalChanges: () => opened.totalChanges(),
    close: () => opened.close(),
  };
  const seam = installDatabaseSeam(engine);
  installIdentitySeam();
  // The runtime's own callers (seed, dev users, tests) use the SDK outside any function.
  cloud.init({ env: 'zhibu-local' });
  let publicUrl = options.publicUrl ?? 'http://127.0.0.1:10086';
  installOpenApiSeam({ publicUrl: () => publicUrl });
  const storage = openStorage(options.dataDir);
  installStorageSeam(storage, () => publicUrl);
  // In production CHECKIN_SECRET is the function's environment variable; locally it lives in the data folder.
  const secrets = loadSecrets(options.dataDir);
  process.env.CHECKIN_SECRET ??= secrets.checkin;
  process.env.RATER_SECRET ??= secrets.rater;
  process.env.SUBSCRIBE_TEMPLATE_ACTIVITY ??= 'local-activity-reminder';
  process.env.SUBSCRIBE_TEMPLATE_NOTICE ??= 'local-notice-reminder';
  process.env.SUBSCRIBE_TEMPLATE_DUES ??= 'local-dues-reminder';
  // What lets function code accept `local://` files: set here only, never on CloudBase.
  process.env.ZHIBU_LOCAL_RUNTIME = '1';

  const from = options.functionsFrom ?? 'source';
  const loaded = new Map<string, Promise<FunctionMain>>();
  const load = (name: string): Promise<FunctionMain> => {
    let main = loaded.get(name);
    if (!main) {
      const module: Promise<{ main: FunctionMain }> =
        from === 'source' ? functionLoaders[name]!() : import(path.join(from.distDir, name, 'index.js'));
      main = module.then((m) => m.main);
      loaded.set(name, main);
    }
    return main;
  };

  const runtime: LocalRuntime = {
    engine,
    seam,
    storage,
    indexWarnings: indexCheck.warnings,
    has: (name) => Object.prototype.hasOwnProperty.call(functionLoaders, name),
    async invoke(name, event, identity) {
      const main = await load(name);
      // CloudBase adds the caller to the event as `userInfo`; functions must not trust it, but it is
      // there. A platform trigger (a timer) has no caller and no `userInfo`.
      const withUser =
        identity.openid && event && typeof event === 'object' && !Array.isArray(event)
          ? { ...event, userInfo: { appId: 'wx-local-runtime', openId: identity.openid } }
          : event;
      return runAs(identity, () => main(withUser, { function_name: name }));
    },
    setPublicUrl(url) {
      publicUrl = url.replace(/\/$/, '');
    },
    close() {
      delete process.env.ZHIBU_LOCAL_RUNTIME;
      engine.close();
      active = null;
    },
  };
  active = runtime;
  return runtime;
}
