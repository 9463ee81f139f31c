import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicApp } from './PublicApp.tsx';
import './public.css';

// The page reads its data from its own folder by relative address: opened as ".../public" (no
// slash) on a host that does not redirect, make the address a folder first.
if (!location.pathname.endsWith('/') && !/\.html?$/.test(location.pathname)) {
  history.replaceState(history.state, '', `${location.pathname}/${location.search}${location.hash}`);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PublicApp />
  </StrictMode>,
);
