/**
 * Reading a check-in token from whatever carries it: the `scene` a mini program code opens the
 * check-in page with, the `path` or `result` of `Taro.scanCode`, the URL of the local QR code, or
 * a token typed or pasted by hand. The server checks the token itself; this only finds it.
 */

/** Same shape as the contract's checkinTokenSchema: `<activityId>.<slot>.<mac>`, at most 32 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+\.[0-9a-z]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 32;

function decodeOnce(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A token as it is, or null. */
export function asToken(value: string): string | null {
  const token = value.trim();
  return token.length <= MAX_TOKEN_LENGTH && TOKEN_PATTERN.test(token) ? token : null;
}

/**
 * The token in a page's `scene` parameter. WeChat hands the scene over URL-encoded (and some
 * routes encode it twice), so it is decoded until it stops changing.
 */
export function tokenFromScene(scene: string | null | undefined): string | null {
  if (!scene) return null;
  let value = scene;
  for (let i = 0; i < 3; i++) {
    const decoded = decodeOnce(value);
    if (decoded === value) break;
    value = decoded;
  }
  return asToken(value);
}

/** The `scene=` parameter anywhere in a path or URL (before or after a `#`). */
function sceneParam(text: string): string | null {
  const match = /(?:^|[?&#])scene=([^&#]*)/.exec(text);
  return match ? (match[1] ?? null) : null;
}

/**
 * The token in any text a member may bring: a scanned path (`pages/checkin/index?scene=…`), a full
 * URL (`http://…/#/pages/checkin/index?scene=…`), or the bare token.
 */
export function tokenFromText(text: string | null | undefined): string | null {
  if (!text) return null;
  const scene = sceneParam(text.trim());
  if (scene !== null) return tokenFromScene(scene);
  return tokenFromScene(text.trim());
}

/** What `Taro.scanCode` answers with; only the fields used here. */
export interface ScanResult {
  path?: string;
  result?: string;
}

/**
 * The token in a scan. Scanning this mini program's own code gives `path`; a plain QR code (the
 * local runtime draws one of the H5 page) gives its text in `result`.
 */
export function tokenFromScan(scan: ScanResult): string | null {
  return tokenFromText(scan.path) ?? tokenFromText(scan.result);
}
