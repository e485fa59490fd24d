import type { RequestInput } from '../../../shared/contract';
import { crewsChecks } from '../api/checks';
import type { FormError } from './crews-store';

type CrewsRequest = keyof Awaited<ReturnType<typeof crewsChecks>>;

/**
 * The first problem the contract finds in a crew form's input, named by its field, so it shows
 * (and gets focus) by that field before anything is sent, saved or added on the way.
 */
export async function contractProblem<N extends CrewsRequest>(name: N, input: RequestInput<N>): Promise<FormError | null> {
  const result = (await crewsChecks())[name].input.safeParse(input);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return { message: issue?.message ?? 'This could not be saved.', field: issue ? issue.path.join('.') : null };
}
