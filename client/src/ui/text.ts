/**
 * A message without the words its title already says: under the title 签到码已过期, the server's
 * "签到码已过期，请扫描屏幕上最新的二维码" reads "请扫描屏幕上最新的二维码". Null when nothing is left.
 */
export function afterTitle(title: string, message: string): string | null {
  if (!message.startsWith(title)) return message;
  const rest = message.slice(title.length).replace(/^[\s，。：:,.；;！!]+/, '');
  return rest || null;
}
