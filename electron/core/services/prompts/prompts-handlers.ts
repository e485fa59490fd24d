import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createTemplatesService } from '../templates/templates-service';
import { createPromptsService } from './prompts-service';

export function createPromptsHandlers(archive: Archive, clock: Clock) {
  const prompts = createPromptsService(archive.db, clock);
  const templates = createTemplatesService(archive.db, clock);
  return {
    'prompts.list': prompts.list,
    'prompts.get': prompts.get,
    'prompts.today': prompts.today,
    'prompts.create': prompts.create,
    'prompts.update': prompts.update,
    'prompts.archive': prompts.archive,
    'templates.list': templates.list,
    'templates.create': templates.create,
    'templates.update': templates.update,
    'templates.delete': templates.delete,
    'templates.restore': templates.restore,
  } satisfies Partial<Handlers>;
}
