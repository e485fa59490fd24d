import { dateFormat } from '../ui/date-format';

/** Calendar days as the journal stores them (`YYYY-MM-DD`), always in the person's local time. */

export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const weekdayAndDay = dateFormat({ weekday: 'long', day: 'numeric', month: 'long' });
const dayAndYear = dateFormat({ day: 'numeric', month: 'long', year: 'numeric' });

/** "Today", "Yesterday", "Monday, 23 November", or "3 March 2024" for other years. */
export function friendlyDay(day: string, now: Date = new Date()): string {
  const date = parseDay(day);
  if (!date) return day;
  const today = localDay(now);
  if (day === today) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day === localDay(yesterday)) return 'Yesterday';
  return date.getFullYear() === now.getFullYear() ? weekdayAndDay.format(date) : dayAndYear.format(date);
}

/** A day inside a sentence: "from today", "by Tuesday, 3 March" ("from Today" read like a heading). */
export function dayInSentence(day: string, now: Date = new Date()): string {
  const words = friendlyDay(day, now);
  return words === 'Today' || words === 'Yesterday' ? words.toLowerCase() : words;
}

/** When something happened, after its name: "today", "yesterday" or "on Tuesday, 3 March". */
export function onTheDay(day: string, now: Date = new Date()): string {
  const words = dayInSentence(day, now);
  return words === 'today' || words === 'yesterday' ? words : `on ${words}`;
}

/** True for a day more than a year ahead: often a slip in the year, worth a gentle word (never a block). */
export function farAhead(day: string, now: Date = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  return day > localDay(new Date(now.getFullYear() + 1, now.getMonth(), now.getDate()));
}
