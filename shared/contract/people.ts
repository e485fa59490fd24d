import { z } from 'zod';
import type { PeoplePage, Person, PersonGroups, TimelinePage } from '../domain/people';
import { read, write } from './define';
import { id, pastDayOf, limits, pageCursor, requiredText, text } from './fields';

/** A birthday: 1900 to today (the people service refuses a day after today, with this message). */
export const birthday = pastDayOf('A birthday');

const personFields = {
  name: requiredText(limits.name),
  howWeMet: text(limits.shortText),
  notes: text(limits.body),
  birthday: birthday.schema.nullable(),
  isMe: z.boolean(),
};

export const peopleContract = {
  'people.create': write(
    z.strictObject({
      name: personFields.name,
      howWeMet: personFields.howWeMet.default(''),
      notes: personFields.notes.default(''),
      birthday: personFields.birthday.default(null),
      isMe: personFields.isMe.default(false),
    }),
  ).returns<Person>(),

  'people.update': write(
    z.strictObject({
      id,
      name: personFields.name.optional(),
      howWeMet: personFields.howWeMet.optional(),
      notes: personFields.notes.optional(),
      birthday: personFields.birthday.optional(),
      isMe: personFields.isMe.optional(),
    }),
  ).returns<Person>(),

  'people.get': read(z.strictObject({ id })).returns<Person>(),

  /** Everyone, by name, a page at a time. */
  'people.list': read(
    z.strictObject({
      after: pageCursor.optional(),
      limit: z.number().int().min(1).max(limits.pageSize).default(100),
    }),
  ).returns<PeoplePage>(),

  /** Soft delete: the person leaves every list, their history stays and comes back on restore. */
  'people.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'people.restore': write(z.strictObject({ id })).returns<Person>(),

  /** The crews and congregations they are in, and the networks they host. */
  'people.groups': read(z.strictObject({ id })).returns<PersonGroups>(),

  /** Everything with this person, newest first: check-ins, commitments, entries that mention them. */
  'people.timeline': read(
    z.strictObject({
      id,
      after: pageCursor.optional(),
      limit: z.number().int().min(1).max(limits.pageSize).default(30),
    }),
  ).returns<TimelinePage>(),
};
