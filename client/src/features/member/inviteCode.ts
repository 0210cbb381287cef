/**
 * Invite codes as members type, paste and scan them. The alphabet and length repeat the contract's
 * (types/member.ts): the main package does not carry the schema library, and a client test keeps
 * the two in step.
 */
export const INVITE_CODE_LENGTH = 8;
export const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Full-width letters and digits (typed with a Chinese input method) as their ASCII selves. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * What a member typed, as the code it stands for: any case, full-width or half-width, with the
 * spaces and dashes people put in when they copy a code from a message.
 */
export function normaliseInviteCode(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\-_·—]/g, '')
    .toUpperCase();
}

/** Why a (normalised) code cannot be right, in words a member can act on; null when it may be. */
export function inviteCodeProblem(code: string): string | null {
  if (code === '') return '请输入邀请码';
  const wrong = [...code].filter((char) => !INVITE_ALPHABET.includes(char));
  if (wrong.length > 0) {
    const confusable = wrong.some((char) => '01IO'.includes(char));
    return confusable
      ? '邀请码中没有数字 0、1 和字母 I、O，请核对后重新输入'
      : '邀请码只包含数字和英文字母，请核对后重新输入';
  }
  if (code.length !== INVITE_CODE_LENGTH) return `邀请码为 ${INVITE_CODE_LENGTH} 位，您输入了 ${code.length} 位`;
  return null;
}

/** `ABCD EFGH`: two groups of four are easier to read aloud and to compare. */
export function formatInviteCode(code: string): string {
  return code.length === INVITE_CODE_LENGTH ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The code a binding page was opened with: WeChat passes a mini program code's scene URL-encoded
 * in `options.scene`; the local QR code opens the H5 page with `?scene=`. Null when there is none.
 */
export function codeFromScene(scene: string | undefined | null): string | null {
  if (!scene) return null;
  const code = normaliseInviteCode(safeDecode(scene));
  return inviteCodeProblem(code) === null ? code : null;
}

/** The part of `scanCode`'s answer that matters here. */
export interface ScanAnswer {
  result?: string;
  path?: string;
}

/**
 * The code inside something scanned with the camera: a mini program code (its `path` carries the
 * scene), a QR code of the binding page's address, or a code printed as plain text.
 */
export function codeFromScan(answer: ScanAnswer): string | null {
  for (const text of [answer.path, answer.result]) {
    if (!text) continue;
    const scene = /[?&]scene=([^&#]+)/.exec(text);
    if (scene) return codeFromScene(scene[1]);
  }
  return answer.result ? codeFromScene(answer.result.trim()) : null;
}
