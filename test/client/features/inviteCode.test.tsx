import { INVITE_ALPHABET as CONTRACT_ALPHABET, INVITE_CODE_LENGTH as CONTRACT_LENGTH } from '@zhibu/types';
import {
  codeFromScan,
  codeFromScene,
  formatInviteCode,
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  inviteCodeProblem,
  normaliseInviteCode,
} from '@/features/member';

describe('invite codes as members type them', () => {
  it('follows the contract’s alphabet and length (the client keeps its own copy)', () => {
    expect(INVITE_ALPHABET).toBe(CONTRACT_ALPHABET);
    expect(INVITE_CODE_LENGTH).toBe(CONTRACT_LENGTH);
  });

  it('ignores case, spaces, dashes and full-width characters', () => {
    expect(normaliseInviteCode('abcd efgh')).toBe('ABCDEFGH');
    expect(normaliseInviteCode(' AB-CD-EF-GH ')).toBe('ABCDEFGH');
    expect(normaliseInviteCode('ＡＢＣＤ２３４５')).toBe('ABCD2345');
    expect(normaliseInviteCode('ab\tcd\nef gh')).toBe('ABCDEFGH');
  });

  it('accepts exactly eight characters of the alphabet', () => {
    expect(inviteCodeProblem('ABCD2345')).toBeNull();
    expect(inviteCodeProblem('')).toBe('请输入邀请码');
    expect(inviteCodeProblem('ABCD234')).toBe('邀请码为 8 位，您输入了 7 位');
    expect(inviteCodeProblem('ABCD23456')).toBe('邀请码为 8 位，您输入了 9 位');
  });

  it('explains the characters a code never has, which people misread', () => {
    expect(inviteCodeProblem('ABCD2340')).toMatch(/没有数字 0、1 和字母 I、O/);
    expect(inviteCodeProblem('OBCD2345')).toMatch(/没有数字 0、1 和字母 I、O/);
    expect(inviteCodeProblem('ABC#2345')).toBe('邀请码只包含数字和英文字母，请核对后重新输入');
  });

  it('shows a code in two groups of four', () => {
    expect(formatInviteCode('ABCD2345')).toBe('ABCD 2345');
    expect(formatInviteCode('ABC')).toBe('ABC');
  });
});

describe('codes that arrive with the page or the camera', () => {
  it('reads the scene WeChat passes URL-encoded, and ignores one that is no code', () => {
    expect(codeFromScene('ABCD2345')).toBe('ABCD2345');
    expect(codeFromScene('abcd%202345')).toBe('ABCD2345');
    expect(codeFromScene('%E4%BD%A0')).toBeNull();
    expect(codeFromScene('%')).toBeNull();
    expect(codeFromScene(undefined)).toBeNull();
    expect(codeFromScene('')).toBeNull();
  });

  it('finds the code in a mini program code’s path, a QR code of the page, or plain text', () => {
    expect(codeFromScan({ path: 'pages/bind/index?scene=ABCD2345' })).toBe('ABCD2345');
    expect(codeFromScan({ result: 'http://127.0.0.1:10086/#/pages/bind/index?scene=ABCD2345' })).toBe('ABCD2345');
    expect(codeFromScan({ result: 'abcd 2345' })).toBe('ABCD2345');
    expect(codeFromScan({ result: 'https://example.com/other' })).toBeNull();
    expect(codeFromScan({})).toBeNull();
  });
});
