import { z } from 'zod';
import type { Entry } from '../domain/journal';
import { type Part, reactiveFeelings } from '../domain/self';
import { write } from './define';
import { id, limits, text } from './fields';
import { entryDate } from './journal';
import { partName, partRole, selfEnergy, trust } from './self-fields';

export const selfContract = {
  /**
   * Finishes a guided protector reflection (the 6 F's) in one go: the entry is written and the
   * part is created (or its profile filled in) together, so neither exists without the other.
   */
  'protectorReflection.save': write(
    z
      .strictObject({
        entryDate,
        partId: id.optional(),
        newPart: z.strictObject({ name: partName, role: partRole.default('manager') }).optional(),
        bodyLocation: text(limits.shortText).default(''),
        focus: text(limits.shortText).default(''),
        appearance: text(limits.shortText).default(''),
        apparentAge: text(limits.name).default(''),
        selfEnergy: selfEnergy.default({}),
        feelings: z.array(z.enum(reactiveFeelings)).max(reactiveFeelings.length).default([]),
        steppedBack: z.boolean().default(false),
        job: text(limits.shortText).default(''),
        positiveIntent: text(limits.shortText).default(''),
        fears: text(limits.shortText).default(''),
        trust: trust.nullable().default(null),
      })
      .refine((input) => (input.partId === undefined) !== (input.newPart === undefined), {
        message: 'Choose a part you know, or name a new one.',
        path: ['partId'],
      }),
  ).returns<{ entry: Entry; part: Part }>(),
};
