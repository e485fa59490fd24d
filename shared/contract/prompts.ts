import { z } from 'zod';
import type { Prompt, Template } from '../domain/prompts';
import { read, write } from './define';
import { id, isoDate, limits, requiredText, text } from './fields';
import { entryKind, rung } from './self-fields';

const promptText = requiredText(limits.shortText);

export const promptsContract = {
  /** The library, rung by rung; archived prompts only when asked for. */
  'prompts.list': read(z.strictObject({ rung: rung.optional(), includeArchived: z.boolean().default(false) })).returns<Prompt[]>(),

  'prompts.get': read(z.strictObject({ id })).returns<Prompt>(),

  /**
   * The prompt of the day for a rung: the same all day, chosen by the date, skipping archived
   * prompts. `date` is the person's local day; without it, the computer's. Null if the rung has none.
   */
  'prompts.today': read(z.strictObject({ rung, date: isoDate.optional() })).returns<Prompt | null>(),

  'prompts.create': write(z.strictObject({ rung, text: promptText })).returns<Prompt>(),

  /** Only your own prompts can be reworded; Ladder's can be archived instead. */
  'prompts.update': write(z.strictObject({ id, text: promptText })).returns<Prompt>(),

  /** Archived prompts rest out of the way and are never the prompt of the day; nothing is lost. */
  'prompts.archive': write(z.strictObject({ id, archived: z.boolean() })).returns<Prompt>(),
};

export const templatesContract = {
  'templates.list': read(z.strictObject({})).returns<Template[]>(),

  'templates.create': write(
    z.strictObject({
      name: requiredText(limits.name),
      body: text(limits.body).default(''),
      rung: rung.nullable().default(null),
      kind: entryKind.default('journal'),
    }),
  ).returns<Template>(),

  'templates.update': write(
    z.strictObject({
      id,
      name: requiredText(limits.name).optional(),
      body: text(limits.body).optional(),
      rung: rung.nullable().optional(),
      kind: entryKind.optional(),
    }),
  ).returns<Template>(),

  'templates.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'templates.restore': write(z.strictObject({ id })).returns<Template>(),
};
