import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';
import { startExport } from './export-job';
import { startImport } from './import-job';
import { createPickerHandlers } from './picker-handlers';

export function createTransferHandlers(archive: Archive, host: CoreHost) {
  return {
    'transfer.exportStart': async (input) => ({ jobId: (await startExport(archive, host, input.folder, input)).id }),
    'transfer.importStart': (input) => ({ jobId: startImport(archive, host, input).id }),
    ...createPickerHandlers(host),
  } satisfies Partial<Handlers>;
}
