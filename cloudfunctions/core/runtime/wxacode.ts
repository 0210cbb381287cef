import { cloud } from './cloud';

/** What WeChat accepts as a mini program code's scene: at most 32 visible characters of this set. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function isValidScene(scene: string): boolean {
  return SCENE_PATTERN.test(scene);
}

interface WxacodeResult {
  contentType?: string;
  buffer: Buffer;
}
interface OpenApi {
  wxacode: { getUnlimited(options: Record<string, unknown>): Promise<WxacodeResult> };
}

/**
 * A mini program code that opens `page` with `scene`, as a data URL. In production WeChat draws it
 * (the function needs the `wxacode.getUnlimited` openapi permission in its config.json); the local
 * runtime draws a QR code of the H5 page behind the same call. A failure leaves the caller with
 * the text form (invite code, check-in token), so it is logged and answered with null.
 */
export async function miniProgramCode(page: string, scene: string): Promise<string | null> {
  if (!isValidScene(scene)) throw new Error(`scene is not a valid mini program code scene: ${scene}`);
  try {
    const openapi = cloud.openapi as unknown as OpenApi;
    const result = await openapi.wxacode.getUnlimited({ page, scene, checkPath: false, width: 430 });
    return `data:${result.contentType ?? 'image/png'};base64,${Buffer.from(result.buffer).toString('base64')}`;
  } catch (error) {
    console.error('[wxacode] getUnlimited failed', error);
    return null;
  }
}
