import { screen } from '@testing-library/react';
import { expect } from 'vitest';
import { renderApp, sidebar } from '../render-app';

/** Renders the app and opens one record (a congregation, a network) from its rung's page. */
export async function openRecord(rung: 'Congregations' | 'Network', name: string) {
  const { user } = renderApp();
  await user.click(sidebar().getByRole('button', { name: rung }));
  await user.click(await screen.findByRole('button', { name: new RegExp(name) }));
  await screen.findByRole('heading', { name, level: 1 });
  return user;
}

/** The field's note, found through the field itself: it must be marked invalid and described by it. */
export function noteOf(field: HTMLElement) {
  expect(field).toHaveAttribute('aria-invalid', 'true');
  const note = document.getElementById(field.getAttribute('aria-describedby') ?? '');
  expect(note).not.toBeNull();
  return note as HTMLElement;
}
