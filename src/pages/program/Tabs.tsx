import { NavLink, useLocation } from 'react-router';

/** Links between the parts of a page that keep the filters in the address. */
export function Tabs({ label, tabs }: { label: string; tabs: { to: string; label: string }[] }) {
  const { search } = useLocation();
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((t) => (
          <li key={t.to}><NavLink to={{ pathname: t.to, search }} end>{t.label}</NavLink></li>
        ))}
      </ul>
    </nav>
  );
}
