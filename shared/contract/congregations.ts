import { z } from 'zod';
import { type Congregation, type CongregationCard, type CongregationDetail, congregationRoles, type Gathering, type SharedLesson } from '../domain/congregations';
import { read, write } from './define';
import { dateOf, id, isoDate, limits, requiredText, text } from './fields';

const size = z.number().int('Use a whole number, like 40.').min(1, 'A congregation has at least 1 person.').max(100_000, 'That is a whole town: keep it under 100,000.').nullable();
const role = z.enum(congregationRoles);
const gatheringDay = dateOf('A gathering’s date');
const peopleIds = z.array(id).max(200, 'Up to 200 people.');

export const congregationsContract = {
  'congregations.create': write(
    z.strictObject({
      name: requiredText(limits.name),
      about: text(limits.shortText).default(''),
      size: size.default(null),
      role: role.default('visitor'),
      /** The day my role began (the first entry of its history). */
      since: dateOf('The day your role began'),
    }),
  ).returns<Congregation>(),

  'congregations.update': write(
    z.strictObject({ id, name: requiredText(limits.name).optional(), about: text(limits.shortText).optional(), size: size.optional() }),
  ).returns<Congregation>(),

  /** A change of my role, kept in its history. */
  'congregations.setRole': write(z.strictObject({ id, role, on: dateOf('The day your role changed'), note: text(limits.shortText).default('') })).returns<Congregation>(),

  /** Every congregation, by name (they are few: one bounded list). */
  'congregations.list': read(z.strictObject({})).returns<CongregationCard[]>(),

  'congregations.get': read(z.strictObject({ id, today: isoDate })).returns<CongregationDetail>(),

  'congregations.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'congregations.restore': write(z.strictObject({ id })).returns<Congregation>(),

  /** Places a crew in the congregation; a crew already there is refused (field `crewId`). */
  'congregations.addCrew': write(z.strictObject({ congregationId: id, crewId: id })).returns<{ congregationId: string; crewId: string }>(),
  'congregations.removeCrew': write(z.strictObject({ congregationId: id, crewId: id })).returns<{ congregationId: string; crewId: string }>(),

  /** People I know there. Adding someone already there changes nothing. */
  'congregations.addPeople': write(z.strictObject({ congregationId: id, personIds: peopleIds.min(1, 'Choose at least one person.') })).returns<{
    added: number;
  }>(),
  'congregations.removePerson': write(z.strictObject({ congregationId: id, personId: id })).returns<{ congregationId: string; personId: string }>(),

  /** The lessons I chose to share, as Markdown to pass on to the congregation. */
  'congregations.lessonsMarkdown': read(z.strictObject({ id })).returns<{ markdown: string; fileName: string }>(),

  /** A gathering; people named in it who are not yet linked to the congregation are linked. */
  'gatherings.create': write(
    z.strictObject({
      congregationId: id,
      name: text(limits.name).default(''),
      heldOn: gatheringDay,
      place: text(limits.name).default(''),
      harvest: text(limits.body).default(''),
      temporaryCrewIds: peopleIds.default([]),
      possibleCrewmateIds: peopleIds.default([]),
    }),
  ).returns<Gathering>(),

  'gatherings.update': write(
    z.strictObject({
      id,
      name: text(limits.name).optional(),
      heldOn: gatheringDay.optional(),
      place: text(limits.name).optional(),
      harvest: text(limits.body).optional(),
      temporaryCrewIds: peopleIds.optional(),
      possibleCrewmateIds: peopleIds.optional(),
      /** The day I looked back on it; null brings the week-later note back. */
      followedUpOn: dateOf('The day you looked back').nullable().optional(),
    }),
  ).returns<Gathering>(),

  'gatherings.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  /** Brings a deleted gathering back (Undo); refused while its congregation is deleted. */
  'gatherings.restore': write(z.strictObject({ id })).returns<Gathering>(),

  /** Shares a lesson with the congregation, optionally from one of its crews' retrospectives. */
  'lessons.share': write(
    z.strictObject({
      congregationId: id,
      text: requiredText(limits.shortText),
      crewId: id.nullable().default(null),
      retrospectiveId: id.nullable().default(null),
      sharedOn: dateOf('The day a lesson was shared'),
    }),
  ).returns<SharedLesson>(),

  'lessons.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  /** Brings a deleted lesson back (Undo); refused while its congregation is deleted. */
  'lessons.restore': write(z.strictObject({ id })).returns<SharedLesson>(),
};
