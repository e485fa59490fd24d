import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { cipherSettings } from './cipher';

/**
 * The key file (`ladder.key.json` beside the archive) holds no secret in plain text: the random
 * database key, wrapped with AES-256-GCM once by a key derived from the passphrase and once by one
 * derived from the recovery key. Each wrap keeps its own scrypt parameters, so they can be raised
 * later; changing the passphrase writes new wraps and never re-encrypts the archive.
 */

export const keyFileName = 'ladder.key.json';
export const keyFileFormat = 'ladder-key-file';

export interface ScryptParams {
  name: 'scrypt';
  /** Cost (a power of two), block size and parallelism, as in RFC 7914. */
  N: number;
  r: number;
  p: number;
  salt: string;
}

export interface Wrap {
  kdf: ScryptParams;
  iv: string;
  tag: string;
  data: string;
}

export interface KeyFile {
  format: typeof keyFileFormat;
  version: 1;
  cipher: typeof cipherSettings;
  /** A hash of the database key: tells whether a backup shares the archive's key, and reveals nothing of it. */
  keyId: string;
  passphrase: Wrap;
  recoveryKey: Wrap;
  /** The database key encrypted by the operating system's key store ("Remember on this device"). */
  remembered: { backend: string; data: string } | null;
  /** Lock after this many idle minutes; null never. Kept here because the lock screen needs it before unlocking. */
  lockAfterMinutes: number | null;
}

/** OWASP's scrypt floor: N=2^17, r=8, p=1 (128 MiB of memory per derivation). */
export const defaultCost = { N: 2 ** 17, r: 8, p: 1 };

function scrypt(secret: string, params: ScryptParams): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told; 128 * N * r is what this cost needs.
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export function newScryptParams(cost = defaultCost): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/** The key that protects something under a passphrase, with its parameters (scrypt runs off the main thread). */
export async function deriveKey(secret: string, params: ScryptParams): Promise<Buffer> {
  return scrypt(secret, params);
}

export function seal(key: Buffer, plain: Buffer): { iv: string; tag: string; data: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Null when the key is wrong (GCM's tag does not match): nothing else can be learnt from it. */
export function open(key: Buffer, sealed: { iv: string; tag: string; data: string }): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export async function wrapKey(databaseKey: string, secret: string, cost = defaultCost): Promise<Wrap> {
  const kdf = newScryptParams(cost);
  return { kdf, ...seal(await deriveKey(secret, kdf), Buffer.from(databaseKey, 'hex')) };
}

/** The database key as hex, or null when the secret does not open this wrap. */
export async function unwrapKey(wrap: Wrap, secret: string): Promise<string | null> {
  const plain = open(await deriveKey(secret, wrap.kdf), wrap);
  return plain && plain.length === 32 ? plain.toString('hex') : null;
}

export function newDatabaseKey() {
  return randomBytes(32).toString('hex');
}

export function keyIdOf(databaseKey: string) {
  return createHash('sha256').update(`ladder-key-id:${databaseKey}`).digest('hex').slice(0, 32);
}

// Crockford's base32: no I, L, O or U, so nothing reads as something else when copied by hand.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 32 Crockford base32 characters in groups of four: `XXXX-XXXX-…`. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += crockford[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** What a person typed, in the canonical form: case, spaces and dashes ignored, I/L read as 1 and O as 0. */
export function normalizeRecoveryKey(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return plain.match(/.{1,4}/g)?.join('-') ?? plain;
}

export function keyFilePath(dataDir: string) {
  return path.join(dataDir, keyFileName);
}

export function readKeyFile(file: string): KeyFile | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = JSON.parse(text) as KeyFile;
  if (parsed.format !== keyFileFormat || parsed.version !== 1) throw new Error('Not a Ladder key file this version understands.');
  return parsed;
}

/** Whole or not at all: a temp file, flushed, renamed over the old one, and the folder flushed too. */
export function writeFileAtomically(file: string, text: string) {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}

export function writeKeyFile(file: string, keyFile: KeyFile) {
  writeFileAtomically(file, `${JSON.stringify(keyFile, null, 2)}\n`);
}

/** Flushes a folder's entries (a rename) to disk; Windows cannot open folders, and does not need to. */
export function syncFolder(dir: string) {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function syncFile(file: string) {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
