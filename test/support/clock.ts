/**
 * The server's clock under the test's control. The functions run in this process and read the time
 * through `Date` (both `new Date()` and `Date.now()`), so faking `Date` alone moves their clock;
 * timers stay real, so the database latency and the runtime's own waits behave as usual. The clock
 * stands still between `set` calls, which keeps the designed data exact to the millisecond.
 */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

export interface TestClock {
  /** Moves the server's clock to an instant (an ISO string with its offset, or a Date). */
  set(at: string | Date): void;
  now(): Date;
  /** Moves the clock on by `ms`. */
  advance(ms: number): void;
  restore(): void;
}

export function controlClock(start: string | Date): TestClock {
  jest.useFakeTimers({ now: new Date(start), doNotFake: [...REAL_TIMERS] });
  const clock: TestClock = {
    set: (at) => jest.setSystemTime(new Date(at)),
    now: () => new Date(Date.now()),
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    restore: () => jest.useRealTimers(),
  };
  return clock;
}

/** An instant written in Beijing time: bj('2026-03-31 23:50') is 15:50 UTC that day. */
export const bj = (text: string) => new Date(`${text.replace(' ', 'T')}${text.length <= 10 ? 'T00:00' : ''}:00+08:00`);
