/**
 * The countdown of an attempt runs on the server's clock: `deadline − serverTime` is the time left
 * when the answer left the server, whatever the phone's clock says; the phone only measures how
 * much has passed since.
 */
export function phoneDeadline(deadline: string, serverTime: string, receivedAt: number): number {
  const left = Date.parse(deadline) - Date.parse(serverTime);
  return receivedAt + (Number.isFinite(left) ? Math.max(0, left) : 0);
}

/** 12:05, or 1:02:05 past the hour. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
