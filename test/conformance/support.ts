import { type Engine, type SeamStats, installDatabaseSeam, openEngine } from '../../emulator/db';

/**
 * The conformance suite drives the real wx-server-sdk. Its own typings declare most calls as
 * `Promise<T> | void | string`, which no test can use, so SDK values are untyped here and every
 * result a test relies on is checked at runtime by its assertions.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
export type SdkValue = any;

export interface Sdk {
  cloud: SdkValue;
  db: SdkValue;
  _: SdkValue;
  $: SdkValue;
}

export interface Harness {
  engine: Engine;
  stats: SeamStats;
}

/**
 * Installs the seam on a fresh in-memory engine and returns the SDK as function code sees it.
 * Call once per test file (jest gives each file its own module registry); use {@link freshEngine}
 * in beforeEach to isolate tests.
 */
export function loadSdk(): Sdk {
  installDatabaseSeam(openEngine({ dir: null }));
  const cloud: SdkValue = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const db: SdkValue = cloud.database();
  return { cloud, db, _: db.command, $: db.command.aggregate };
}

/**
 * Swaps a new empty engine in behind the seam, with the given collections created (as on
 * CloudBase, any other collection is refused); close it after the test.
 */
export function freshEngine(collections: readonly string[]): Harness {
  const engine = openEngine({ dir: null, collections });
  const stats = installDatabaseSeam(engine);
  stats.reset();
  return { engine, stats };
}

/** Adds documents one by one through the SDK, as function code would. */
export async function seed(db: SdkValue, collection: string, docs: readonly Record<string, unknown>[]): Promise<void> {
  for (const data of docs) await db.collection(collection).add({ data });
}

/** The `_id`s of a result's documents, for order-sensitive comparisons. */
export function ids(result: { data: readonly { _id: unknown }[] }): unknown[] {
  return result.data.map((doc) => doc._id);
}

/** The `_id`s of a result's documents, sorted, for order-insensitive comparisons. */
export function idSet(result: { data: readonly { _id: unknown }[] }): string[] {
  return result.data.map((doc) => String(doc._id)).sort();
}

/** The rejection of a promise that must reject. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { errCode?: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to reject, but it resolved');
}
