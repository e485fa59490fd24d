import { LadderError } from '../../../../shared/errors';

/** Page cursors name the last row shown by its sort keys; JSON keeps any text in a key safe. */
export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, size: number, field: string): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string')) return parts;
  } catch {
    // Falls through to the error below.
  }
  throw new LadderError('validation', 'That page could not be found; start again from the top.', field);
}
