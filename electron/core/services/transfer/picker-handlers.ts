import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';

/** Folder and file pickers, when the desktop shell offers them; null means "none chosen". */
export function createPickerHandlers(host: CoreHost) {
  return {
    'transfer.pickFolder': async (input) => ({
      path: host.platform.pickFolder ? await host.platform.pickFolder({ title: input.title, defaultPath: host.homeFolder }) : null,
    }),
    'transfer.pickFile': async (input) => ({
      path: host.platform.pickFile
        ? await host.platform.pickFile({ title: input.title, extensions: input.extensions, defaultPath: host.homeFolder })
        : null,
    }),
  } satisfies Partial<Handlers>;
}
