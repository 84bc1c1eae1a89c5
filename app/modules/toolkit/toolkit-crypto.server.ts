import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Envelope encryption for the participant's toolkit (issue 4): every participant has a random 256-bit data
 * key; their free text is encrypted with it (AES-256-GCM, a fresh 96-bit IV per value, the value's place
 * bound in as associated data so a ciphertext cannot be moved to another row or person). The data key is
 * stored only wrapped (AES-256-GCM) under the installation's master key. Destroying the wrapped key
 * destroys the data, also in old backups ("crypto-shredding").
 *
 * Formats (text, so they fit a `text` column and survive dumps): `v1.<keyId>.<base64url(iv|tag|ciphertext)>`
 * for wrapped keys, where keyId names the master key (for rotation), and `v1.<base64url(iv|tag|ciphertext)>`
 * for values.
 */

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor() {
    super("The data could not be decrypted (wrong key, wrong place, or altered).");
  }
}

/** MASTER_KEY: 32 random bytes in base64 (standard or URL-safe). */
export function parseMasterKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) throw new Error("must be 32 random bytes in base64 (for example: openssl rand -base64 32)");
  return key;
}

/** A short, non-secret name for a master key, kept with each wrapped key so keys can be rotated. */
export function masterKeyId(master: Buffer): string {
  return createHash("sha256").update("knutepunkt-master-key-id").update(master).digest("hex").slice(0, 8);
}

export const newDataKey = () => randomBytes(32);

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const raw = Buffer.from(sealed, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

/** Wrap a participant's data key under the master key, bound to the participant. */
export function wrapDataKey(master: Buffer, dataKey: Buffer, ownerId: string): string {
  return `v1.${masterKeyId(master)}.${seal(master, dataKey, `datakey:${ownerId}`)}`;
}

/** Unwrap with the first of the given master keys whose id matches (current first, then older ones). */
export function unwrapDataKey(masters: Buffer[], wrapped: string, ownerId: string): Buffer {
  const [version, keyId, sealed] = wrapped.split(".");
  if (version !== "v1" || !keyId || !sealed) throw new DecryptionError();
  const master = masters.find((m) => masterKeyId(m) === keyId);
  if (!master) throw new DecryptionError();
  return open(master, sealed, `datakey:${ownerId}`);
}

/** Encrypt one value. `place` names where it lives, e.g. `reflection_answers.answer:<row id>`. */
export function encryptText(dataKey: Buffer, plaintext: string, place: string): string {
  return `v1.${seal(dataKey, Buffer.from(plaintext, "utf8"), place)}`;
}

export function decryptText(dataKey: Buffer, value: string, place: string): string {
  if (!value.startsWith("v1.")) throw new DecryptionError();
  return open(dataKey, value.slice(3), place).toString("utf8");
}
