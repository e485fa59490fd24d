import '@vitejs/plugin-react/preamble';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followAddress } from './app/navigation-history';
import { loadShownPage } from './app/pages';

const root = document.getElementById('root');
if (!root) throw new Error('Ladder needs a #root element to start.');
followAddress();
loadShownPage();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
