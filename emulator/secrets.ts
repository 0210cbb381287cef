import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LocalSecrets {
  /** Signs the development login tokens of the local HTTP server. */
  devToken: string;
  /** The check-in HMAC key; in production it is the function's CHECKIN_SECRET variable. */
  checkin: string;
  /** Keys anonymous votes (core/runtime/rater-key.ts); in production the RATER_SECRET variable. */
  rater: string;
}

function fresh(): LocalSecrets {
  return {
    devToken: randomBytes(32).toString('hex'),
    checkin: randomBytes(32).toString('hex'),
    rater: randomBytes(32).toString('hex'),
  };
}

/** Created on first start and kept in the data folder, so tokens and QR codes survive a restart. */
export function loadSecrets(dataDir: string | null): LocalSecrets {
  if (!dataDir) return fresh();
  const file = path.join(dataDir, 'secrets.json');
  const kept = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const secrets = { ...fresh(), ...kept };
  // A key added in a later version is written back at once, or it would change on every start.
  if (Object.keys(kept).length === Object.keys(secrets).length) return secrets;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
