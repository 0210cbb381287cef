/**
 * A small stand-in for `@tarojs/taro` in component tests: storage is an in-memory map, navigation
 * and toasts are recorded, page hooks register callbacks that tests can fire.
 */
import { useEffect, useRef } from 'react';

type Callback = () => void;

const storage = new Map<string, unknown>();
const pageHooks = new Map<string, Set<{ current: Callback }>>();
/** What `useRouter().params` answers: the query the page was opened with. */
const routerParams: Record<string, string | undefined> = {};
/** What `getCurrentInstance().router.path` answers: the page being shown. */
let routerPath = '/pages/index/index';

function usePageHook(name: string, callback: Callback): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    const set = pageHooks.get(name) ?? new Set();
    set.add(ref);
    pageHooks.set(name, set);
    return () => {
      set.delete(ref);
    };
  }, [name]);
}

const resolved = () => Promise.resolve({ errMsg: 'ok' });

const Taro = {
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  showToast: jest.fn(resolved),
  stopPullDownRefresh: jest.fn(),
  setTabBarBadge: jest.fn(resolved),
  removeTabBarBadge: jest.fn(resolved),
  reLaunch: jest.fn(resolved),
  switchTab: jest.fn(resolved),
  navigateTo: jest.fn(resolved),
  hideHomeButton: jest.fn(resolved),
  getCurrentPages: jest.fn((): { route?: string }[] => []),
  getCurrentInstance: jest.fn(() => ({ router: { path: routerPath, params: routerParams } })),
  navigateBack: jest.fn(resolved),
  redirectTo: jest.fn(resolved),
  setNavigationBarTitle: jest.fn(resolved),
  /** Answers “confirmed” unless a test says otherwise with mockResolvedValueOnce. */
  showModal: jest.fn((_options: Record<string, unknown>) => Promise.resolve({ confirm: true, cancel: false })),
  setClipboardData: jest.fn(resolved),
  scanCode: jest.fn(() => Promise.reject(new Error('scanCode:fail cancel'))),
  chooseMessageFile: jest.fn(),
  getFileSystemManager: jest.fn(),
  openDocument: jest.fn(resolved),
  env: { USER_DATA_PATH: 'wxfile://usr' },
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
  },
};

export default Taro;

export const usePullDownRefresh = (callback: Callback) => usePageHook('pullDownRefresh', callback);
export const useDidShow = (callback: Callback) => usePageHook('didShow', callback);
export const useDidHide = (callback: Callback) => usePageHook('didHide', callback);
export const useLoad = (callback: Callback) => usePageHook('load', callback);
export const useLaunch = (callback: Callback) => usePageHook('launch', callback);
export const useReachBottom = (callback: Callback) => usePageHook('reachBottom', callback);
export const useRouter = () => ({ params: routerParams });

/** Test controls, not part of Taro. */
export const taroMock = {
  storage,
  /** Sets the query of the page about to be rendered. */
  setParams(params: Record<string, string | undefined>): void {
    for (const key of Object.keys(routerParams)) delete routerParams[key];
    Object.assign(routerParams, params);
  },
  /** Sets the path of the page being shown. */
  setPath(path: string): void {
    routerPath = path;
  },
  fire(hook: 'pullDownRefresh' | 'didShow' | 'load' | 'launch' | 'reachBottom'): void {
    pageHooks.get(hook)?.forEach((ref) => ref.current());
  },
  reset(): void {
    storage.clear();
    pageHooks.clear();
    for (const key of Object.keys(routerParams)) delete routerParams[key];
    routerPath = '/pages/index/index';
  },
};
