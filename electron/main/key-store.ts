import { safeStorage } from 'electron';
import type { KeyStore } from '../core/host';

/**
 * "Remember on this device" through Electron's asynchronous safeStorage (the synchronous calls go
 * away in Electron 46). On Linux, `basic_text` means no keyring: the "encryption" uses a key anyone
 * can find, so the core refuses to remember there. Elsewhere the backend is the system's own
 * (Keychain on macOS, DPAPI on Windows).
 */
export const keyStore: KeyStore = {
  backend: async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
    if (process.platform === 'linux') return safeStorage.getSelectedStorageBackend();
    return process.platform === 'darwin' ? 'keychain' : 'dpapi';
  },
  encrypt: (text) => safeStorage.encryptStringAsync(text),
  decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
};
