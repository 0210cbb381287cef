import path from 'node:path';
import { z } from 'zod';

/** The local runtime's settings, read and checked once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(10086),
  HOST: z.string().default('127.0.0.1'),
  ZHIBU_DATA_DIR: z.string().min(1).default('.data'),
  ZHIBU_H5_DIR: z.string().min(1).default('dist/h5'),
  /** `dist` serves the deployable bundles from dist/cloudfunctions instead of the sources. */
  ZHIBU_FUNCTIONS: z.enum(['source', 'dist']).default('source'),
  ZHIBU_SEED: z.enum(['demo', 'none']).default('demo'),
  /** Mean latency of each database call in ms, to make request interleavings visible locally. */
  ZHIBU_DB_LATENCY_MS: z.coerce.number().min(0).max(1000).default(0),
  /**
   * `1` opens the development sign-in (/api/dev/*) on any address, with a warning at start; without
   * it the sign-in is open only while the server listens on a loopback address.
   */
  ZHIBU_DEV_LOGIN: z.enum(['0', '1']).default('0'),
});

export type LocalConfig = z.infer<typeof envSchema> & { root: string };

export function readConfig(env: NodeJS.ProcessEnv, root: string): LocalConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment for the local runtime: ${problems}`);
  }
  return {
    ...parsed.data,
    root,
    ZHIBU_DATA_DIR: path.resolve(root, parsed.data.ZHIBU_DATA_DIR),
    ZHIBU_H5_DIR: path.resolve(root, parsed.data.ZHIBU_H5_DIR),
  };
}
