/**
 * CloudBase reports a duplicate `_id` as DATABASE_DUPLICATE_WRITE with MongoDB's E11000 in the
 * message; the numeric code differs between environments, so the message is what is checked.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { message, errMsg } = error as { message?: unknown; errMsg?: unknown };
  return [message, errMsg].some((text) => typeof text === 'string' && text.includes('E11000'));
}
