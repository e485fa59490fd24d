import '@vitejs/plugin-react/preamble';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useAppInfo } from './app/app-info-store';
import { followAddress } from './app/navigation-history';
import { loadShownPage } from './app/pages';

const root = document.getElementById('root');
if (!root) throw new Error('Ladder needs a #root element to start.');
followAddress();
// Asked before React's first render, not from its first effect: the page waits for the answer
// (is the archive open?), and it now comes back while React renders the shell.
void useAppInfo.getState().open();
loadShownPage();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
