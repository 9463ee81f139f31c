import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { browserDatabase } from './db/browser.ts';
import { DataProvider } from './state/DataContext.tsx';
import './styles.css';

// The database's worker and its WebAssembly start before the first render, in parallel with it
// (the data layer waits for the same start; a failure is reported there).
void browserDatabase().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Address changes render at once, in the event that made them, not as a transition React
        may spread over several tasks: a filter change repaints in one go (issue 3's 50 ms). */}
    <BrowserRouter useTransitions={false}>
      <DataProvider>
        <App />
      </DataProvider>
    </BrowserRouter>
  </StrictMode>,
);
