import { fmt } from '../../components/format.ts';
import { DIMENSIONS } from '../../metrics/breakdowns.ts';
import type { ReportTable } from '../table.ts';
import type { GrantData } from './useGrantData.ts';

const value = (v: unknown) => (typeof v === 'number' ? fmt.cell(v) : String(v ?? 'N/A'));

/** The report's tables, as the page shows them and as the downloads contain them. */
export function grantTables(d: GrantData): ReportTable[] {
  const tables: ReportTable[] = [{
    id: 'measures', title: 'Grant measures',
    note: 'BJA COSSUP measures, plus time to treatment and engagement at 30 days (Illinois deflection indicators). 0 means the activity ran and produced nothing; N/A means the measure does not apply, with the reason.',
    columns: [
      { key: 'measure', label: 'Measure' }, { key: 'value', label: 'Value', numeric: true, format: value },
      { key: 'unit', label: 'Unit' }, { key: 'detail', label: 'Detail' }, { key: 'definition', label: 'Definition' },
    ],
    rows: d.measures,
  }];
  for (const b of d.breakdowns) {
    const label = DIMENSIONS[b.dim].label;
    tables.push({
      id: `by_${b.dim}`, title: `Participants by ${label.toLowerCase()}`,
      note: `Encounters in the period by the ${label.toLowerCase()} recorded on the encounter; “(not recorded)” is a blank cell. A person whose encounters carry different values counts under each, so people need not add up; encounters do.`,
      columns: [
        { key: 'value', label }, { key: 'people', label: 'People', numeric: true }, { key: 'encounters', label: 'Encounters', numeric: true },
        { key: 'peoplePlaced', label: 'People placed', numeric: true }, { key: 'placed', label: 'Placements', numeric: true },
      ],
      rows: b.rows,
    });
  }
  tables.push({
    id: 'monthly', title: 'Encounters and placements by month',
    note: 'By month of the encounter. People are counted once per month, so months do not add up to the period’s people.',
    columns: [
      { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) }, { key: 'encounters', label: 'Encounters', numeric: true },
      { key: 'people', label: 'People', numeric: true }, { key: 'placed', label: 'Placements', numeric: true },
      { key: 'peoplePlaced', label: 'People placed', numeric: true },
    ],
    rows: d.monthly,
  });
  if (d.hasNaloxoneLog) {
    tables.push({
      id: 'naloxone', title: 'Naloxone administrations by month',
      note: 'Rows of the officers’ naloxone log by month of its date. A blank outcome counts as unknown.',
      columns: [
        { key: 'month', label: 'Month', format: (v) => fmt.month(v as Date) }, { key: 'administrations', label: 'Administrations', numeric: true },
        { key: 'doses', label: 'Doses', numeric: true }, { key: 'survived', label: 'Survived', numeric: true },
        { key: 'transported', label: 'Transported', numeric: true }, { key: 'died', label: 'Died', numeric: true },
        { key: 'unknown', label: 'Unknown', numeric: true },
      ],
      rows: d.naloxoneMonthly,
    });
  }
  return tables;
}
