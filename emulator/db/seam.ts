import { dirname } from 'node:path';
import type { Engine } from './engine';
import { EngineError } from './errors';

/**
 * The transport seam. wx-server-sdk builds every database request with the real query builder of
 * @cloudbase/database and sends it through `new Db.reqClass(config).send(action, data)`, where
 * each `cloud.database()` sets `Db.reqClass` from the `TcbDBApiHttpRequester` export of
 * @cloudbase/node-sdk. Replacing that export (and the current `Db.reqClass`) with a class that
 * answers from the embedded engine is the whole seam: everything above it is production code.
 */

export interface SeamStats {
  /** Requests that reached the seam since the last reset. */
  calls: number;
  byAction: Record<string, number>;
  reset(): void;
}

interface RequesterModule {
  TcbDBApiHttpRequester: unknown;
}
interface DatabaseModule {
  Db: { reqClass: unknown };
}
/** @cloudbase/node-sdk's cloud-metadata lookups: `cloud.init()` probes a metadata host over HTTP. */
interface MetadataModule {
  lookupAppId: () => Promise<string>;
  lookupCredentials: (ruleName: string) => Promise<unknown>;
}

interface Patched {
  requester: RequesterModule;
  database: DatabaseModule;
  metadata: MetadataModule;
  originals: {
    requester: unknown;
    lookupAppId: MetadataModule['lookupAppId'];
    lookupCredentials: MetadataModule['lookupCredentials'];
  };
}

let engine: Engine | null = null;
let patched: Patched | null = null;

const stats: SeamStats = {
  calls: 0,
  byAction: {},
  reset() {
    stats.calls = 0;
    stats.byAction = {};
  },
};

class LocalDatabaseRequester {
  // The SDK passes its config (env, credentials); nothing in it matters locally.
  constructor(_config?: unknown) {}

  async send(action: string, data?: unknown): Promise<unknown> {
    stats.calls += 1;
    stats.byAction[action] = (stats.byAction[action] ?? 0) + 1;
    if (engine === null) throw new EngineError('LOCAL_RUNTIME_CLOSED', 'the local database seam is not installed');
    return engine.handle(action, data);
  }
}

/**
 * Loads the SDK's internals from where wx-server-sdk resolves them, not from wherever this file
 * lives. Plain `require` on purpose: the seam must patch the very module instances wx-server-sdk
 * uses, and under jest (one module registry per test file) only `require` reaches those.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
function loadSdkModules(): Omit<Patched, 'originals'> {
  const fromWx = { paths: [dirname(require.resolve('wx-server-sdk'))] };
  const nodeSdkDir = dirname(require.resolve('@cloudbase/node-sdk/package.json', fromWx));
  const fromNodeSdk = { paths: [nodeSdkDir] };
  return {
    requester: require(require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester', fromWx)) as RequesterModule,
    metadata: require(require.resolve('@cloudbase/node-sdk/dist/utils/metadata', fromWx)) as MetadataModule,
    database: require(require.resolve('@cloudbase/database', fromNodeSdk)) as DatabaseModule,
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

const offline = (what: string): EngineError =>
  new EngineError(
    'LOCAL_RUNTIME_UNSUPPORTED',
    `${what} is disabled locally: the local runtime never reaches the network`,
  );

/**
 * Routes every wx-server-sdk database request to `engine`. Call it before any cloud-function
 * module is loaded (their `cloud.init()` would otherwise probe the network). A second call swaps
 * the engine and keeps the same stats object.
 */
export function installDatabaseSeam(next: Engine): SeamStats {
  engine = next;
  if (patched === null) {
    const modules = loadSdkModules();
    patched = {
      ...modules,
      originals: {
        requester: modules.requester.TcbDBApiHttpRequester,
        lookupAppId: modules.metadata.lookupAppId,
        lookupCredentials: modules.metadata.lookupCredentials,
      },
    };
    modules.requester.TcbDBApiHttpRequester = LocalDatabaseRequester;
    modules.database.Db.reqClass = LocalDatabaseRequester;
    // Answering "not on Tencent Cloud" skips the probe; credentials are never needed locally.
    modules.metadata.lookupAppId = async () => '';
    modules.metadata.lookupCredentials = async () => {
      throw offline('the cloud credentials lookup');
    };
  }
  return stats;
}

/** Restores the SDK's own transport. Requests sent after this go to the network again. */
export function uninstallDatabaseSeam(): void {
  engine = null;
  if (patched === null) return;
  const { requester, database, metadata, originals } = patched;
  requester.TcbDBApiHttpRequester = originals.requester;
  if (database.Db.reqClass === LocalDatabaseRequester) database.Db.reqClass = originals.requester;
  metadata.lookupAppId = originals.lookupAppId;
  metadata.lookupCredentials = originals.lookupCredentials;
  patched = null;
}
