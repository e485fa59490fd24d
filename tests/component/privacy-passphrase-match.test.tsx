import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

const mismatch = "The two passphrases don't match yet.";

async function openSetPassphrase() {
  const rendered = renderApp();
  await rendered.user.click(sidebar().getByRole('button', { name: 'Settings' }));
  const section = within(await screen.findByRole('region', { name: 'Privacy' }));
  await rendered.user.click(await section.findByRole('button', { name: 'Set a passphrase…' }));
  return { ...rendered, dialog: within(screen.getByRole('dialog', { name: 'Set a passphrase' })) };
}

describe('Set a passphrase: the two boxes', () => {
  it('says kindly that they don’t match once the repeat goes off track, and not while it is on its way', async () => {
    const { user, dialog } = await openSetPassphrase();
    const first = dialog.getByLabelText('Passphrase');
    const repeat = dialog.getByLabelText('Repeat the passphrase');
    await user.type(first, 'short');
    await user.type(repeat, 'shor');
    expect(dialog.queryByText(mismatch)).not.toBeInTheDocument();

    await user.type(repeat, 'x');
    expect(dialog.getByText(mismatch)).toBeInTheDocument();
    expect(repeat).toHaveAccessibleDescription(mismatch);
    expect(repeat).toHaveAttribute('aria-invalid', 'true');

    // Put right, the message goes.
    await user.type(repeat, '{Backspace}t');
    expect(dialog.queryByText(mismatch)).not.toBeInTheDocument();
    expect(repeat).not.toHaveAttribute('aria-invalid');
  });

  it('says so when the repeat is left unfinished, and refuses to encrypt until they match', async () => {
    const { user, dialog } = await openSetPassphrase();
    const repeat = dialog.getByLabelText('Repeat the passphrase');
    await user.type(dialog.getByLabelText('Passphrase'), 'a long enough passphrase');
    await user.type(repeat, 'a long');
    expect(dialog.queryByText(mismatch)).not.toBeInTheDocument();
    await user.tab();
    expect(dialog.getByText(mismatch)).toBeInTheDocument();

    await user.click(dialog.getByRole('button', { name: 'Encrypt my archive' }));
    expect(repeat).toHaveFocus();
    expect(coreBridge().callsOf('privacy.setPassphrase')).toHaveLength(0);

    // An empty repeat is refused the same way.
    await user.clear(repeat);
    await user.click(dialog.getByRole('button', { name: 'Encrypt my archive' }));
    expect(dialog.getByText(mismatch)).toBeInTheDocument();
    expect(repeat).toHaveFocus();
    expect(coreBridge().callsOf('privacy.setPassphrase')).toHaveLength(0);
  });
});
