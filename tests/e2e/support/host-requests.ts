import type { RequestName, RequestResult } from '../../../shared/contract';
import type { BrowserHost } from '../../host/browser-host';

/** Seeds a test through the host's core, as the page would ask; an error envelope throws. */
export async function handle<N extends RequestName>(host: BrowserHost, name: N, input: unknown): Promise<RequestResult<N>> {
  const result = await host.core.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as RequestResult<N>;
}
