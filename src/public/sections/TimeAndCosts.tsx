import type { Snapshot } from '../../snapshot/snapshotFormat.ts';
import { Section } from '../components/Section.tsx';
import { TableFigure } from '../components/TableFigure.tsx';

export function Time({ snapshot }: { snapshot: Snapshot }) {
  return (
    <Section id="time" intro="time.intro">
      <TableFigure snapshot={snapshot} id="time_to_placement" chart="bars" prefer={['median_hours']} />
    </Section>
  );
}

export function Costs({ snapshot }: { snapshot: Snapshot }) {
  return (
    <Section id="costs" intro="costs.intro">
      <TableFigure snapshot={snapshot} id="costs_by_year" chart="bars" prefer={['spend']} />
    </Section>
  );
}
