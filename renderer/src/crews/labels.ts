import { personLabel } from '../../../shared/domain/people';
import { friendlyDay, localDay } from '../self/dates';
import { type CrewFormat, type CrewMember, type CrewStage, type CycleProgress, type RetroDecision, type SizeGuidance, type StageChange } from '../../../shared/domain/crews';
import { dateFormat } from '../ui/date-format';

export const stageNames: Record<CrewStage, string> = {
  calling: 'Calling',
  forming: 'Forming',
  meeting: 'Meeting',
  retrospective: 'Retrospective',
  continuing: 'Continuing',
  paused: 'Paused',
  split: 'Split',
  closed: 'Closed gracefully',
};

/**
 * One line of the stage history, said as a move, so an entry into the retrospective stage never
 * reads as a retrospective record (those are listed under Retrospectives).
 */
export function stageEntry(change: Pick<StageChange, 'from' | 'to'>): string {
  const { from, to } = change;
  if (from === null) return `Called the crew (${stageNames[to]})`;
  if (from === 'closed' || from === 'split') return `Reopened, back to ${stageNames[to]}`;
  if (to === 'retrospective') return `Moved from ${stageNames[from]} into the ${stageNames.retrospective} stage`;
  if (from === 'retrospective') return `Moved on from the ${stageNames.retrospective} stage to ${stageNames[to]}`;
  return `Moved from ${stageNames[from]} to ${stageNames[to]}`;
}

/** A stage change's note, unless it only repeats what stageEntry says ("Reopened, back to Meeting — Reopened."). */
export function stageNote(change: Pick<StageChange, 'from' | 'to' | 'note'>): string {
  const note = change.note.trim();
  const reopened = change.from === 'closed' || change.from === 'split';
  return reopened && /^reopened\.?$/i.test(note) ? '' : note;
}

export const formatNames: Record<CrewFormat, string> = {
  case_clinic: 'Case clinic',
  peer_coaching: 'Peer coaching',
  co_working: 'Co-working',
  mastermind: 'Mastermind',
  support_circle: 'Support circle',
  custom: 'Custom',
};

export const decisionNames: Record<RetroDecision, string> = {
  new_cycle: 'Start a new cycle',
  pause: 'Pause',
  reshuffle: 'Reshuffle who is in it',
  split: 'Split into smaller crews',
  close: 'Close gracefully',
};

/**
 * Kind words for the crew's size: a small crew is still calling, a big one might split. A small
 * crew that has moved on from calling (it meets, pauses) is not told it is still calling.
 */
export function sizeNote(size: SizeGuidance, count: number, stage: CrewStage = 'calling'): string | null {
  const calling = stage === 'calling' || stage === 'forming';
  if (size === 'still_calling' && !calling) return `${count === 0 ? 'No one here for now' : count === 1 ? 'One person for now' : 'Two people for now'}. Crews work best with 3 to 6.`;
  if (size === 'still_calling') return `${count === 0 ? 'No one yet' : count === 1 ? 'One person so far' : 'Two people so far'}: still calling. Crews work best with 3 to 6.`;
  if (size === 'consider_splitting') return `${count} people is a big table. When it feels crowded, consider splitting into two crews.`;
  return null;
}

/** How the crew pages name a person: the one shared helper, so "(you)" reads the same on every rung. */
export { personLabel };

/** A member's name; someone in `former` shows as having left, so old records keep their names. */
export function nameOf(members: readonly CrewMember[], id: string | null, former: readonly CrewMember[] = []): string {
  if (id === null) return 'someone';
  const member = members.find((m) => m.personId === id);
  if (!member) {
    const left = former.find((m) => m.personId === id);
    return left ? `${left.name} (left the crew)` : 'someone who has left';
  }
  return personLabel(member);
}

/** The check-in round's words: "I was there", "My check-in note", "How I arrived" for me; names for the others. */
export function checkinLabels(members: readonly CrewMember[], id: string, former: readonly CrewMember[] = []) {
  if (members.find((m) => m.personId === id)?.isMe === true) return { attended: 'I was there', note: 'My check-in note', placeholder: 'How I arrived' };
  const name = nameOf(members, id, former);
  return { attended: `${name} was there`, note: `Check-in note for ${name}`, placeholder: 'How they arrived' };
}

