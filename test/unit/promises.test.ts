import fs from 'node:fs';
import path from 'node:path';

/**
 * Nothing on any page promises what does not exist: the sign-up texts name features (学习, 理论测试,
 * 支部通知) that a member can then open. Each word that appears there needs its page in the app.
 */
const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const PROMISES: { word: string; page: string }[] = [
  { word: '学习', page: 'pages/study/index' },
  { word: '理论测试', page: 'pages/quiz/index' },
  { word: '通知', page: 'pages/notice/index' },
  { word: '签到', page: 'pages/checkin/index' },
  { word: '出勤记录', page: 'pages/activity/history/index' },
];

const TEXTS = [
  'client/src/features/member/BindPanel.tsx',
  'client/src/features/org/InviteView.tsx',
  'client/src/features/member/BureauShortcutsCard.tsx',
];

describe('what the sign-up and home texts promise exists', () => {
  const config = read('client/src/app.config.ts');
  for (const file of TEXTS) {
    it(`${path.basename(file)} names only features the app has`, () => {
      // The words a member reads: string and JSX text, not comments.
      const text = read(file)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const named = PROMISES.filter(({ word }) => text.includes(word));
      for (const { word, page } of named)
        expect({ word, registered: config.includes(`'${page}'`) }).toEqual({ word, registered: true });
    });
  }

  it('the sign-up texts do name what a member gets', () => {
    expect(read('client/src/features/member/BindPanel.tsx')).toContain('学习和理论测试');
    expect(read('client/src/features/org/InviteView.tsx')).toContain('支部通知');
  });
});
