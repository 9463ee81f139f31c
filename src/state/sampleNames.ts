/** What the bundled sample's files are called once loaded: "sample/encounters.csv". */
export const SAMPLE_PREFIX = 'sample/';
