/**
 * Each domain's request schemas, for checking a form before it saves (so a problem shows by its
 * field without a round trip). Loaded with the first save, not with the page: the whole contract
 * imported statically put zod and every schema on Self's opening path, 50-80 ms of script before
 * the journal could ask for its first page (benchmark, Chromium).
 */
export const journalChecks = () => import('../../../shared/contract/journal').then((module) => module.journalContract);
export const partsChecks = () => import('../../../shared/contract/parts').then((module) => module.partsContract);
export const dyadsChecks = () => import('../../../shared/contract/dyads').then((module) => module.dyadsContract);
export const crewsChecks = () => import('../../../shared/contract/crews').then((module) => module.crewsContract);
