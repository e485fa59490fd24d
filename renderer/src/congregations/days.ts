import { friendlyDay } from '../self/dates';

/** A day as said inside a sentence ("Member from today", "last gathering yesterday"). */
export function dayInSentence(day: string): string {
  const said = friendlyDay(day);
  return said === 'Today' || said === 'Yesterday' ? said.toLowerCase() : said;
}

/** When something happens, as said after its name: "today", "yesterday", "on Saturday, November 14". */
export function onTheDay(day: string): string {
  const said = dayInSentence(day);
  return said === 'today' || said === 'yesterday' ? said : `on ${said}`;
}
