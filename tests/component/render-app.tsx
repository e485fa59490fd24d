import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/App';
import { followAddress } from '../../renderer/src/app/navigation-history';
import { loadShownPage } from '../../renderer/src/app/pages';

/** Renders the whole app, as a person would meet it, with a user to drive it. */
export function renderApp() {
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, ...view };
}

let unfollow: (() => void) | null = null;

/** Renders the app as main.tsx starts the window: on the page its address names (a reload, a kept link). */
export function renderAppAt(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
  unfollow = followAddress();
  return renderApp();
}

/**
 * What main.tsx does before React's first render, on the page `hash` names: follows the address
 * and starts the page's code and first requests. `renderApp()` then renders the window.
 */
export function startWindowAt(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
  unfollow = followAddress();
  loadShownPage();
}

/** After each test (setup.ts): the app stops following the address, and the address is empty again. */
export function forgetAddress() {
  unfollow?.();
  unfollow = null;
  window.history.replaceState(null, '', '/');
}

export function sidebar() {
  return within(screen.getByRole('navigation', { name: 'Rungs' }));
}

/** Opens the Self page from the sidebar and waits for the journal (or its welcome). */
export async function openJournal(user: ReturnType<typeof userEvent.setup>) {
  await user.click(sidebar().getByRole('button', { name: 'Self' }));
  await screen.findByRole('heading', { name: 'Self', level: 1 });
}
