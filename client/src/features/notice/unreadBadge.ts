import Taro from '@tarojs/taro';

/** The 首页 tab carries the unread count: notices show on the home page. */
const HOME_TAB = 0;

/** Shows the number of unread notices on the tab bar (nothing when there are none). */
export function showUnreadBadge(unread: number): void {
  const done = () => undefined;
  if (unread > 0) {
    Taro.setTabBarBadge({ index: HOME_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  } else {
    Taro.removeTabBarBadge({ index: HOME_TAB }).catch(done);
  }
}
