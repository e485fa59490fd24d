import { z } from 'zod';
import type { Draft } from '../domain/drafts';
import { read, write } from './define';
import { limits } from './fields';

/**
 * A draft holds a whole form, and one field of a form alone may be as long as an entry's body
 * (a meeting's notes): twice that leaves room for the rest of it, and still bounds the table.
 */
export const draftValueMax = limits.body * 2;

function isJson(text: string) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A form's key: what names it in code (`crews:<id>:new-meeting`), never anything the person typed. */
const draftKey = z
  .string()
  .min(1, 'A draft needs the key of its form.')
  .max(limits.title, `A draft's key stays under ${limits.title} characters.`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, "A draft's key uses letters, digits and : . _ - only.");

const draftValue = z
  .string()
  .max(draftValueMax, `This draft is too long to keep (over ${draftValueMax.toLocaleString('en')} characters); the words stay in the form until it is saved.`)
  .refine(isJson, 'A draft is kept as JSON text, and this is not JSON.');

export const draftsContract = {
  /** Every draft kept, newest first: the renderer loads them all at start. */
  'drafts.list': read(z.strictObject({})).returns<Draft[]>(),
  /** Keeps the form's words, writing over the draft already kept for that key. */
  'drafts.keep': write(z.strictObject({ key: draftKey, value: draftValue })).returns<{ key: string; updatedAt: string }>(),
  /** Lets a form's draft go (saved, or discarded); a key with no draft is fine. */
  'drafts.discard': write(z.strictObject({ key: draftKey })).returns<{ key: string }>(),
};
