/**
 * A small stand-in for `@tarojs/taro` in component tests: storage is an in-memory map, navigation
 * and toasts are recorded, page hooks register callbacks that tests can fire.
 */
import { useEffect, useRef } from 'react';

type Callback = () => void;

const storage = new Map<string, unknown>();
const pageHooks = new Map<string, Set<{ current: Callback }>>();

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
  reLaunch: jest.fn(resolved),
  switchTab: jest.fn(resolved),
  navigateTo: jest.fn(resolved),
  hideHomeButton: jest.fn(resolved),
  getCurrentPages: jest.fn((): { route?: string }[] => []),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
  },
};

export default Taro;

export const usePullDownRefresh = (callback: Callback) => usePageHook('pullDownRefresh', callback);
export const useDidShow = (callback: Callback) => usePageHook('didShow', callback);
export const useLoad = (callback: Callback) => usePageHook('load', callback);
export const useLaunch = (callback: Callback) => usePageHook('launch', callback);

/** Test controls, not part of Taro. */
export const taroMock = {
  storage,
  fire(hook: 'pullDownRefresh' | 'didShow' | 'load' | 'launch'): void {
    pageHooks.get(hook)?.forEach((ref) => ref.current());
  },
  reset(): void {
    storage.clear();
    pageHooks.clear();
  },
};
