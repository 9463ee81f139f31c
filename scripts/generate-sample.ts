// Writes the synthetic "Harbor Point" sample program into data/sample/.
// Run: npx tsx scripts/generate-sample.ts
// Same seed, same bytes: a seeded PRNG, integer calendar arithmetic, fixed number formats,
// sorted output and '\n' line endings. Nothing here reads the clock or Math.random.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfCheck } from './sample/check.ts';
import {
  EVENTS, LAUNCH_DATE, POPULATION, PROGRAM_NAME, SEED, STATE,
} from './sample/config.ts';
import { generateCosts } from './sample/costs.ts';
import { comparisonCrimeTable, countyOverdoseTable, stateOverdoseTable } from './sample/context.ts';
import { generateCrime } from './sample/crime.ts';
import { toCsv } from './sample/csv.ts';
import { generateEncounters } from './sample/encounters.ts';
import { generateNaloxone } from './sample/naloxone.ts';
import { generateOverdoses } from './sample/overdoses.ts';
import { generatePeople } from './sample/people.ts';
import { streamFor } from './sample/prng.ts';
import { readme } from './sample/readme.ts';
import { summarise } from './sample/summary.ts';
import {
  costTable, crimeTable, encounterTable, naloxoneTable, overdoseTable,
} from './sample/tables.ts';
import type { Table } from './sample/tables.ts';

const OUT_DIR = fileURLToPath(new URL('../data/sample/', import.meta.url));

function programJson(): string {
  const program = {
    name: PROGRAM_NAME,
    synthetic: true,
    launchDate: LAUNCH_DATE,
    population: POPULATION,
    state: STATE,
    events: EVENTS.map((e) => ({ date: e.date, label: e.label })),
    // Fictional awards, so that the sample shows spend against a budget.
    awards: [
      { name: 'BJA COSSUP award (fictional)', fundingSource: 'BJA COSSUP grant', amount: 300000, from: '2022-03-01', to: '2025-02-28' },
      { name: 'Harbor Foundation gift (fictional)', fundingSource: 'Harbor Foundation', amount: 90000, from: '2022-03-01', to: '2025-12-31' },
    ],
    generated: `by scripts/generate-sample.ts, seed ${SEED}`,
  };
  return `${JSON.stringify(program, null, 2)}\n`;
}

function main(): void {
  const people = generatePeople(streamFor(SEED, 'people'));
  const encounters = generateEncounters(streamFor(SEED, 'encounters'), people);
  const overdoses = generateOverdoses(streamFor(SEED, 'overdoses'));
  const tables = {
    encounters: encounterTable(encounters),
    costs: costTable(generateCosts(streamFor(SEED, 'costs'), encounters)),
    naloxone: naloxoneTable(generateNaloxone(streamFor(SEED, 'naloxone'), overdoses)),
    crime: crimeTable(generateCrime(streamFor(SEED, 'crime'))),
    overdoses: overdoseTable(overdoses),
  };
  selfCheck(tables);
  const summary = summarise(tables);

  mkdirSync(OUT_DIR, { recursive: true });
  const files: [string, string][] = [
    ...[...Object.values(tables), comparisonCrimeTable(streamFor(SEED, 'comparison-crime')),
      countyOverdoseTable(streamFor(SEED, 'county-overdoses')), stateOverdoseTable(streamFor(SEED, 'state-overdoses'))]
      .map((t: Table): [string, string] => [t.file, toCsv(t.header, t.rows)]),
    ['program.json', programJson()],
    ['README.md', readme(summary)],
  ];
  for (const [name, text] of files) {
    writeFileSync(join(OUT_DIR, name), text, 'utf8');
    console.log(`wrote data/sample/${name} (${Buffer.byteLength(text, 'utf8')} bytes)`);
  }
  console.log(
    `${summary.encounters} encounters, ${summary.people} people, ${summary.placed} placements; ` +
      `median ${summary.medianHours.toFixed(1)} h, p90 ${summary.p90Hours.toFixed(1)} h to placement`,
  );
}

main();
