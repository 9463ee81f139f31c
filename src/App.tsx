import { NavLink, Route, Routes } from 'react-router';
import { SyntheticBanner } from './components/SyntheticBanner.tsx';
import { DataPage } from './pages/data/DataPage.tsx';
import { Overview } from './pages/overview/Overview.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { useData } from './state/DataContext.tsx';

/** Pages that exist. Later pages join this list (and the router) as they are built. */
export const PAGES = [
  { path: '/', label: 'Overview' },
  { path: '/data', label: 'Data' },
] as const;

export function App() {
  const { status, error } = useData();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <nav aria-label="Main" className="nav">
        <span className="brand">Deflection dashboard</span>
        <ul>
          {PAGES.map((p) => (
            <li key={p.path}><NavLink to={p.path} end>{p.label}</NavLink></li>
          ))}
        </ul>
      </nav>
      <SyntheticBanner />
      <main id="main">
        {status === 'failed' && (
          <p role="alert" className="error">The in-browser database could not start: {error}. Reload the page; if it persists, try another browser.</p>
        )}
        <Routes>
          <Route path="/" element={<Overview />} />
          <Route path="/data" element={<DataPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <footer className="foot">Your records stay in this browser. Nothing is sent to any server.</footer>
    </>
  );
}
