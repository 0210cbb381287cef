import cloud from 'wx-server-sdk';

type Database = ReturnType<typeof cloud.database>;

let db: Database | undefined;

/**
 * The database handle, created on first use. `throwOnNotFound: false` makes `doc(id).get()` on a
 * missing id answer `data: null` instead of throwing, which is what every lookup here wants.
 */
export function database(): Database {
  if (!db) {
    // The SDK's typings declare `env` as a string, but the documented way to follow the calling
    // environment is this symbol.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]);
  }
  return db;
}

export { cloud };
