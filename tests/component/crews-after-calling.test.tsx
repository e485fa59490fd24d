import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

/** A crew of two, me and Ada, that has met once. */
async function pairThatMet() {
  const bridge = coreBridge();
  const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
  const me = await direct('people.create', { name: 'Me', isMe: true });
  const ada = await direct('people.create', { name: 'Ada' });
  const crew = await direct('crews.create', { name: 'Pod', startedOn: '2026-01-01', rhythmDays: 14, cycleSessions: 4, memberIds: [me.id, ada.id] });
  await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
  return { direct, crew };
}

describe('a small crew after calling', () => {
  it('is not told it is still calling once it meets, on its card or its page', async () => {
    await pairThatMet();
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    const card = await screen.findByRole('button', { name: /Pod/ });
    expect(card).toHaveTextContent('Two people for now. Crews work best with 3 to 6.');
    expect(card).not.toHaveTextContent(/still calling/);
    await user.click(card);
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const about = within(screen.getByRole('region', { name: 'About' }));
    expect(about.getByText('Two people for now. Crews work best with 3 to 6.')).toBeInTheDocument();
    expect(screen.queryByText(/still calling/)).not.toBeInTheDocument();
  });

  it('says a paused crew has no next meeting while paused, rather than one not set yet', async () => {
    const { direct, crew } = await pairThatMet();
    await direct('crews.setStage', { id: crew.id, stage: 'paused', on: '2026-01-09', note: '' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    const card = await screen.findByRole('button', { name: /Pod/ });
    expect(card).toHaveTextContent('Next meeting: none while paused');
    await user.click(card);
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const about = within(screen.getByRole('region', { name: 'About' }));
    expect(about.getByText('Next meeting').nextElementSibling).toHaveTextContent(/^None while paused$/);
  });
});
