import { Route, Routes } from 'react-router';
import { ProgramPage } from '../program/ProgramPage.tsx';
import { Tabs } from '../program/Tabs.tsx';
import { FunnelTab } from './FunnelTab.tsx';
import { TimeTab } from './TimeTab.tsx';
import { WhoCameTab } from './WhoCameTab.tsx';

export function PlacementsPage() {
  return (
    <ProgramPage needs="encounters" title="Placements"
      intro="Who came to the program, how many were placed in treatment, how fast, and whether they were still engaged 30 days later. Encounters (visits) and people (distinct pseudonyms) are always counted separately.">
      {(filters) => (
        <>
          <Tabs label="Placements sections" tabs={[
            { to: '/placements', label: 'Encounters and people' },
            { to: '/placements/funnel', label: 'Funnel and engagement' },
            { to: '/placements/time', label: 'Time to placement' },
          ]} />
          <Routes>
            <Route index element={<WhoCameTab filters={filters} />} />
            <Route path="funnel" element={<FunnelTab filters={filters} />} />
            <Route path="time" element={<TimeTab filters={filters} />} />
          </Routes>
        </>
      )}
    </ProgramPage>
  );
}
