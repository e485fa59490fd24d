import type { Envelope } from './errors';
import type { RequestInput, RequestName, RequestResult } from './contract';

/**
 * The shape of `window.ladder`: exactly one function. The Electron preload and the browser
 * host's bridge both provide it; the renderer cannot tell which one it talks to.
 */
export interface LadderBridge {
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Envelope<RequestResult<N>>>;
}

/** The IPC channel the preload and the main process share. */
export const invokeChannel = 'ladder:invoke';
