import type { Random } from './random';

/**
 * Journal-like text: titles and Markdown bodies built from sentence templates, with lengths
 * spread the way a real journal's are (many short notes, some long evenings, a few essays).
 */

const people = ['Maya', 'Tom', 'my sister', 'Jonas', 'Aisha', 'the neighbour', 'Leo', 'my father', 'Priya', 'Sam'];
const groups = ['the crew', 'the reading circle', 'the Tuesday dyad', 'the garden group', 'the congregation', 'the team'];
const parts = ['the critic', 'the manager', 'the worried child', 'the firefighter', 'the planner', 'the pleaser'];
const places = ['the kitchen', 'the park', 'the train', 'the office', 'the allotment', 'the café on the corner', 'the library'];
const feelings = ['tired', 'grateful', 'restless', 'calm', 'anxious', 'hopeful', 'irritated', 'tender', 'flat', 'light'];
const activities = ['a long walk', 'the check-in', 'a hard conversation', 'cooking for everyone', 'an early swim', 'the meeting', 'a quiet hour of reading'];
const times = ['this morning', 'after lunch', 'tonight', 'all afternoon', 'before breakfast', 'on the way home', 'around midnight'];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const sentences: ((r: Random) => string)[] = [
  (r) => `I felt ${r.pick(feelings)} ${r.pick(times)}, and I am not sure why.`,
  (r) => `${cap(r.pick(people))} called ${r.pick(times)} and we talked about ${r.pick(activities)}.`,
  (r) => `${cap(r.pick(parts))} showed up again when I sat down to work.`,
  (r) => `I noticed ${r.pick(parts)} trying to protect me from feeling ${r.pick(feelings)}.`,
  (r) => `We met at ${r.pick(places)} with ${r.pick(groups)}; it was smaller than usual but it felt honest.`,
  (r) => `${cap(r.pick(activities))} left me ${r.pick(feelings)} in a good way.`,
  (r) => `There was a moment at ${r.pick(places)} where everything went quiet and I could just breathe.`,
  (r) => `I want to remember what ${r.pick(people)} said: that showing up is most of it.`,
  (r) => `Slept badly, woke ${r.pick(feelings)}, and the day never quite recovered.`,
  (r) => `Asked ${r.pick(parts)} what it needs, and the answer was simpler than I expected.`,
  (r) => `${cap(r.pick(groups))} decided to meet every other week from now on.`,
  () => `I keep coming back to the question of how much to give and how much to keep.`,
  (r) => `It rained ${r.pick(times)}, so I stayed in and wrote instead.`,
  () => `Three things went well today, and I nearly missed all of them.`,
  (r) => `When ${r.pick(people)} was late I could feel ${r.pick(parts)} getting louder.`,
];

function cap(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(r: Random) {
  const text = r.pick(sentences)(r);
  // A little emphasis, as people add it.
  return r.chance(0.04) ? `**${text}**` : text;
}

function paragraph(r: Random) {
  if (r.chance(0.08)) {
    return Array.from({ length: r.int(2, 5) }, () => `- ${sentence(r)}`).join('\n');
  }
  const length = r.int(1, 6);
  return Array.from({ length }, () => sentence(r)).join(' ');
}

/** How many paragraphs: a quarter one-liners, half ordinary entries, the rest long ones. */
function paragraphCount(r: Random) {
  const kind = r.next();
  if (kind < 0.25) return 1;
  if (kind < 0.75) return r.int(2, 5);
  if (kind < 0.95) return r.int(6, 12);
  return r.int(15, 40);
}

export function entryTitle(r: Random, day: Date): string {
  const kind = r.next();
  if (kind < 0.12) return '';
  if (kind < 0.3) return `${weekdays[(day.getUTCDay() + 6) % 7]} ${r.pick(['morning', 'evening', 'notes', 'pages'])}`;
  if (kind < 0.5) return `${cap(r.pick(feelings))} after ${r.pick(activities)}`;
  if (kind < 0.65) return `Notes from ${r.pick(places)}`;
  if (kind < 0.8) return `${cap(r.pick(parts))} again`;
  return `With ${r.pick(people)} and ${r.pick(groups)}`;
}

export function entryBody(r: Random): string {
  const count = paragraphCount(r);
  const body: string[] = [];
  if (count > 8 && r.chance(0.5)) body.push(`## ${cap(r.pick(activities))}`);
  for (let i = 0; i < count; i += 1) body.push(paragraph(r));
  return body.join('\n\n');
}
