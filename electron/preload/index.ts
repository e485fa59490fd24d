import { contextBridge, ipcRenderer } from 'electron';
import { invokeChannel, type LadderBridge } from '../../shared/bridge';

/**
 * The sandboxed preload: `window.ladder` with one generic `invoke`, and nothing else.
 * The page never sees ipcRenderer; the main process checks every request it receives.
 */
const bridge = {
  invoke: (name, input) => ipcRenderer.invoke(invokeChannel, name, input) as ReturnType<LadderBridge['invoke']>,
} satisfies LadderBridge;

contextBridge.exposeInMainWorld('ladder', bridge);
