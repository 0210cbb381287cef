import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface LocalSecrets {
  /** Signs the development login tokens of the local HTTP server. */
  devToken: string;
  /** The check-in HMAC key; in production it is the function's CHECKIN_SECRET variable. */
  checkin: string;
}

function fresh(): LocalSecrets {
  return { devToken: randomBytes(32).toString('hex'), checkin: randomBytes(32).toString('hex') };
}

/** Created on first start and kept in the data folder, so tokens and QR codes survive a restart. */
export function loadSecrets(dataDir: string | null): LocalSecrets {
  if (!dataDir) return fresh();
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) {
    return { ...fresh(), ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalSecrets>) };
  }
  const secrets = fresh();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
