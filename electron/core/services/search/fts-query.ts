/**
 * Turns whatever a person typed into a safe FTS5 query. Nothing they type is ever read as
 * query syntax: every word goes inside double quotes, so quotes, `*`, `-`, `:`, parentheses,
 * AND/OR/NOT/NEAR are searched as plain words (or dropped when they hold no letter or digit).
 *
 * - words are all required (AND), in any order;
 * - "words in quotes" must appear together, as a phrase; an unbalanced quote is just ignored;
 * - the last word is a prefix while typing ("gard" finds "gardener"), unless a space or a mark follows it;
 * - emoji and the symbols around them (🌊, ✨, ★) are searched too, each as the token the index
 *   holds for it in `meta` (migration 0024): one emoji with its skin tone or its joined parts is
 *   one phrase ("👍🏽" finds 👍🏽, "👍" finds both 👍 and 👍🏽).
 */
import { isSymbol, symbolToken } from '../../db/migrations/0024-search-emoji';

const maxTerms = 32;
const wordy = /[\p{L}\p{N}]/u;
const wordBreak = /[^\p{L}\p{N}\p{M}\p{Co}]+/u;
const endsInWord = /[\p{L}\p{N}\p{M}\p{Co}]$/u;
const wordChar = /[\p{L}\p{N}\p{M}\p{Co}]/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The symbols in `text` as the tokens they are indexed as, one list per emoji; a symbol that is
 * also a letter or digit (①) is searched as a word instead.
 */
export function symbolTerms(text: string): string[][] {
  const terms = new Map<string, string[]>();
  for (const { segment } of graphemes.segment(text)) {
    const tokens = [...segment].filter((char) => !wordChar.test(char) && isSymbol(char.codePointAt(0) ?? 0)).map((char) => symbolToken(char.codePointAt(0) ?? 0));
    if (tokens.length > 0) terms.set(tokens.join(' '), tokens);
  }
  return [...terms.values()];
}

/** An FTS5 expression requiring every symbol term, each a phrase of its tokens (`mark` before each token). */
export function symbolMatch(symbols: string[][], mark = ''): string {
  return symbols.map((tokens) => quoted(tokens.map((token) => `${mark}${token}`).join(' '))).join(' ');
}

function quoted(text: string) {
  return `"${text.replaceAll('"', '""')}"`;
}

export interface ParsedSearch {
  /** The FTS5 MATCH expression, or null when the text holds nothing to search for. */
  match: string | null;
  /** The words and phrases found, for showing what was searched. */
  terms: string[];
  /** Every emoji typed, as the tokens `meta` holds for it (none: empty). */
  symbols: string[][];
}

export function parseSearch(input: string): ParsedSearch {
  const text = input.normalize('NFC').replace(/\p{Cc}/gu, ' ');
  const segments = text.split('"');
  const quotes = segments.length - 1;
  const terms: { text: string; phrase: boolean }[] = [];
  // Emoji, in quotes or not (a phrase's words stay a phrase; the emoji in it are looked for too).
  const symbols = symbolTerms(text).slice(0, maxTerms);
  segments.forEach((segment, index) => {
    // Odd segments are inside quotes, except the tail after an unmatched quote.
    const inside = index % 2 === 1 && !(quotes % 2 === 1 && index === segments.length - 1);
    if (inside) {
      if (wordy.test(segment)) terms.push({ text: segment.trim(), phrase: true });
      return;
    }
    // Anything that is not a letter, digit or mark separates words, as it does in the index.
    for (const word of segment.split(wordBreak)) {
      if (wordy.test(word)) terms.push({ text: word, phrase: false });
    }
  });
  const kept = terms.slice(0, maxTerms);
  if (kept.length === 0) return { match: null, terms: [], symbols };

  // Prefix the last word while it is still being typed: no space or closing quote after it.
  const last = kept.at(-1);
  const stillTyping = last !== undefined && !last.phrase && kept.length === terms.length && endsInWord.test(text);
  const parts = kept.map((term, index) => {
    const expression = quoted(term.text);
    return stillTyping && index === kept.length - 1 ? `${expression}*` : expression;
  });
  return { match: parts.join(' '), terms: kept.map((term) => term.text), symbols };
}
