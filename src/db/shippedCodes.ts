import offensesCsv from '../../data/codes/nibrs_offenses.csv?raw';
import aliasesCsv from '../../data/codes/offense_aliases.csv?raw';
import { parseCodeTables } from './codes.ts';

/** The offense code tables that ship with the app (data/codes/). */
export const shippedCodes = parseCodeTables(offensesCsv, aliasesCsv);
