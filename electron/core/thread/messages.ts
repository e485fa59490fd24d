import type { Envelope } from '../../../shared/errors';

/**
 * What the desktop shell and the core's thread say to each other (core-thread.ts, core-worker.ts).
 * Only plain data crosses: the structured clone turns a Buffer into a Uint8Array, so each side
 * makes bytes a Buffer again where the other side's API wants one.
 */

/** What the shell offers the core (host.ts's Platform), one call each, answered asynchronously. */
export const platformCalls = ['pickFolder', 'pickFile', 'keyStore.backend', 'keyStore.encrypt', 'keyStore.decrypt'] as const;
export type PlatformCall = (typeof platformCalls)[number];

export interface CoreThreadData {
  dataDir: string;
  version: string | undefined;
  /** The platform calls the shell can answer; the core sees only these. */
  platform: PlatformCall[];
  /** As createCore's; false in the benchmark, whose measurements a backup would disturb. */
  automaticBackups?: boolean;
}

export type ToCore =
  | { type: 'request'; id: number; name: unknown; input: unknown }
  | { type: 'platform-answer'; id: number; ok: true; value: unknown }
  | { type: 'platform-answer'; id: number; ok: false; message: string }
  | { type: 'close' };

export type FromCore =
  | { type: 'opened' }
  /** The archive could not be opened; `message` is createCore's, for the shell to show. */
  | { type: 'failed'; message: string }
  | { type: 'response'; id: number; envelope: Envelope<unknown> }
  | { type: 'platform-call'; id: number; call: PlatformCall; args: unknown[] }
  | { type: 'closed' };
