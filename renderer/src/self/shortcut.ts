/** How the command key is written on this computer, for hints like "Ctrl+N". */
export const commandKey = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl+';
export const ariaCommandKey = commandKey === '⌘' ? 'Meta' : 'Control';
