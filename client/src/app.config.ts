const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Both builds bind a WeChat user to a member with an invite code; the H5 build also has a demo-user
 * picker standing in for WeChat's own login.
 */
const signInPages = isH5 ? ['pages/bind/index', 'pages/login/index'] : ['pages/bind/index'];

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/activity/index',
    'pages/study/index',
    'pages/mine/index',
    ...signInPages,
    'pages/activity/detail/index',
    'pages/activity/history/index',
    'pages/checkin/index',
    'pages/notice/index',
    'pages/notice/detail/index',
    'pages/study/task/index',
    'pages/study/notes/index',
    'pages/study/note/index',
    'pages/quiz/index',
    'pages/quiz/take/index',
    'pages/quiz/result/index',
    'pages/quiz/wrong/index',
    'pages/mine/record/index',
  ],
  subPackages: [
    {
      // Posting, editing and the receipts of notices, for the branch committee and the bureau.
      root: 'packages/notice',
      pages: ['edit/index', 'receipts/index', 'posters/index'],
    },
    {
      // The branch committee's activity screens: create and edit, the check-in code, attendance, minutes.
      root: 'packages/activity',
      pages: ['edit/index', 'qr/index', 'attendance/index', 'minutes/index'],
    },
    {
      // The branch committee's and the bureau's study screens: create, the branch's tasks, progress, comments.
      root: 'packages/study',
      pages: ['edit/index', 'manage/index', 'progress/index', 'reflection/index'],
    },
    {
      // Question banks, publishing quizzes and their statistics (committees and the bureau only).
      root: 'packages/quiz',
      pages: ['banks/index', 'questions/index', 'import/index', 'create/index', 'manage/index', 'stats/index'],
    },
    {
      // 发展党员: the branch's candidates by stage and each one's timeline (a candidate opens their own),
      // and the bureau's view across branches.
      root: 'packages/development',
      pages: ['list/index', 'timeline/index', 'pipeline/index'],
    },
    {
      // 支部书记培训登记: the bureau's trainings, terms and counts; a branch's terms; 我的培训.
      root: 'packages/training',
      pages: ['list/index', 'new/index', 'detail/index', 'terms/index', 'mine/index'],
    },
    {
      // 党费: a member's own months; the committee's bases, import, payments and 公示; the bureau's table.
      root: 'packages/dues',
      pages: ['mine/index', 'manage/index', 'member/index', 'import/index', 'board/index', 'bureau/index'],
    },
    {
      // 组织关系转接: what waits to be received, what was sent and what is done; 转出 of a member and
      // 转入 from outside the bureau (branch committees and the bureau).
      root: 'packages/transfer',
      pages: ['list/index', 'start/index', 'receive/index'],
    },
    {
      // 民主评议党员: a member's 自评 and anonymous ratings, the committee's screens, the 公示, the
      // bureau's list of 不合格.
      root: 'packages/review',
      pages: ['home/index', 'manage/index', 'results/index', 'failing/index', 'settings/index'],
    },
    {
      // 述职评议: a member's and a secretary's page, the bureau's, and a teacher's code entry (no member needed).
      root: 'packages/appraisal',
      pages: ['mine/index', 'bureau/index', 'teacher/index'],
    },
    {
      // Roster, invites and branches for the branch committee and the bureau (members never load it).
      root: 'packages/org',
      pages: [
        'roster/index',
        'member/index',
        'member-edit/index',
        'invite/index',
        'deactivate/index',
        'roster-io/index',
        'party-groups/index',
        'branches/index',
        'branch/index',
        'branch-edit/index',
        'merge/index',
        'split/index',
        'audit/index',
      ],
    },
    {
      // Statistics for the bureau and the branch committees: dashboard and charts, a branch's calendar,
      // inspection scores, the rules table. A member's own record is in the main package.
      root: 'packages/stats',
      pages: ['dashboard/index', 'branch/index', 'inspection/index', 'rules/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '支部通',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#07c160',
    backgroundColor: '#f7f7f7',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/activity/index',
        text: '活动',
        iconPath: 'assets/tab/activity.png',
        selectedIconPath: 'assets/tab/activity-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tab/study.png',
        selectedIconPath: 'assets/tab/study-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  style: 'v2',
  lazyCodeLoading: 'requiredComponents',
});
