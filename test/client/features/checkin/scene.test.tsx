import { asToken, tokenFromScan, tokenFromScene, tokenFromText } from '@/features/checkin/scene';

const TOKEN = 'aK3x9QmZ2p.1q2w3e.AbC-dEf_1234';

describe('finding the check-in token', () => {
  it('reads the scene WeChat opens the page with, encoded once or twice', () => {
    expect(tokenFromScene(TOKEN)).toBe(TOKEN);
    expect(tokenFromScene(encodeURIComponent(TOKEN))).toBe(TOKEN);
    expect(tokenFromScene(encodeURIComponent(encodeURIComponent(TOKEN)))).toBe(TOKEN);
    expect(tokenFromScene(`%20${TOKEN}%20`)).toBe(TOKEN);
    expect(tokenFromScene(undefined)).toBeNull();
    expect(tokenFromScene('')).toBeNull();
    expect(tokenFromScene('%E0%A4%A')).toBeNull();
  });

  it('refuses what cannot be a token', () => {
    expect(asToken('hello world')).toBeNull();
    expect(asToken('a.b')).toBeNull();
    expect(asToken(`${TOKEN}xxxxxxxx`)).toBeNull(); // longer than a mini program scene
    expect(asToken('a1.ZZ.mac')).toBeNull(); // the slot is lower-case base 36
  });

  it('finds it in a scanned mini program code path', () => {
    expect(tokenFromScan({ path: `pages/checkin/index?scene=${encodeURIComponent(TOKEN)}` })).toBe(TOKEN);
    expect(tokenFromScan({ path: `/pages/checkin/index?from=scan&scene=${TOKEN}&x=1` })).toBe(TOKEN);
  });

  it('finds it in the local QR code, a URL of the H5 page', () => {
    const url = `http://127.0.0.1:10086/#/pages/checkin/index?scene=${encodeURIComponent(TOKEN)}`;
    expect(tokenFromScan({ result: url })).toBe(TOKEN);
    expect(tokenFromText(url)).toBe(TOKEN);
  });

  it('accepts a bare token typed or pasted, and nothing else', () => {
    expect(tokenFromScan({ result: TOKEN })).toBe(TOKEN);
    expect(tokenFromText(`  ${TOKEN}\n`)).toBe(TOKEN);
    expect(tokenFromScan({ result: 'https://mp.weixin.qq.com/s/some-article' })).toBeNull();
    expect(tokenFromScan({ path: 'pages/index/index', result: '' })).toBeNull();
    expect(tokenFromScan({})).toBeNull();
    expect(tokenFromText('pages/checkin/index?scene=')).toBeNull();
  });
});
