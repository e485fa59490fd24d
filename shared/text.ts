/**
 * A short, one-line preview of some text for lists: whitespace folded, cut at `max` characters
 * with an ellipsis. It counts code points, so an emoji is never cut in half.
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

const entryExcerptLength = 160;

/** A journal entry's excerpt, the same in the core's list and the renderer's optimistic row. */
export function entryExcerpt(body: string): string {
  // Markdown heading marks say nothing in a one-line excerpt.
  return excerpt(body.replace(/^#{1,6}[ \t]+/gm, ''), entryExcerptLength);
}
