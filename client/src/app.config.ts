const isH5 = process.env.TARO_ENV === 'h5';

/** The H5 build signs in with a demo-user picker; the mini program uses WeChat identity and may need binding. */
const signInPage = isH5 ? 'pages/login/index' : 'pages/bind/index';

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/activity/index', 'pages/study/index', 'pages/mine/index', signInPage],
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
