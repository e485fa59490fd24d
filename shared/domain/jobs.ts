import type { LadderErrorValue } from '../errors';
import type { SalvageSummary } from './backup';
import type { ExportResult, ImportSummary } from './transfer';

/** Long work (export, import) runs as a job in small slices; the UI polls its status and may cancel it. */
export type JobKind = 'export' | 'import' | 'recover';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export type JobResult = { kind: 'export'; export: ExportResult } | { kind: 'import'; import: ImportSummary } | { kind: 'recover'; recover: SalvageSummary };

export interface JobStatus {
  id: string;
  kind: JobKind;
  state: JobState;
  /** What the job is doing now, in a few words ("Writing Markdown files"). */
  phase: string;
  done: number;
  /** 0 while the amount of work is not known yet. */
  total: number;
  result: JobResult | null;
  error: LadderErrorValue | null;
}
