/** Export to a folder, and import from a Ladder export, a folder of Markdown files or Day One. */

export const archiveFormat = 'ladder-archive';

/** Where Ladder suggests writing files the person takes away (Settings › Export, a crew's shared prep). */
export function defaultExportFolder(homeFolder: string): string {
  return homeFolder ? `${homeFolder}/Ladder exports` : '';
}

/** Bumped when the JSON export's shape changes; an importer reads every version up to its own. */
export const archiveFormatVersion = 1;

export interface ExportResult {
  folder: string;
  jsonFile: string;
  markdownFiles: number;
  /** Rows written to the JSON file, per table (deleted rows included: the JSON is lossless). */
  rows: Record<string, number>;
}

export type ImportFormat = 'ladder-json' | 'markdown-folder' | 'day-one-json';

export interface ImportTableSummary {
  /** Rows the archive did not have. */
  new: number;
  /** Rows the archive had in an older version (by `updated_at`). */
  updated: number;
  /** Rows the archive already had as they are, or in a newer version: left alone. */
  kept: number;
  /**
   * Rows the archive did not have that were already deleted where they come from (`deleted_at`
   * set): written, so an export imported into an empty archive gives it back exactly, but not
   * counted as new, since they come in deleted and show nowhere. Present only when there are some.
   */
  newDeleted?: number;
}

export interface ImportSummary {
  format: ImportFormat;
  source: string;
  dryRun: boolean;
  tables: Record<string, ImportTableSummary>;
}
