import type { UserConfigExport } from '@tarojs/cli';

/** Where `dev:h5` forwards `/api` calls: the local runtime's HTTP server (`npm run serve`, port 10086). */
const apiServer = process.env.ZHIBU_API_SERVER ?? 'http://127.0.0.1:10086';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10087,
      proxy: [{ context: ['/api'], target: apiServer, changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
