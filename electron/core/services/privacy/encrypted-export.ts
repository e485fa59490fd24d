import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { LadderError } from '../../../../shared/errors';
import { deriveKey, newScryptParams, open, type ScryptParams, seal, defaultCost } from './key-file';

/**
 * The JSON export of an encrypted archive, encrypted: a small JSON envelope holding the scrypt
 * parameters and salt, and the export itself encrypted with AES-256-GCM under a key derived from
 * the passphrase, so it can be imported on another computer with that passphrase alone. The
 * ciphertext is streamed out as base64, so no plain copy of the export ever touches the disk.
 */

export const encryptedExportFormat = 'ladder-encrypted-export';
export const encryptedExportName = 'ladder-archive.encrypted.json';

interface Envelope {
  format: typeof encryptedExportFormat;
  version: 1;
  kdf: ScryptParams;
  /** A known text sealed under the key: a wrong passphrase is told at once, before any import work. */
  check: { iv: string; tag: string; data: string };
  iv: string;
  ciphertext: string;
  tag: string;
}

const checkText = 'ladder-export-key';

export async function exportKeyFor(passphrase: string, cost = defaultCost) {
  const kdf = newScryptParams(cost);
  return { kdf, key: await deriveKey(passphrase, kdf) };
}

/** Writes the envelope to `fd` piece by piece: `write` what would have gone into the plain file, then `end`. */
export function createEncryptedWriter(fd: number, exportKey: { kdf: ScryptParams; key: Buffer }) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', exportKey.key, iv);
  const check = seal(exportKey.key, Buffer.from(checkText));
  writeSync(
    fd,
    `{"format":"${encryptedExportFormat}","version":1,"kdf":${JSON.stringify(exportKey.kdf)},"check":${JSON.stringify(check)},"iv":"${iv.toString('base64')}","ciphertext":"`,
  );
  // base64 works in groups of three bytes; the remainder waits for the next piece.
  let carry: Buffer = Buffer.alloc(0);
  const emit = (bytes: Buffer) => {
    const all = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
    const whole = all.length - (all.length % 3);
    if (whole > 0) writeSync(fd, all.subarray(0, whole).toString('base64'));
    carry = all.subarray(whole);
  };
  return {
    write: (text: string) => emit(cipher.update(text, 'utf8')),
    end: () => {
      emit(cipher.final());
      writeSync(fd, `${carry.toString('base64')}","tag":"${cipher.getAuthTag().toString('base64')}"}\n`);
    },
  };
}

/** Looks at the start of a file only: is it an encrypted Ladder export? */
export function looksEncryptedExport(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(80);
      const read = readSync(fd, head, 0, 80, 0);
      return head.subarray(0, read).toString('utf8').includes(`"format":"${encryptedExportFormat}"`);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function isEncryptedExport(data: unknown): data is Envelope {
  return data !== null && typeof data === 'object' && (data as { format?: unknown }).format === encryptedExportFormat;
}

/** The export's plain JSON text; a missing or wrong passphrase is a validation error on `passphrase`. */
export async function decryptExport(envelope: Envelope, passphrase: string | undefined): Promise<string> {
  if (!passphrase) throw new LadderError('validation', 'This export is encrypted. Enter the passphrase of the archive it came from.', 'passphrase');
  const key = await deriveKey(passphrase, envelope.kdf);
  if (open(key, envelope.check)?.toString() !== checkText) {
    throw new LadderError('validation', 'That passphrase does not open this export. Nothing was imported.', 'passphrase');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new LadderError('validation', 'This encrypted export is damaged or incomplete, so nothing was imported.', 'path');
  }
}
