import QRCode from 'qrcode';
import cloud from 'wx-server-sdk';

/** WeChat's own rule for a mini program code scene, enforced locally too so bad scenes fail here first. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export interface OpenApiOptions {
  /** Where the H5 build is served, so a local QR code opens the same page a mini program code would. */
  publicUrl: () => string;
}

function unsupported(path: string): never {
  throw new Error(`cloud.openapi.${path} is not available in the local runtime`);
}

/** A proxy that fails loudly for any openapi the local runtime does not stand in for. */
function strict<T extends object>(path: string, known: T): T {
  return new Proxy(known, {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (key in target) return target[key as keyof T];
      return unsupported(`${path}.${key}`);
    },
  });
}

/**
 * Locally, `cloud.openapi` cannot reach WeChat. `wxacode.getUnlimited` draws a standard QR code of
 * the H5 page the mini program code would open (`#/<page>?scene=<scene>`), with WeChat's scene rules.
 */
export function installOpenApiSeam(options: OpenApiOptions): void {
  const openapi = strict('', {
    subscribeMessage: strict('subscribeMessage', {
      /** Recorded in the `outbox` collection, where tests and developers can read what was sent. */
      async send(message: { touser?: unknown; templateId?: unknown; page?: unknown; data?: unknown }) {
        if (typeof message.touser !== 'string' || typeof message.templateId !== 'string' || !message.data) {
          throw Object.assign(new Error('openapi.subscribeMessage.send:fail invalid message'), { errCode: 40003 });
        }
        await cloud
          .database()
          .collection('outbox')
          .add({ data: { kind: 'subscribeMessage', ...message, sentAt: new Date() } });
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
    }),
    wxacode: strict('wxacode', {
      async getUnlimited(params: { scene?: unknown; page?: unknown; width?: unknown }) {
        const { scene, page } = params;
        if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) {
          throw Object.assign(new Error('openapi.wxacode.getUnlimited:fail invalid scene'), { errCode: 41030 });
        }
        if (typeof page !== 'string' || page.startsWith('/')) {
          throw Object.assign(new Error('openapi.wxacode.getUnlimited:fail invalid page'), { errCode: 41030 });
        }
        const url = `${options.publicUrl()}/#/${page}?scene=${encodeURIComponent(scene)}`;
        const width = typeof params.width === 'number' ? params.width : 430;
        const buffer = await QRCode.toBuffer(url, { type: 'png', margin: 2, width, errorCorrectionLevel: 'M' });
        return { errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/png', buffer };
      },
    }),
  });
  (cloud as unknown as { openapi: unknown }).openapi = openapi;
}