/** "1 action item", "3 action items". */
export function itemsWord(count: number): string {
  return count === 1 ? '1 action item' : `${count} action items`;
}

/**
 * A day as the rest of Ladder writes it (the journal's friendlyDay): "Today", "Yesterday",
 * "Friday, 27 November", "3 March 2024" in other years.
 */
export function formatDay(day: string | null, now: Date = new Date()): string {
  if (day === null) return 'not set';
  return friendlyDay(day, now);
}

const weekdayDayYear = dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * A day still to come (the next meeting, an action item's date): as formatDay, plus "Tomorrow", and
 * the weekday kept in another year too ("Monday, 4 January 2027"), since a meeting is planned by it.
 */
export function upcomingDay(day: string, now: Date = new Date()): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const today = localDay(now);
  if (day <= today) return formatDay(day, now);
  if (day === localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1))) return 'Tomorrow';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y === now.getFullYear() ? formatDay(day, now) : weekdayDayYear.format(new Date(y, m - 1, d));
}

/** A day inside a sentence: "today", "yesterday", "tomorrow", else "on Friday, 27 November". */
export function onDay(day: string, now: Date = new Date()): string {
  const words = upcomingDay(day, now);
  return ['Today', 'Yesterday', 'Tomorrow'].includes(words) ? words.toLowerCase() : `on ${words}`;
}

/** After "by": "by today", "by Friday, 4 December". */
export function byDay(day: string, now: Date = new Date()): string {
  const words = upcomingDay(day, now);
  return ['Today', 'Yesterday', 'Tomorrow'].includes(words) ? words.toLowerCase() : words;
}

/** The first letter up, for a day that opens a sentence ("Today it moves…"). */
export function sentenceStart(words: string): string {
  return words === '' ? words : `${words[0]!.toUpperCase()}${words.slice(1)}`;
}

/** "Meeting 2 · Thursday, 12 November": how a held meeting is named in lists and headings. */
export function meetingLabel(meeting: { number: number; heldOn: string }): string {
  return `Meeting ${meeting.number} · ${formatDay(meeting.heldOn)}`;
}

/** Why the cycle is ready for its retrospective, said truthfully (null while it is running). */
export function cycleDoneNote(progress: CycleProgress): string | null {
  if (progress.completeBecause === 'sessions') return `This cycle's ${progress.sessions === 1 ? 'session is' : `${progress.sessions} sessions are`} done: a good moment for the retrospective.`;
  if (progress.completeBecause === 'end_date' && progress.endOn) return `${cycleEndedWords(progress.endOn)}: a good moment for the retrospective.`;
  return null;
}

/** "This cycle ended yesterday", "This cycle ended on Thursday, 30 April": its end date has passed. */
export function cycleEndedWords(endOn: string, now: Date = new Date()): string {
  return `This cycle ended ${onDay(endOn, now)}`;
}

/** The place of a meeting as a sentence: "Online." or "At Bea's kitchen." (no "At Online."). */
export function placeSentence(place: string): string {
  const words = place.trim().replace(/[.!]+$/, '');
  if (words === '') return '';
  // A place that already says how ("online", "on Zoom", "at Bea's") reads as it is.
  if (/^(at|in|on|online|by|via|over|from|zoom|jitsi|signal|whatsapp|video|phone|a call)\b/i.test(words)) return `${words[0]!.toUpperCase()}${words.slice(1)}.`;
  return `At ${words}.`;
}

/** What a crew's page (and its card) says of the forms started here and kept, not saved yet. */
export function keptDraftsNote(meeting: boolean, retro: boolean): string {
  if (meeting && retro) return 'A meeting and a retrospective you started are kept, not saved yet.';
  return meeting ? 'A meeting you started recording is kept, not saved yet.' : 'A retrospective you started is kept, not saved yet.';
}
