/**
 * When the secretary's screen fetches the next check-in code. A code is issued for a 15-second
 * slot and the server still accepts it during the following (grace) slot, so a code shown until
 * just past its own slot's end is always valid for whoever scans it. The next code is asked for
 * once, just after the slot ends by the server's clock: asking earlier only gets the same slot's
 * code again (and again), three requests a slot instead of one.
 */

/** Fetch the next code this long after the current one's slot ends (the server's slot has turned). */
export const REFRESH_AFTER_MS = 300;
/** Never ask the server again sooner than this, whatever the clocks say. */
export const MIN_REFRESH_GAP_MS = 1000;
/** After a failed fetch (network), try again after this; the code on screen stays valid meanwhile. */
export const RETRY_AFTER_MS = 3000;

export interface CodeSchedule {
  /** Phone time at which the code's slot ends: the countdown runs to here. */
  deadline: number;
  /** Phone time at which to fetch the next code. */
  refreshAt: number;
}

/**
 * Plans the life of a code received at `receivedAt` (phone time). `expiresAt` and `serverTime` are
 * both the server's clock, so their difference is the time left whatever the phone's clock says.
 * An answer that makes no sense is treated as a freshly issued code — safe, because of the grace slot.
 */
export function scheduleCode(
  expiresAt: string,
  serverTime: string,
  receivedAt: number,
  slotSeconds: number,
  afterMs: number = REFRESH_AFTER_MS,
): CodeSchedule {
  const slotMs = (slotSeconds > 0 ? slotSeconds : 15) * 1000;
  let remaining = Date.parse(expiresAt) - Date.parse(serverTime);
  if (!Number.isFinite(remaining) || remaining <= 0 || remaining > slotMs + 1000) remaining = slotMs;
  const deadline = receivedAt + remaining;
  return { deadline, refreshAt: Math.max(receivedAt + MIN_REFRESH_GAP_MS, deadline + afterMs) };
}

/** Whole seconds left on the countdown (never negative). */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** How long to wait, from `now`, before an instant; never negative. */
export function delayUntil(at: number, now: number): number {
  return Math.max(0, at - now);
}
