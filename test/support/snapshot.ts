import cloud from 'wx-server-sdk';
import { COLLECTIONS } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';

/** Every document of every declared collection, by collection, in `_id` order. */
export type DatabaseSnapshot = Record<string, unknown[]>;

const PAGE = 1000;

/**
 * Reads the whole database through the real SDK, page by page. `except` leaves out collections a
 * refused call may legitimately write (the failure limiter's `rateLimits`, say).
 */
export async function snapshotDatabase(except: readonly string[] = []): Promise<DatabaseSnapshot> {
  const db = cloud.database();
  const out: DatabaseSnapshot = {};
  for (const name of Object.values(COLLECTIONS)) {
    if (except.includes(name)) continue;
    const docs: unknown[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const { data } = (await db.collection(name).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()) as {
        data: unknown[];
      };
      docs.push(...data);
      if (data.length < PAGE) break;
    }
    out[name] = docs;
  }
  return out;
}

/** What a call did to the database: how many documents it wrote, counted by the engine itself. */
export async function writesOf<T>(
  runtime: LocalRuntime,
  call: () => Promise<T>,
): Promise<{ result: T; writes: number }> {
  const before = runtime.engine.totalChanges();
  const result = await call();
  return { result, writes: runtime.engine.totalChanges() - before };
}

/**
 * Runs a call and asserts that the database holds exactly what it held before, document for
 * document, apart from the collections in `except`. Slower than counting writes; for the cases
 * where a refused call may count a failure and must change nothing else.
 */
export async function expectDatabaseUnchanged<T>(call: () => Promise<T>, except: readonly string[] = []): Promise<T> {
  const before = await snapshotDatabase(except);
  const result = await call();
  expect(await snapshotDatabase(except)).toEqual(before);
  return result;
}
