import { measuringStarts } from '../generate';
import { caller } from '../probes';
import type { Random } from '../random';
import { timed } from '../report';
import { entryBody } from '../text';
import type { MeasureContext, Scenario, SeedContext } from './types';

/**
 * The people around the journal, at the scale for 100,000 entries: 2,000 people,
 * 40 dyads with 20,000 check-ins, 200 crews with 10,000 meetings. Everything scales with
 * `--entries`. Measured: the ladder home's summary, a person's timeline, a crew's prep view,
 * and saving a check-in.
 */

const dayMs = 24 * 60 * 60 * 1000;
const batchSize = 2_000;
/** The names the journal's text mentions (text.ts): these people turn up in many entries. */
export const mentionedNames = ['Maya', 'Tom', 'Jonas', 'Aisha', 'Leo', 'Priya', 'Sam'];
const firstNames = ['Ada', 'Bea', 'Cyril', 'Dara', 'Eun', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Oskar', 'Pia'];
const surnames = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Brennan', 'Kowalski', 'Mensah', 'Reyes', 'Varga'];
const dyadKinds = ['peer_coach', 'creative_partner', 'steward', 'accountability_partner', 'friend'] as const;
const hows = ['in_person', 'call', 'walk', 'messages'] as const;
const today = measuringStarts.slice(0, 10);

export function scaled(entries: number, per100k: number, min: number) {
  return Math.max(min, Math.round((per100k * entries) / 100_000));
}

function isoDay(ms: number) {
  return new Date(ms).toISOString().slice(0, 10);
}

function personName(random: Random, i: number) {
  if (i < mentionedNames.length) return mentionedNames[i] ?? 'Maya';
  return `${random.pick(firstNames)} ${random.pick(surnames)} ${i}`;
}

/** Days spread over [from, to), sorted, so rows are written in the order they happened. */
function days(random: Random, count: number, from: number, to: number) {
  const span = Math.max(1, Math.floor((to - from) / dayMs));
  return Array.from({ length: count }, () => from + random.int(0, span - 1) * dayMs + random.int(8, 21) * 3_600_000).sort((a, b) => a - b);
}

async function seed({ call, random, clock, entries, history, inBatch, log }: SeedContext) {
  const start = history.start.getTime();
  const end = history.end.getTime();
  const counts = {
    people: scaled(entries, 2_000, 12),
    dyads: scaled(entries, 40, 2),
    'check-ins': scaled(entries, 20_000, 40),
    crews: scaled(entries, 200, 2),
    meetings: scaled(entries, 10_000, 20),
  };

  clock.set(history.start);
  const people: string[] = [];
  await inBatch(async () => {
    await call('people.create', { name: 'Me', isMe: true });
    for (let i = 0; i < counts.people; i += 1) people.push((await call('people.create', { name: personName(random, i) })).id);
  });

  // Dyads with the people the journal mentions first, then others; all started at the beginning.
  const dyads: string[] = [];
  await inBatch(async () => {
    for (let i = 0; i < counts.dyads; i += 1) {
      const dyad = await call('dyads.create', { personId: people[i] ?? '', kind: random.pick(dyadKinds), startedOn: isoDay(start), rhythmDays: random.pick([7, 14, 30]) });
      dyads.push(dyad.id);
    }
  });

  const checkinDays = days(random, counts['check-ins'], start + dayMs, end);
  for (let from = 0; from < checkinDays.length; from += batchSize) {
    await inBatch(async () => {
      for (let i = from; i < Math.min(from + batchSize, checkinDays.length); i += 1) {
        const at = checkinDays[i] ?? start;
        clock.set(new Date(at));
        await call('checkins.create', {
          dyadId: random.pick(dyads),
          checkinDate: isoDay(at),
          how: random.pick(hows),
          iShared: entryBody(random).slice(0, 600),
          iHeard: entryBody(random).slice(0, 600),
          dial: random.int(1, 5),
        });
      }
    });
  }
  log(`  relations: ${counts.people.toLocaleString('en')} people, ${counts['check-ins'].toLocaleString('en')} check-ins`);

  // Crews of 3–6, each meeting a share of the meetings over its own stretch of the history.
  const crews: { id: string; members: string[]; startedAt: number }[] = [];
  await inBatch(async () => {
    for (let i = 0; i < counts.crews; i += 1) {
      const size = random.int(3, 6);
      const members = new Set<string>();
      // The first crews include the most mentioned person, so their timeline has meetings.
      if (i < 4) members.add(people[0] ?? '');
      while (members.size < size) members.add(random.pick(people));
      const startedAt = start + random.int(0, Math.floor((end - start) / dayMs / 2)) * dayMs;
      clock.set(new Date(startedAt));
      const crew = await call('crews.create', { name: `Crew ${i + 1}`, startedOn: isoDay(startedAt), memberIds: [...members], rhythmDays: 14, intention: 'Meet, help each other, keep going.' });
      crews.push({ id: crew.id, members: [...members], startedAt });
    }
  });
  const perCrew = Math.max(1, Math.floor(counts.meetings / crews.length));
  const meetings = crews
    .flatMap((crew) => days(random, perCrew, crew.startedAt + dayMs, end).map((at) => ({ crew, at })))
    .sort((a, b) => a.at - b.at);
  for (let from = 0; from < meetings.length; from += batchSize) {
    await inBatch(async () => {
      for (let i = from; i < Math.min(from + batchSize, meetings.length); i += 1) {
        const { crew, at } = meetings[i] ?? { crew: crews[0], at: end };
        if (!crew) continue;
        clock.set(new Date(at));
        const attendees = crew.members.filter(() => random.chance(0.85));
        await call('meetings.create', {
          crewId: crew.id,
          heldOn: isoDay(at),
          attendeeIds: attendees,
          checkinNotes: attendees.slice(0, 3).map((personId) => ({ personId, note: entryBody(random).slice(0, 200) })),
          notes: entryBody(random).slice(0, 1_200),
          actionItems: random.chance(0.3) ? [{ text: 'Send the notes round', ownerId: random.pick(crew.members) }] : [],
        });
      }
    });
  }
  // The next meeting's agenda for every crew, a few items each, one of them private.
  clock.set(history.end);
  await inBatch(async () => {
    for (const crew of crews) {
      for (let i = 0; i < 4; i += 1) await call('agendaItems.add', { crewId: crew.id, text: `Item ${i + 1}: how is everyone doing?`, private: i === 3 });
    }
  });
  log(`  relations: ${counts.crews.toLocaleString('en')} crews, ${meetings.length.toLocaleString('en')} meetings`);
  return { ...counts, meetings: meetings.length };
}

async function measure(context: MeasureContext) {
  const core = await context.openCore();
  const call = caller(core);
  try {
    const summary = await context.time(() => call('ladder.summary', { today }), { warmup: 10, reps: 100 });

    const people = [];
    for (let after: string | undefined; ; ) {
      const page = await call('people.list', { limit: 100, ...(after === undefined ? {} : { after }) });
      people.push(...page.people);
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    const often = people.find((person) => person.name === mentionedNames[0]);
    // A person the journal never names: the timeline looks for entries that mention them too.
    const seldom = people.find((person) => !person.isMe && !mentionedNames.includes(person.name));
    if (!often || !seldom) throw new Error('The generated archive has no people to measure a timeline with.');
    const timelineOften = await context.time(() => call('people.timeline', { id: often.id }), { warmup: 5, reps: 50 });
    const timelineSeldom = await context.time(() => call('people.timeline', { id: seldom.id }), { warmup: 2, reps: 20 });

    const crew = (await call('crews.list', { today })).active[0];
    if (!crew) throw new Error('The generated archive has no active crew to measure the prep view with.');
    const prep = await context.time(() => call('crews.prep', { id: crew.id, today }), { warmup: 10, reps: 100 });

    const dyad = (await call('dyads.list', { today }))[0];
    if (!dyad) throw new Error('The generated archive has no dyad to save a check-in in.');
    const checkin = await context.time(
      () => call('checkins.create', { dyadId: dyad.id, checkinDate: today, iShared: entryBody(context.random), iHeard: entryBody(context.random), dial: 3 }),
      { warmup: 10, reps: 100 },
    );

    return [
      timed('ladder.summary', 'ladder home summary', summary, 20),
      timed('people.timeline', `timeline of ${often.name} (often in the journal)`, timelineOften, 20),
      timed('people.timeline.seldom', 'timeline of someone the journal never names', timelineSeldom, 20),
      timed('crews.prep', "a crew's prep view (next meeting)", prep, 20),
      timed('checkins.create', 'save check-in (checkins.create), sync FULL', checkin, 10),
    ];
  } finally {
    await core.close();
  }
}

export const relationsScenario: Scenario = { name: 'relations', seed, measure };
