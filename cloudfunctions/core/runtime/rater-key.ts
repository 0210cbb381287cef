import { createHmac } from 'node:crypto';

/**
 * The one form in which an anonymous rater is ever stored: HMAC-SHA256 over (ballot, rater) with
 * the function's RATER_SECRET. The same rater in the same ballot always gives the same key, so a
 * deterministic `_id` built from it makes the database refuse a second vote; without the secret
 * nobody (not the bureau reading the collection, not an export) can tell whose vote it is, and
 * the keys of one rater in two ballots cannot be linked to each other.
 */
export function raterKey(ballotId: string, raterId: string): string {
  return createHmac('sha256', raterSecret()).update(`${ballotId}\u0000${raterId}`).digest('base64url').slice(0, 32);
}

/** From the function's environment; without it no vote can be stored or checked. */
export function raterSecret(): string {
  const secret = process.env.RATER_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('RATER_SECRET is not set (at least 32 characters) in the function environment');
  }
  return secret;
}
