import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the Congregations page', () => {
  it('adds a congregation, a gathering with new people, and shows who seems crewless, by labels alone', async () => {
    await coreBridge().direct('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    expect(await screen.findByRole('heading', { name: 'No congregations yet' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Reflections on Congregations' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New congregation' }));
    await user.type(screen.getByLabelText('Name'), 'Riverside Commons');
    await user.type(screen.getByLabelText('Approximate size (people)'), '0');
    await user.click(screen.getByRole('button', { name: 'Save congregation' }));
    expect(await screen.findByText('A congregation has at least 1 person.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Approximate size (people)'));
    await user.type(screen.getByLabelText('Approximate size (people)'), '60');
    await user.selectOptions(screen.getByLabelText('My role'), 'Member');
    await user.click(screen.getByRole('button', { name: 'Save congregation' }));
    expect(await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Member · about 60 people/)).toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText('Crew to place here'), 'Thursday crew');
    await user.click(screen.getByRole('button', { name: 'Place crew' }));
    expect(await within(screen.getByRole('list', { name: 'Crews here' })).findByRole('button', { name: 'Thursday crew' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a gathering' }));
    const form = screen.getByRole('form', { name: 'New gathering' });
    await user.type(within(form).getByLabelText('Gathering name'), 'Autumn gathering');
    await user.type(within(form).getByLabelText("New person's name (possible crewmates)"), 'Ana{enter}');
    const possible = within(form).getByRole('group', { name: 'Possible crewmates' });
    expect(await within(possible).findByRole('checkbox', { name: 'Ana' })).toBeChecked();
    expect(within(within(form).getByRole('group', { name: 'My temporary crew' })).getByRole('checkbox', { name: 'Ana' })).not.toBeChecked();
    await user.type(within(form).getByLabelText('Harvest notes'), 'Energy for two new crews');
    await user.click(within(form).getByRole('button', { name: 'Save gathering' }));

    const gatherings = await screen.findByRole('list', { name: 'Gatherings' });
    expect(await within(gatherings).findByText('Energy for two new crews')).toBeInTheDocument();
    const crewless = await screen.findByRole('list', { name: 'Who seems crewless' });
    expect(within(crewless).getByText('Ana')).toBeInTheDocument();
  });

  it('shares a lesson and exports the lessons as Markdown', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    // Nothing to export before a first lesson.
    expect(await screen.findByRole('button', { name: 'Export lessons as Markdown' })).toBeDisabled();
    await user.type(await screen.findByLabelText('Lesson'), 'Six sessions is a good first cycle.');
    await user.click(screen.getByRole('button', { name: 'Add lesson' }));
    expect(await within(screen.getByRole('list', { name: 'Lessons to share' })).findByText('Six sessions is a good first cycle.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export lessons as Markdown' }));
    const markdown = await screen.findByLabelText<HTMLTextAreaElement>('Lessons as Markdown');
    expect(markdown.value).toContain('# Lessons shared with Riverside Commons');
    expect(c.id).toBeTruthy();
  });
});

describe('a congregation reads like the other rungs', () => {
  it('names the crew select by its label alone, offers only crews not placed yet, and has a way back', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01' });
    await coreBridge().direct('crews.create', { name: 'Sunday crew', startedOn: '2026-11-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));

    const select = await screen.findByRole('combobox', { name: 'Crew to place here' });
    expect(select).toHaveAccessibleName('Crew to place here');
    // Its label holds only its own words: wrapped around the select, it held every option too,
    // which some screen readers read out as the name.
    expect((select as HTMLSelectElement).labels[0]?.textContent).toBe('Crew to place here');
    expect(screen.getByRole('combobox', { name: 'New role' })).toHaveAccessibleName('New role');
    await user.selectOptions(select, 'Thursday crew');
    await user.click(screen.getByRole('button', { name: 'Place crew' }));
    const crews = screen.getByRole('list', { name: 'Crews here' });
    expect(await within(crews).findByRole('button', { name: 'Thursday crew' })).toBeInTheDocument();
    expect(within(crews).getByText(/Calling · 0 people/)).toBeInTheDocument();
    expect(screen.getByText('Thursday crew placed in Riverside Commons')).toBeInTheDocument();
    const options = within(screen.getByRole('combobox', { name: 'Crew to place here' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Choose a crew…', 'Sunday crew']);

    await user.click(screen.getByRole('button', { name: 'Back to Congregations' }));
    expect(await screen.findByRole('heading', { name: 'Congregations', level: 1 })).toHaveFocus();
    expect(c.id).toBeTruthy();
  });
});
