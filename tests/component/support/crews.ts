import { screen } from '@testing-library/react';
import { coreBridge } from '../core-bridge';
import { renderApp, sidebar } from '../render-app';

/** A crew called Pod of four: me, Ada, Bea and Cy. */
export async function podOfFour() {
  const bridge = coreBridge();
  const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
  const me = await direct('people.create', { name: 'Me', isMe: true });
  const ada = await direct('people.create', { name: 'Ada' });
  const bea = await direct('people.create', { name: 'Bea' });
  const cy = await direct('people.create', { name: 'Cy' });
  const crew = await direct('crews.create', { name: 'Pod', startedOn: '2026-01-01', rhythmDays: 14, cycleSessions: 4, memberIds: [me.id, ada.id, bea.id, cy.id] });
  return { direct, crew, me, ada, bea, cy };
}

/** Renders the app and opens the crew Pod from the Crews page. */
export async function openPod() {
  const app = renderApp();
  await app.user.click(sidebar().getByRole('button', { name: 'Crews' }));
  await app.user.click(await screen.findByRole('button', { name: /Pod/ }));
  await screen.findByRole('heading', { name: 'Pod', level: 1 });
  return app;
}
