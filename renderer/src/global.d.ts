import type { LadderBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Provided by the preload (or the browser host): the one way to reach the core. */
    readonly ladder: LadderBridge;
  }
}

export {};
