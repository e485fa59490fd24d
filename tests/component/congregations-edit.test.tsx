import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openRecord } from './support/records';

const today = '2026-11-26';

function toasts() {
  return within(screen.getByRole('region', { name: 'Notifications' }));
}

describe('editing and removing on a congregation, by labels alone', () => {
  it('edits the name, about and size as you type, showing a bad size by its field', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Comons', about: 'Neighbours', size: 60, since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Comons/ }));
    await user.click(await screen.findByRole('button', { name: 'Edit congregation' }));
    const form = screen.getByRole('form', { name: 'Edit congregation' });
    expect(within(form).getByLabelText('Name')).toHaveValue('Riverside Comons');
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Riverside Commons');
    await user.clear(within(form).getByLabelText('What it is about'));
    await user.type(within(form).getByLabelText('What it is about'), 'Neighbours practising microsolidarity');
    await user.clear(within(form).getByLabelText('Approximate size (people)'));
    await user.type(within(form).getByLabelText('Approximate size (people)'), '0');
    // It saves itself; a size it can't keep says why, by the field.
    expect(await within(form).findByText('A congregation has at least 1 person.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Approximate size (people)')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(within(form).getByLabelText('Approximate size (people)'));
    await user.type(within(form).getByLabelText('Approximate size (people)'), '80');
    await waitFor(() => expect(within(form).getByRole('status', { name: 'Congregation' })).toHaveTextContent('Saved'), { timeout: 3000 });
    await user.click(within(form).getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Neighbours practising microsolidarity')).toBeInTheDocument();
    expect(screen.getByText(/about 80 people/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit congregation' })).not.toBeInTheDocument();
  });

  it('deletes a congregation after a confirmation naming what goes with it, and Undo brings it back', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-15' });
    await coreBridge().direct('lessons.share', { congregationId: c.id, text: 'Keep it light', sharedOn: today });
    const user = await openRecord('Congregations', 'Riverside Commons');

    await user.click(screen.getByRole('button', { name: 'Delete congregation…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Riverside Commons?' });
    // Plainly: what goes with it, and what only loses its link.
    expect(dialog).toHaveTextContent('Riverside Commons leaves your Congregations page, with its 1 gathering and 1 shared lesson.');
    expect(dialog).toHaveTextContent('Its crews and the people you know there stay in your archive, untouched: they keep their own pages.');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete congregation…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete congregation' }));
    expect(await screen.findByRole('heading', { name: 'Congregations', level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No congregations yet' })).toBeInTheDocument();
    expect(toasts().getByText('Riverside Commons was deleted')).toBeInTheDocument();

    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 })).toBeInTheDocument();
    expect(await within(screen.getByRole('list', { name: 'Gatherings' })).findByText(/Autumn gathering/)).toBeInTheDocument();
  });

  it('removes a crew and a person with Undo', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const crew = await coreBridge().direct('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01' });
    const robin = await coreBridge().direct('people.create', { name: 'Robin' });
    await coreBridge().direct('congregations.addCrew', { congregationId: c.id, crewId: crew.id });
    await coreBridge().direct('congregations.addPeople', { congregationId: c.id, personIds: [robin.id] });
    const user = await openRecord('Congregations', 'Riverside Commons');

    const people = screen.getByRole('list', { name: 'People I know here' });
    await user.click(within(people).getByRole('button', { name: 'Remove Robin from Riverside Commons' }));
    await waitFor(() => expect(within(people).queryByText('Robin')).not.toBeInTheDocument());
    expect(toasts().getByText('Robin removed from Riverside Commons')).toBeInTheDocument();
    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await within(people).findByText('Robin')).toBeInTheDocument();

    const crews = screen.getByRole('list', { name: 'Crews here' });
    await user.click(within(crews).getByRole('button', { name: 'Remove Thursday crew from Riverside Commons' }));
    await waitFor(() => expect(within(crews).queryByText('Thursday crew')).not.toBeInTheDocument());
    // Ctrl+Z runs the newest toast's Undo.
    await user.keyboard('{Control>}z{/Control}');
    expect(await within(crews).findByRole('button', { name: 'Thursday crew' })).toBeInTheDocument();
  });

  it('edits a gathering, deletes it and brings it back with Undo', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const ana = await coreBridge().direct('people.create', { name: 'Ana' });
    await coreBridge().direct('gatherings.create', { congregationId: c.id, name: 'Autum gathering', heldOn: '2026-11-15', possibleCrewmateIds: [ana.id] });
    const user = await openRecord('Congregations', 'Riverside Commons');

    const gatherings = screen.getByRole('list', { name: 'Gatherings' });
    await user.click(within(gatherings).getByRole('button', { name: /^Edit Autum gathering on/ }));
    const form = within(gatherings).getByRole('form', { name: 'Edit gathering' });
    expect(within(within(form).getByRole('group', { name: 'Possible crewmates' })).getByRole('checkbox', { name: 'Ana' })).toBeChecked();
    await user.clear(within(form).getByLabelText('Gathering name'));
    await user.type(within(form).getByLabelText('Gathering name'), 'Autumn gathering');
    await user.type(within(form).getByLabelText('Place'), 'The old mill');
    // Escape is Done here: it saves as you type.
    await user.keyboard('{Escape}');
    expect(await within(gatherings).findByRole('heading', { name: /Autumn gathering.*The old mill/ })).toBeInTheDocument();
    expect(within(gatherings).getByText('Ana')).toBeInTheDocument();

    await user.click(within(gatherings).getByRole('button', { name: /^Delete Autumn gathering on/ }));
    await waitFor(() => expect(within(gatherings).queryByRole('heading', { name: /Autumn gathering/ })).not.toBeInTheDocument());
    expect(toasts().getByText('Autumn gathering deleted')).toBeInTheDocument();
    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await within(gatherings).findByRole('heading', { name: /Autumn gathering/ })).toBeInTheDocument();
  });

  it('deletes a shared lesson with Undo', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('lessons.share', { congregationId: c.id, text: 'Six sessions is a good first cycle.', sharedOn: today });
    const user = await openRecord('Congregations', 'Riverside Commons');
    const lessons = screen.getByRole('list', { name: 'Lessons to share' });
    await user.click(within(lessons).getByRole('button', { name: 'Delete the lesson “Six sessions is a good first cycle.”' }));
    await waitFor(() => expect(within(lessons).queryByText('Six sessions is a good first cycle.')).not.toBeInTheDocument());
    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await within(lessons).findByText('Six sessions is a good first cycle.')).toBeInTheDocument();
  });
});
