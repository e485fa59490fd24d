import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/App';

/** Renders the whole app, as a person would meet it, with a user to drive it. */
export function renderApp() {
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, ...view };
}

export function sidebar() {
  return within(screen.getByRole('navigation', { name: 'Rungs' }));
}

/** Opens the Self page from the sidebar and waits for the journal (or its welcome). */
export async function openJournal(user: ReturnType<typeof userEvent.setup>) {
  await user.click(sidebar().getByRole('button', { name: 'Self' }));
  await screen.findByRole('heading', { name: 'Self', level: 1 });
}
