import { z } from 'zod';
import { entryKinds, rungIds } from '../domain/journal';
import { partColours, partRoles, partStatuses, relationKinds, selfEnergyQualities, selfEnergyRange, trustRange } from '../domain/self';
import { limits, requiredText } from './fields';

/** Field builders for the Self rung's requests, so entries, parts and prompts share one set of rules. */

export const tagLimit = 60;
export const selfLimits = { tag: tagLimit, tagsPerEntry: 30, partsPerEntry: 40, positions: limits.listSize } as const;

export const rung = z.enum(rungIds, { message: 'Choose one of the five rungs.' });
export const entryKind = z.enum(entryKinds, { message: 'Not a kind of entry Ladder knows.' });
export const partRole = z.enum(partRoles, { message: 'Choose manager, firefighter, exile or not sure yet.' });
export const partStatus = z.enum(partStatuses, { message: 'Not a step on the path Ladder knows.' });
export const partColour = z.enum(partColours, { message: 'Choose one of the colours offered.' });
export const relationKind = z.enum(relationKinds, { message: 'Choose protects, polarised with or allied with.' });

export const trust = z
  .number({ message: `Trust is a number from ${trustRange.min} to ${trustRange.max}.` })
  .int(`Trust is a whole number from ${trustRange.min} to ${trustRange.max}.`)
  .min(trustRange.min, `Trust is a number from ${trustRange.min} to ${trustRange.max}.`)
  .max(trustRange.max, `Trust is a number from ${trustRange.min} to ${trustRange.max}.`);

const rating = z
  .number({ message: `Rate each C from ${selfEnergyRange.min} to ${selfEnergyRange.max}.` })
  .int(`Rate each C with a whole number from ${selfEnergyRange.min} to ${selfEnergyRange.max}.`)
  .min(selfEnergyRange.min, `Rate each C from ${selfEnergyRange.min} to ${selfEnergyRange.max}.`)
  .max(selfEnergyRange.max, `Rate each C from ${selfEnergyRange.min} to ${selfEnergyRange.max}.`);

/** A Self-energy check: any of the 8 C's, each 0–5, none required. */
export const selfEnergy = z.strictObject(Object.fromEntries(selfEnergyQualities.map((q) => [q, rating.optional()])) as Record<
  (typeof selfEnergyQualities)[number],
  z.ZodOptional<typeof rating>
>);

export const tagName = requiredText(tagLimit).refine((value) => !/[\n\r\t]/.test(value), 'A tag is one short line.');

export const partName = requiredText(limits.name);
