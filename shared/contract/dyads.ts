import { z } from 'zod';
import {
  type Checkin,
  checkinHows,
  type CheckinPage,
  type Commitment,
  commitmentDirections,
  type CommitmentOutcome,
  type DialPoint,
  type Dyad,
  type DyadCard,
  dyadKinds,
  dyadStatuses,
  type MonthCount,
} from '../domain/dyads';
import { read, write } from './define';
import { dateOf, id, isoDate, limits, pageCursor, requiredText, text } from './fields';

const rhythmDays = z.number().int('Use whole days.').min(1, 'A rhythm is at least 1 day.').max(730, 'Keep the rhythm under two years.');
const agreements = z.array(requiredText(limits.shortText)).max(50, 'Keep it to 50 agreements or fewer.');
const dial = z.number().int('Choose a whole number from 1 to 5.').min(1, 'The dial goes from 1 to 5.').max(5, 'The dial goes from 1 to 5.');

const checkinFields = {
  how: z.enum(checkinHows),
  iShared: text(limits.body),
  iHeard: text(limits.body),
  offersAsksFromMe: text(limits.body),
  offersAsksFromThem: text(limits.body),
  dial: dial.nullable(),
  partIds: z.array(id).max(50),
  notes: text(limits.body),
  nextCheckinDate: dateOf('The next check-in’s date').nullable(),
};

const commitmentText = requiredText(limits.shortText);

/** The days the dyad forms ask for, each named in its error. */
const dyadStart = dateOf('The day a dyad started');
const checkinDay = dateOf('A check-in’s date');
const hopedFor = dateOf('The “Hoped for by” date');

export const dyadsContract = {
  'dyads.create': write(
    z.strictObject({
      personId: id,
      kind: z.enum(dyadKinds),
      intention: text(limits.shortText).default(''),
      startedOn: dyadStart.nullable().default(null),
      rhythmDays: rhythmDays.nullable().default(null),
      agreements: agreements.default([]),
    }),
  ).returns<Dyad>(),

  'dyads.update': write(
    z.strictObject({
      id,
      kind: z.enum(dyadKinds).optional(),
      intention: text(limits.shortText).optional(),
      startedOn: dyadStart.nullable().optional(),
      rhythmDays: rhythmDays.nullable().optional(),
      /** Replaces the whole list, in this order. */
      agreements: agreements.optional(),
    }),
  ).returns<Dyad>(),

  /** Active, paused, or closed gracefully; closing asks for a short closing note. */
  'dyads.setStatus': write(
    z.strictObject({
      id,
      status: z.enum(dyadStatuses),
      closingNote: text(limits.shortText).optional(),
      today: isoDate,
    }),
  ).returns<Dyad>(),

  'dyads.get': read(z.strictObject({ id })).returns<Dyad>(),

  /** Every dyad with a living person, as cards; `today` is the person's local day, for the rhythm. */
  'dyads.list': read(z.strictObject({ today: isoDate })).returns<DyadCard[]>(),

  /** Active dyads whose hoped-for next contact has passed, furthest past first. */
  'dyads.aWhile': read(z.strictObject({ today: isoDate })).returns<DyadCard[]>(),

  'dyads.card': read(z.strictObject({ id, today: isoDate })).returns<DyadCard>(),

  'dyads.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'dyads.restore': write(z.strictObject({ id })).returns<Dyad>(),

  /** Where each check-in sat on the partnership ↔ domination dial, oldest first. */
  'dyads.dial': read(z.strictObject({ id })).returns<DialPoint[]>(),

  'checkins.create': write(
    z.strictObject({
      dyadId: id,
      checkinDate: checkinDay,
      how: checkinFields.how.default('in_person'),
      iShared: checkinFields.iShared.default(''),
      iHeard: checkinFields.iHeard.default(''),
      offersAsksFromMe: checkinFields.offersAsksFromMe.default(''),
      offersAsksFromThem: checkinFields.offersAsksFromThem.default(''),
      dial: checkinFields.dial.default(null),
      partIds: checkinFields.partIds.default([]),
      notes: checkinFields.notes.default(''),
      nextCheckinDate: checkinFields.nextCheckinDate.default(null),
    }),
  ).returns<Checkin>(),

  'checkins.update': write(
    z.strictObject({
      id,
      checkinDate: checkinDay.optional(),
      how: checkinFields.how.optional(),
      iShared: checkinFields.iShared.optional(),
      iHeard: checkinFields.iHeard.optional(),
      offersAsksFromMe: checkinFields.offersAsksFromMe.optional(),
      offersAsksFromThem: checkinFields.offersAsksFromThem.optional(),
      dial: checkinFields.dial.optional(),
      partIds: checkinFields.partIds.optional(),
      notes: checkinFields.notes.optional(),
      nextCheckinDate: checkinFields.nextCheckinDate.optional(),
    }),
  ).returns<Checkin>(),

  'checkins.get': read(z.strictObject({ id })).returns<Checkin>(),

  'checkins.list': read(
    z.strictObject({
      dyadId: id,
      after: pageCursor.optional(),
      limit: z.number().int().min(1).max(limits.pageSize).default(50),
    }),
  ).returns<CheckinPage>(),

  /** Check-ins per month for the 12 months up to `today`, across all dyads or for one. */
  'checkins.perMonth': read(z.strictObject({ today: isoDate, dyadId: id.optional() })).returns<MonthCount[]>(),

  'checkins.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'checkins.restore': write(z.strictObject({ id })).returns<Checkin>(),

  'commitments.create': write(
    z.strictObject({
      dyadId: id,
      checkinId: id.nullable().default(null),
      direction: z.enum(commitmentDirections),
      text: commitmentText,
      madeOn: isoDate,
      dueOn: hopedFor.nullable().default(null),
    }),
  ).returns<Commitment>(),

  /** Changes the wording or date of an open commitment (a typo, not a renegotiation). */
  'commitments.update': write(
    z.strictObject({ id, text: commitmentText.optional(), dueOn: hopedFor.nullable().optional() }),
  ).returns<Commitment>(),

  /** Open → kept, renegotiated (new terms become a new open commitment) or released (with a note). */
  'commitments.resolve': write(
    z.discriminatedUnion('status', [
      z.strictObject({ id, status: z.literal('kept'), note: text(limits.shortText).default(''), on: isoDate }),
      z.strictObject({
        id,
        status: z.literal('renegotiated'),
        newTerms: commitmentText,
        newDueOn: dateOf('The new date').nullable().default(null),
        on: isoDate,
      }),
      z.strictObject({ id, status: z.literal('released'), note: requiredText(limits.shortText), on: isoDate }),
    ]),
  ).returns<CommitmentOutcome>(),

  /**
   * Takes a kept, renegotiated or released commitment back to open (the Undo after settling it).
   * A renegotiation's new terms leave with it, unless they were settled since.
   */
  'commitments.reopen': write(z.strictObject({ id })).returns<Commitment>(),

  /** Open commitments of a dyad (both ways, oldest first), or all of them with `all`. */
  'commitments.list': read(
    z.strictObject({ dyadId: id, which: z.enum(['open', 'all']).default('open') }),
  ).returns<Commitment[]>(),

  'commitments.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'commitments.restore': write(z.strictObject({ id })).returns<Commitment>(),
};
