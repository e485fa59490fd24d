import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openPod, podOfFour } from './support/crews';

/** A day `days` from today, as the app stores it. */
const dayFrom = (days: number) => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localDay(date);
};

describe('crews as a first-time user meets them', () => {
  it('writes days as the rest of Ladder does: today, tomorrow, a weekday and a month, the year only in another one', async () => {
    const bridge = coreBridge();
    const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
    const me = await direct('people.create', { name: 'Me', isMe: true });
    const ada = await direct('people.create', { name: 'Ada' });
    const bea = await direct('people.create', { name: 'Bea' });
    const today = localDay();
    const crew = await direct('crews.create', { name: 'Pod', startedOn: today, callerId: me.id, rhythmDays: 14, cycleSessions: 4, memberIds: [me.id, ada.id, bea.id] });
    await direct('actionItems.add', { crewId: crew.id, text: 'Book the room', ownerId: ada.id, dueOn: dayFrom(1) });
    // The next meeting early next year: planned by its weekday, so the weekday stays with the year.
    const nextYear = new Date().getFullYear() + 1;
    await direct('crews.planNext', { id: crew.id, on: `${nextYear}-01-04`, place: '', hostId: null, focusId: null });
    const planned = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(nextYear, 0, 4));

    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    expect(await screen.findByText(`Next meeting: ${planned}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Pod/ }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const about = within(screen.getByRole('region', { name: 'About' }));
    expect(about.getByText(/^Today by Me/)).toBeInTheDocument();
    expect(about.getByText(planned)).toBeInTheDocument();
    expect(screen.getByText('Ada · by tomorrow')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Stage history' })).getByRole('list')).toHaveTextContent(/^Today: Called the crew/);

    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    expect(screen.getByText(planned, { selector: '.crews-fact-value' })).toBeInTheDocument();

    // Closed today: said as a sentence, here and on the card.
    await direct('crews.setStage', { id: crew.id, stage: 'closed', on: today, note: 'Thank you all', openActionItems: 'keep' });
    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    expect(await screen.findByRole('heading', { name: 'Closed gracefully today' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to Crews' }));
    expect(await screen.findByText('3 members · ended today')).toBeInTheDocument();
  });

  it('past the planned sessions, the prep says "Session 3, beyond the 2 planned", never "3 of 2", here and in what is shared', async () => {
    const { direct, crew } = await podOfFour();
    await direct('crews.update', { id: crew.id, cycleSessions: 2 });
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-22' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    const session = screen.getByText('Session', { selector: '.field-label' }).parentElement!;
    expect(session).toHaveTextContent(/^SessionSession 3beyond the 2 planned$/);
    expect(screen.queryByText(/3 of 2/)).not.toBeInTheDocument();
    const { markdown } = await direct('crews.prepMarkdown', { id: crew.id, today: '2026-01-23' });
    expect(markdown).toContain('- **Session:** 3, beyond the 2 planned (cycle 1)');
    expect(markdown).not.toContain('3 of 2');
  });

  it('the retrospective says what an empty "Sessions in the next cycle" means, since its grey number is no value', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Run the retrospective' }));
    await screen.findByRole('heading', { name: 'Retrospective', level: 1 });
    await user.click(screen.getByRole('radio', { name: 'Start a new cycle' }));
    expect(screen.getByLabelText('Sessions in the next cycle')).toHaveAccessibleDescription('Left empty, the next cycle plans 4 sessions again.');
  });
});

describe('recording a meeting forgotten earlier', () => {
  it('says a day before the newest meeting is numbered after it, in the order recorded', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-22' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    const date = await screen.findByLabelText('Date');
    expect(screen.queryByText(/numbered in the order they are recorded/)).not.toBeInTheDocument();
    await user.clear(date);
    await user.type(date, '2026-01-15');
    expect(date).toHaveAccessibleDescription(/^This day comes before Meeting 2 \(.+\)\. It will be recorded as Meeting 3: meetings are numbered in the order they are recorded\.$/);
  });
});
