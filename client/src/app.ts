import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { goToSignIn } from '@/features/member';
import { setUnauthenticatedHandler } from '@/services';
import './app.css';
import './ui/NavigationBar.css';
import './ui/Dialog.css';

setUnauthenticatedHandler(goToSignIn);

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // An empty id falls back to the mini program's default CloudBase environment.
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    }
  });

  // children are the pages being rendered
  return children;
}

export default App;
