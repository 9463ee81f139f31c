import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { DataProvider } from './state/DataContext.tsx';
import { browserDatabase } from './db/browser.ts';
import './styles.css';

// Every page of the dashboard needs the database, and DuckDB-wasm takes a second or more to start:
// it starts now, before the first render, and DataContext takes up the same start when it mounts.
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
