import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

type User = ReturnType<typeof userEvent.setup>;

async function rate(user: User, quality: string, value: number) {
  await user.click(within(screen.getByRole('radiogroup', { name: quality })).getByRole('radio', { name: String(value) }));
}

async function toFeelToward(user: User) {
  await user.type(screen.getByLabelText('Its name'), 'Scroller');
  await user.selectOptions(screen.getByLabelText('Its role'), 'Firefighter');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: '4. Feel toward' });
}

describe('the 6 F’s flow', () => {
  it('asks for a part first', async () => {
    const { user } = renderApp();
    useNavigation.getState().go('self', { kind: 'protector' });
    await screen.findByRole('heading', { name: '1. Find' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a part you know, or give this one a name.');
    expect(screen.getByRole('heading', { name: '1. Find' })).toBeInTheDocument();
  });

  it('moves on from a feel-toward step left empty, as any answer may be', async () => {
    const { user } = renderApp();
    useNavigation.getState().go('self', { kind: 'protector' });
    await screen.findByRole('heading', { name: '1. Find' });
    await toFeelToward(user);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: '5. Befriend' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Another part may be answering' })).not.toBeInTheDocument();
  });

  it('says at the first step that a new part’s name is taken, not after the last', async () => {
    await coreBridge().direct('parts.create', { name: 'The Worrier', role: 'manager' });
    const { user } = renderApp();
    useNavigation.getState().go('self', { kind: 'protector' });
    await screen.findByRole('heading', { name: '1. Find' });
    await user.type(screen.getByLabelText('Its name'), 'the worrier');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You already have a part called "The Worrier". Choose it above, or give this one another name.');
    expect(screen.getByRole('heading', { name: '1. Find' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Its name'), ' at night');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: '2. Focus' })).toBeInTheDocument();
  });

  it('suggests asking a reacting part to step back when curiosity and calm are not there', async () => {
    const { user } = renderApp();
    useNavigation.getState().go('self', { kind: 'protector' });
    await screen.findByRole('heading', { name: '1. Find' });
    await toFeelToward(user);
    await rate(user, 'Courage', 3);
    await user.click(screen.getByRole('button', { name: 'annoyed' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const suggestion = screen.getByRole('region', { name: 'Another part may be answering' });
    expect(suggestion).toHaveTextContent(/step back/);
    expect(screen.getByRole('heading', { name: '4. Feel toward' })).toBeInTheDocument();

    // Checking again clears the reactive feeling; with curiosity there, the flow goes on.
    await user.click(within(suggestion).getByRole('button', { name: 'I asked it to step back. Check again' }));
    expect(screen.getByRole('button', { name: 'annoyed' })).toHaveAttribute('aria-pressed', 'false');
    await rate(user, 'Curiosity', 3);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: '5. Befriend' })).toBeInTheDocument();
  });

  it('lets you continue anyway, and saves one entry and a new part at the end', async () => {
    const { user } = renderApp();
    useNavigation.getState().go('self', { kind: 'protector' });
    await screen.findByRole('heading', { name: '1. Find' });
    await toFeelToward(user);
    await rate(user, 'Courage', 2);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Continue anyway' }));
    await screen.findByRole('heading', { name: '5. Befriend' });
    await user.type(screen.getByLabelText('Its job'), 'Takes me away from the feeling');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('What it fears would happen if it stopped'), 'That the feeling would swallow me');
    await user.click(screen.getByRole('button', { name: 'Save reflection' }));

    expect(await screen.findByRole('heading', { name: 'Saved' })).toBeInTheDocument();
    const parts = await coreBridge().direct('parts.list', {});
    expect(parts).toMatchObject([{ name: 'Scroller', role: 'firefighter', status: 'getting_to_know', job: 'Takes me away from the feeling' }]);
    const { entries } = await coreBridge().direct('journal.list', {});
    expect(entries).toMatchObject([{ title: 'Getting to know Scroller', kind: 'protector_reflection', partIds: [parts[0]?.id] }]);

    await user.click(screen.getByRole('button', { name: 'Open the entry' }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Getting to know Scroller'));
  });
});
