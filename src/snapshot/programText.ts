import type { ProgramInfo } from '../domain/programInfo.ts';
import type { ProgramPublicInfo } from './snapshotFormat.ts';

/** What the sample program says to the public (a fictional town, in both languages). A real
 *  program writes its own in the Publish form or in the JSON file given to `npm run snapshot`. */
export const SAMPLE_PUBLIC_TEXT = {
  about: {
    en: 'The ANCHOR program of the (fictional) Harbor Point Police Department lets anyone with a substance use disorder walk into the police station, ask for help, and be connected to treatment without being charged. Officers and recovery coaches arrange a placement, often the same day.',
    es: 'El programa ANCHOR del Departamento de Policía de Harbor Point (ficticio) permite que cualquier persona con un trastorno por consumo de sustancias entre a la estación de policía, pida ayuda y sea conectada con tratamiento sin ser acusada. Los agentes y los consejeros de recuperación organizan una plaza de tratamiento, a menudo el mismo día.',
  },
  howToGetHelp: {
    en: 'Walk into the Harbor Point police station lobby, any day and any hour, and say you want help with substance use. You will not be charged for drugs you hand over. A recovery coach will meet you and stay with you until you are placed.',
    es: 'Entre al vestíbulo de la estación de policía de Harbor Point, cualquier día y a cualquier hora, y diga que quiere ayuda con el consumo de sustancias. No le acusarán por las drogas que entregue. Un consejero de recuperación le recibirá y le acompañará hasta que tenga una plaza de tratamiento.',
  },
  phone: '555-0100 (fictional)',
  address: '1 Harbor Street, Harbor Point (fictional)',
};

/** The public part of a program's settings, with the texts the program wrote. */
export function publicInfo(p: ProgramInfo, text: Pick<ProgramPublicInfo, 'about' | 'howToGetHelp' | 'phone' | 'address'>): ProgramPublicInfo {
  return { name: p.name, launchDate: p.launchDate, synthetic: p.synthetic, ...text };
}
