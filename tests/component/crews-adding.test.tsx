import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openPod } from './support/crews';

/** Adding one thing inside a bigger crew form: Enter adds it and never sends the whole form. */

function direct() {
  const bridge = coreBridge();
  const call: typeof bridge.direct = (name, input) => bridge.direct(name, input);
  return call;
}

async function podOfThree() {
  const call = direct();
  const me = await call('people.create', { name: 'Me', isMe: true });
  const ada = await call('people.create', { name: 'Ada' });
  const bea = await call('people.create', { name: 'Bea' });
  const crew = await call('crews.create', { name: 'Pod', startedOn: '2026-01-01', rhythmDays: 14, cycleSessions: 4, memberIds: [me.id, ada.id, bea.id] });
  return { call, crew, me, ada, bea };
}

describe('crews: adding one thing inside a bigger form', () => {
  it('Call a crew: Enter in "Someone new" adds them and keeps the form open; a name typed but not added still joins', async () => {
    const call = direct();
    await call('people.create', { name: 'Me', isMe: true });
    await call('people.create', { name: 'Sam' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    await screen.findByRole('heading', { name: 'Call a crew', level: 1 });
    // My own name is "Me": no "Me (me)".
    expect(await screen.findByRole('checkbox', { name: 'Me' })).toBeChecked();
    expect(screen.queryByText('Me (me)')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Name'), 'Thursday case clinic');
    await user.click(screen.getByRole('checkbox', { name: 'Sam' }));
    const someoneNew = screen.getByLabelText('Someone new');
    await user.type(someoneNew, 'Ada{Enter}');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Ada' })).toBeChecked());
    expect(someoneNew).toHaveValue('');
    expect(someoneNew).toHaveFocus();
    // Still calling: nothing was created, the form is as I left it.
    expect(screen.getByRole('heading', { name: 'Call a crew', level: 1 })).toBeInTheDocument();
    expect((await call('crews.list', { today: '2026-01-02' })).active).toEqual([]);
    // An Enter on an empty field adds nobody and sends nothing.
    await user.type(someoneNew, '{Enter}');
    expect(screen.getByRole('heading', { name: 'Call a crew', level: 1 })).toBeInTheDocument();

    const agreements = screen.getByLabelText('Agreements (one per line)');
    await user.clear(agreements);
    await user.type(agreements, 'What is said here stays here.{Enter}Phones away.');
    expect(screen.getByRole('heading', { name: 'Call a crew', level: 1 })).toBeInTheDocument();

    // Bea is typed but "Add to the crew" is not pressed: calling the crew takes her in too.
    await user.type(someoneNew, 'Bea');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByRole('heading', { name: 'Thursday case clinic', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Me', 'Sam', 'Ada', 'Bea']);
    const members = screen.getByRole('heading', { name: 'Members' }).nextElementSibling as HTMLElement;
    expect(within(members).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Me Add your name', 'Sam', 'Ada', 'Bea']);
    const [card] = (await call('crews.list', { today: '2026-01-02' })).active;
    const detail = await call('crews.get', { id: card!.id, today: '2026-01-02' });
    expect(detail.crew.agreements).toEqual(['What is said here stays here.', 'Phones away.']);
  });

  it('shows my own name with "(you)" when it is not simply "Me"', async () => {
    const call = direct();
    const me = await call('people.create', { name: 'Ana', isMe: true });
    const ada = await call('people.create', { name: 'Ada' });
    await call('crews.create', { name: 'Pod', startedOn: '2026-01-01', memberIds: [me.id, ada.id] });
    await openPod();
    const members = screen.getByRole('heading', { name: 'Members' }).nextElementSibling as HTMLElement;
    expect(within(members).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ana (you)', 'Ada']);
  });

  it('Edit crew: Enter in "Someone new" adds them without saving the changes', async () => {
    const { call, crew } = await podOfThree();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Edit crew' }));
    await screen.findByRole('heading', { name: 'Edit crew', level: 1 });
    expect(screen.getByRole('checkbox', { name: 'Me' })).toBeChecked();
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Morning pod');
    await user.type(screen.getByLabelText('Someone new'), 'Dan{Enter}');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Dan' })).toBeChecked());
    expect(screen.getByRole('heading', { name: 'Edit crew', level: 1 })).toBeInTheDocument();
    expect((await call('crews.get', { id: crew.id, today: '2026-01-02' })).crew).toMatchObject({ name: 'Pod' });
    expect((await call('crews.get', { id: crew.id, today: '2026-01-02' })).crew.members).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('heading', { name: 'Morning pod', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Me', 'Ada', 'Bea', 'Dan']);
  });

  it('Prep: the agenda form starts afresh after each add, and a private item has no raiser', async () => {
    const { call, crew } = await podOfThree();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    const text = screen.getByLabelText('Agenda item');
    const raisedBy = screen.getByLabelText('Raised by');
    const isPrivate = screen.getByRole('checkbox', { name: 'Private (my own prep; never shared)' });

    await user.type(text, 'Budget for the retreat');
    await user.selectOptions(raisedBy, 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add to the agenda' }));
    expect(await within(screen.getByRole('list', { name: 'New' })).findByText('Budget for the retreat')).toBeInTheDocument();
    // Ready for the next one, with focus back in the text.
    expect(text).toHaveValue('');
    expect(raisedBy).toHaveDisplayValue('—');
    expect(isPrivate).not.toBeChecked();
    expect(text).toHaveFocus();

    await user.selectOptions(raisedBy, 'Bea');
    await user.click(isPrivate);
    expect(raisedBy).toBeDisabled();
    expect(raisedBy).toHaveDisplayValue('— (my own prep)');
    await user.type(text, 'Ask about my wobbly confidence{Enter}');
    const mine = (await within(screen.getByRole('list', { name: 'New' })).findByText('Ask about my wobbly confidence')).closest('li') as HTMLElement;
    expect(mine).toHaveTextContent('Private · only in my prep');
    expect(mine).not.toHaveTextContent('raised by');
    expect(raisedBy).toBeEnabled();
    expect(raisedBy).toHaveDisplayValue('—');

    const prep = await call('crews.prep', { id: crew.id, today: '2026-01-02' });
    expect(prep.fresh.map((i) => [i.text, i.private, i.raisedById === null])).toEqual([
      ['Budget for the retreat', false, false],
      ['Ask about my wobbly confidence', true, true],
    ]);
  });

  it('Record a meeting: my row asks how I arrived; Enter in an action item does not save the meeting', async () => {
    const { call, crew } = await podOfThree();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await user.click(await screen.findByRole('button', { name: 'Record this meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    expect(screen.getByLabelText('My check-in note')).toHaveAttribute('placeholder', 'How I arrived');
    expect(screen.getByLabelText('Check-in note for Ada')).toHaveAttribute('placeholder', 'How they arrived');

    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    await user.type(screen.getByLabelText('Action item 1'), 'Book the hall{Enter}');
    await user.type(screen.getByLabelText('Date for action item 1 (optional)'), '2026-02-01{Enter}');
    expect(screen.getByRole('heading', { name: 'Record a meeting', level: 1 })).toBeInTheDocument();
    expect((await call('crews.get', { id: crew.id, today: '2026-01-02' })).meetings).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Save the meeting' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    expect((await call('crews.get', { id: crew.id, today: '2026-01-02' })).openActionItems).toEqual([expect.objectContaining({ text: 'Book the hall', dueOn: '2026-02-01' })]);
  });
});

describe('crews: a cycle that would end before it begins', () => {
  it('is refused at "Cycle ends on", and the crew is not called until the day is right', async () => {
    const call = direct();
    await call('people.create', { name: 'Me', isMe: true });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    await user.type(await screen.findByLabelText('Name'), 'Winter crew');
    const calledOn = screen.getByLabelText('Called on');
    await user.clear(calledOn);
    await user.type(calledOn, '2026-11-27');
    const endsOn = screen.getByLabelText('Cycle ends on (optional)');
    await user.type(endsOn, '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByText(/The cycle can’t end before the crew is called/)).toBeInTheDocument();
    expect(endsOn).toHaveAccessibleDescription(/The cycle can’t end before the crew is called/);
    expect((await call('crews.list', { today: '2026-11-27' })).active).toEqual([]);

    await user.clear(endsOn);
    await user.type(endsOn, '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByRole('heading', { name: 'Winter crew', level: 1 })).toBeInTheDocument();
  });
});
