import { NavLink, Route, Routes, useLocation } from 'react-router';
import { CostsPage } from './pages/costs/CostsPage.tsx';
import { CrimePage } from './pages/crime/CrimePage.tsx';
import { ClaimPage } from './pages/claim/ClaimPage.tsx';
import { OverdosesPage } from './pages/overdoses/OverdosesPage.tsx';
import { NaloxonePage } from './pages/naloxone/NaloxonePage.tsx';
import { PlacementsPage } from './pages/placements/PlacementsPage.tsx';
import { SyntheticBanner } from './components/SyntheticBanner.tsx';
import { OpeningStatus } from './components/OpeningStatus.tsx';
import { PageErrorBoundary } from './components/PageErrorBoundary.tsx';
import { DataPage } from './pages/data/DataPage.tsx';
import { Overview } from './pages/overview/Overview.tsx';
import { BriefingReport } from './reports/briefing/BriefingReport.tsx';
import { GrantReport } from './reports/grant/GrantReport.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { useData } from './state/DataContext.tsx';

/** Pages that exist. Later pages join this list (and the router) as they are built. */
export const PAGES = [
  { path: '/', label: 'Overview' },
  { path: '/placements', label: 'Placements' },
  { path: '/costs', label: 'Costs' },
  { path: '/naloxone', label: 'Naloxone' },
  { path: '/crime', label: 'Crime' },
  { path: '/overdoses', label: 'Overdoses' },
  { path: '/claim', label: 'Check a claim' },
  { path: '/reports/briefing', label: 'Briefing' },
  { path: '/reports/grant', label: 'Grant report' },
  { path: '/data', label: 'Data' },
] as const;

/** Pages that share the program filters: links between them keep the filters. */
const FILTERED = new Set<string>(['/placements', '/costs', '/naloxone']);

export function App() {
  const { status, error } = useData();
  const { search, pathname } = useLocation();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <nav aria-label="Main" className="nav">
        <span className="brand">Deflection dashboard</span>
        <ul>
          {PAGES.map((p) => (
            <li key={p.path}><NavLink to={{ pathname: p.path, search: FILTERED.has(p.path) ? search : '' }} end={p.path === '/'}>{p.label}</NavLink></li>
          ))}
          <li><a href="/public/">Public page</a></li>
        </ul>
      </nav>
      <SyntheticBanner />
      <OpeningStatus />
      <main id="main">
        {status === 'failed' && (
          <p role="alert" className="error">The in-browser database could not start: {error}. Reload the page; if it persists, try another browser.</p>
        )}
        <PageErrorBoundary resetKey={pathname}>
        <Routes>
          <Route path="/" element={<Overview />} />
          <Route path="/placements/*" element={<PlacementsPage />} />
          <Route path="/costs" element={<CostsPage />} />
          <Route path="/naloxone" element={<NaloxonePage />} />
          <Route path="/crime" element={<CrimePage />} />
          <Route path="/overdoses" element={<OverdosesPage />} />
          <Route path="/claim" element={<ClaimPage />} />
          <Route path="/reports/briefing" element={<BriefingReport />} />
          <Route path="/reports/grant" element={<GrantReport />} />
          <Route path="/data" element={<DataPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
        </PageErrorBoundary>
      </main>
      <footer className="foot">Your records stay in this browser. Nothing is sent to any server.</footer>
    </>
  );
}
