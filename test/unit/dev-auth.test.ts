import { signToken, verifyToken } from '../../emulator/server/dev-auth';

describe('development login tokens', () => {
  it('carry the openid they were signed for', () => {
    expect(verifyToken(signToken('demo_b-qhyz-01', 's1'), 's1')).toBe('demo_b-qhyz-01');
  });

  it('are refused when signed with another secret, edited, or malformed', () => {
    const token = signToken('demo_b-qhyz-04', 's1');
    const [, signature] = token.split('.');
    const otherUser = `${Buffer.from('demo_b-jgzb-02').toString('base64url')}.${signature}`;
    expect(verifyToken(token, 's2')).toBeNull();
    expect(verifyToken(otherUser, 's1')).toBeNull();
    for (const bad of ['', '.', 'abc', `${token}.x`, token.slice(0, -2)]) expect(verifyToken(bad, 's1')).toBeNull();
  });
});
