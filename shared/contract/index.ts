import type { z } from 'zod';
import { appContract } from './app';
import { journalContract } from './journal';
import { partsContract } from './parts';
import { promptsContract, templatesContract } from './prompts';
import { selfContract } from './self';
import { dyadsContract } from './dyads';
import { peopleContract } from './people';
import { backupContract } from './backup';
import { jobsContract } from './jobs';
import { searchContract } from './search';
import { transferContract } from './transfer';
import { crewsContract } from './crews';
import { congregationsContract } from './congregations';
import { networkContract } from './network';
import { ladderContract } from './ladder';
import { privacyContract } from './privacy';
import { draftsContract } from './drafts';

/**
 * The one contract between the UI and the core: every request by name.
 * The preload, the browser host and the router are all generic over it, and the
 * handler map is checked against it by the compiler, so adding a request means
 * one entry here and one handler in the core.
 */
export const contract = {
  ...appContract,
  ...journalContract,
  ...partsContract,
  ...promptsContract,
  ...templatesContract,
  ...selfContract,
  ...peopleContract,
  ...dyadsContract,
  ...backupContract,
  ...jobsContract,
  ...searchContract,
  ...transferContract,
  ...crewsContract,
  ...congregationsContract,
  ...networkContract,
  ...ladderContract,
  ...privacyContract,
  ...draftsContract,
};

export type Contract = typeof contract;
export type RequestName = keyof Contract;
/** What the caller passes (defaults may be left out). */
export type RequestInput<N extends RequestName> = z.input<Contract[N]['input']>;
/** What the handler receives, after validation and defaults. */
export type ParsedInput<N extends RequestName> = z.output<Contract[N]['input']>;
export type RequestResult<N extends RequestName> = Contract[N]['result'];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
