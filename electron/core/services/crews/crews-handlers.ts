import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultExportFolder } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import { makeFolder } from '../../make-folder';
import type { Handlers } from '../../router';
import { resolveUserPath, safeFileName } from '../transfer/paths';
import { createCrewsService } from './crews-service';
import { createHistoryEdits } from './history-edits';
import { createItemEdits } from './item-edits';
import { createMeetingEdits } from './meeting-edits';
import { createMeetingsService } from './meetings-service';
import { createPlanService } from './plan-service';
import { createPrep, prepMarkdown } from './prep';

export function createCrewsHandlers(archive: Archive, clock: Clock, host: Pick<CoreHost, 'homeFolder'>) {
  const crews = createCrewsService(archive.db, clock);
  const meetings = createMeetingsService(archive.db, clock);
  const prep = createPrep(archive.db);
  const edits = createMeetingEdits(archive.db, clock);
  const plan = createPlanService(archive.db, clock);
  const items = createItemEdits(archive.db, clock);
  const history = createHistoryEdits(archive.db, clock);

  const markdownOf = async (input: { id: string; today: string; includeCase: boolean }) => {
    const p = await prep(input);
    return { markdown: prepMarkdown(p, { includeCase: input.includeCase }), fileName: `${safeFileName(p.crewName)} - next meeting ${p.date ?? input.today}.md` };
  };

  /**
   * The folder to write into, made (with any missing parents) when it is not there yet: the person
   * typed it, or took the suggested export folder, and means it. Returns the folder and whether it was made.
   */
  const folderFor = (typed: string | undefined) => {
    const folder = resolveUserPath(typed ?? defaultExportFolder(host.homeFolder), host.homeFolder, 'folder');
    if (existsSync(folder)) {
      if (!statSync(folder).isDirectory()) throw new LadderError('validation', 'That is a file, not a folder. Choose a folder to save into.', 'folder');
      return { folder, made: false };
    }
    // Never `mkdirSync(…, { recursive: true })` on a typed path: see make-folder.ts.
    return { folder, made: makeFolder(folder, { field: 'folder' }) };
  };

  return {
    'crews.create': crews.create,
    'crews.update': crews.update,
    'crews.get': crews.get,
    'crews.list': crews.list,
    'crews.setStage': crews.setStage,
    'crews.retrospective': crews.retrospective,
    'crews.undoStage': history.undoStage,
    'crews.reopen': history.reopen,
    'retrospectives.update': history.updateRetro,
    'retrospectives.delete': history.deleteRetro,
    'retrospectives.restore': history.restoreRetro,
    'crews.planNext': plan.planNext,
    'crews.saveCase': plan.saveCase,
    'crews.prep': prep,
    'crews.prepMarkdown': markdownOf,
    'crews.savePrepMarkdown': async (input) => {
      // The prep is read first: an unknown crew makes no folder.
      const { markdown, fileName } = await markdownOf(input);
      const { folder, made } = folderFor(input.folder);
      const stem = fileName.replace(/\.md$/, '');
      // Never overwrite: a second save beside the first gets a number.
      for (let n = 1; n < 1000; n += 1) {
        const target = path.join(folder, n === 1 ? fileName : `${stem} (${n}).md`);
        try {
          writeFileSync(target, markdown, { encoding: 'utf8', flag: 'wx' });
          return { path: target, madeFolder: made ? folder : null };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new LadderError('validation', 'Ladder could not write a file in that folder.', 'folder');
        }
      }
      throw new LadderError('conflict', 'That folder already holds many copies of this prep.', 'folder');
    },
    'meetings.create': meetings.create,
    'meetings.get': meetings.get,
    'meetings.update': edits.update,
    'meetings.delete': edits.delete,
    'meetings.restore': edits.restore,
    'agendaItems.add': meetings.addAgendaItem,
    'agendaItems.setStatus': meetings.setAgendaItemStatus,
    'agendaItems.update': items.updateAgendaItem,
    'actionItems.add': meetings.addActionItem,
    'actionItems.setStatus': meetings.setActionItemStatus,
    'actionItems.update': items.updateActionItem,
  } satisfies Partial<Handlers>;
}
