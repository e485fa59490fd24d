/**
 * Every editor that saves itself (an entry, a check-in, a meeting, my case) registers here when
 * its module loads, so whatever must save everything first (locking) reaches them all without
 * importing them: the start bundle then stays free of the rung pages' editors and, through
 * them, of the contract's validation library (~95 KB the first paint had to parse).
 * An editor whose code never loaded has nothing unsaved.
 */
export interface SavingEditor {
  getState: () => { hasUnsavedWork: () => boolean; flush: () => Promise<boolean> };
}

const editors = new Set<SavingEditor>();

export function registerEditor(editor: SavingEditor) {
  editors.add(editor);
}

/** Saves what every loaded editor holds; false when a save failed. */
export async function saveAllEditors(): Promise<boolean> {
  const results = await Promise.all(
    [...editors].map((editor) => {
      const state = editor.getState();
      return state.hasUnsavedWork() ? state.flush() : Promise.resolve(true);
    }),
  );
  return results.every(Boolean);
}
