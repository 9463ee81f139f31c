/** Workspaces: the bundled sample is a demo workspace of its own; the files a user adds go into
 *  their own workspace, with that workspace's program settings (name, launch date, population,
 *  events, awards, cost assumptions). The database only ever holds the open workspace's files, so
 *  the sample is in no view, count, report or snapshot of the user's workspace, and the other way
 *  round. The list and the open one are kept in localStorage; the files in IndexedDB (persist.ts). */
import { NO_ASSUMPTIONS, SAMPLE_PROGRAM, type CostAssumptions, type ProgramInfo } from '../domain/programInfo.ts';
import type { Award } from '../domain/programInfo.ts';

export const SAMPLE_WORKSPACE = 'sample';

/** What a user's workspace keeps about its program. The launch date is null until the user enters
 *  one: the first encounter in the workspace's files is suggested meanwhile. */
export interface WorkspaceSettings {
  launchDate: string | null;
  population: number | null;
  state?: string | null;
  events: { date: string; label: string }[];
  awards: Award[];
  assumptions: CostAssumptions;
}

export interface Workspace {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  settings: WorkspaceSettings;
}

export const EMPTY_SETTINGS: WorkspaceSettings = { launchDate: null, population: null, state: null, events: [], awards: [], assumptions: NO_ASSUMPTIONS };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const LIST = 'deflection.workspaces';
const OPEN = 'deflection.workspace';
/** Program settings saved before workspaces existed: they become the first workspace's. */
const LEGACY_PROGRAM = 'deflection.program';

export function readWorkspaces(storage: Store): Workspace[] {
  try {
    const raw = JSON.parse(storage.getItem(LIST) ?? '[]') as Partial<Workspace>[];
    return Array.isArray(raw) ? raw.filter((w): w is Workspace => typeof w?.id === 'string' && typeof w.name === 'string')
      .map((w) => ({ ...w, settings: { ...EMPTY_SETTINGS, ...w.settings } })) : [];
  } catch {
    return [];
  }
}

export function writeWorkspaces(storage: Store, list: readonly Workspace[]): void {
  storage.setItem(LIST, JSON.stringify(list));
}

/** The open workspace: the one saved, if it still exists; else the sample. */
export function readOpen(storage: Store, list: readonly Workspace[]): string {
  const id = storage.getItem(OPEN);
  return id && list.some((w) => w.id === id) ? id : SAMPLE_WORKSPACE;
}

export function writeOpen(storage: Store, id: string): void {
  storage.setItem(OPEN, id);
}

/** Why a name cannot be used, in words, or null when it can. */
export function nameProblem(name: string, list: readonly Workspace[], exceptId?: string): string | null {
  const n = name.trim();
  if (!n) return 'Give the workspace a name, such as your program\'s.';
  if (n.length > 80) return 'Use a name of at most 80 characters.';
  if (/sample/i.test(n) && /harbor point/i.test(n)) return 'That is the sample\'s name: choose another.';
  if (list.some((w) => w.id !== exceptId && w.name.trim().toLowerCase() === n.toLowerCase())) return `A workspace named "${n}" exists already: choose another name.`;
  return null;
}

/** A name no workspace has yet: "My program", "My program 2", … */
export function freeName(list: readonly Workspace[], base = 'My program'): string {
  for (let i = 1; ; i++) {
    const n = i === 1 ? base : `${base} ${i}`;
    if (!nameProblem(n, list)) return n;
  }
}

let seq = 0;
/** A new workspace (the caller saves the list). Settings saved before workspaces existed are
 *  carried into the first one. */
export function newWorkspace(name: string, list: readonly Workspace[], storage?: Store, now = new Date()): Workspace {
  const problem = nameProblem(name, list);
  if (problem) throw new Error(problem);
  const id = `w${now.getTime().toString(36)}${(++seq).toString(36)}`;
  return { id, name: name.trim(), createdAt: now.toISOString(), settings: list.length === 0 && storage ? legacySettings(storage) : EMPTY_SETTINGS };
}

function legacySettings(storage: Store): WorkspaceSettings {
  try {
    const p = JSON.parse(storage.getItem(LEGACY_PROGRAM) ?? 'null') as Partial<ProgramInfo> | null;
    if (!p || p.synthetic) return EMPTY_SETTINGS;
    return {
      launchDate: typeof p.launchDate === 'string' && p.launchDate ? p.launchDate : null,
      population: p.population ?? null, state: p.state ?? null,
      events: Array.isArray(p.events) ? p.events.filter((e) => e.label !== 'Program launch') : [],
      awards: Array.isArray(p.awards) ? p.awards : [], assumptions: { ...NO_ASSUMPTIONS, ...p.assumptions },
    };
  } catch {
    return EMPTY_SETTINGS;
  }
}

/** The program the pages show for a workspace. A launch date the user did not enter is the first
 *  encounter in the workspace's files, and says so; with neither, there is none ("" with source
 *  'none'), and analyses that need one ask for it. */
export function programOf(ws: Workspace | undefined, firstEncounter: string | null): ProgramInfo {
  if (!ws) return SAMPLE_PROGRAM;
  const s = ws.settings;
  const launchDate = s.launchDate ?? firstEncounter ?? '';
  return {
    name: ws.name, launchDate, launchSource: s.launchDate ? 'entered' : firstEncounter ? 'first-encounter' : 'none',
    population: s.population, state: s.state ?? null, synthetic: false, events: s.events, awards: s.awards, assumptions: s.assumptions,
  };
}

/** The settings a user's workspace keeps from an edited program. */
export function settingsOf(p: ProgramInfo): WorkspaceSettings {
  return {
    launchDate: p.launchSource === 'entered' && p.launchDate ? p.launchDate : null,
    population: p.population, state: p.state ?? null, events: p.events, awards: p.awards, assumptions: p.assumptions,
  };
}

/** Where the launch date comes from, in words: "entered in Program settings", … */
export function launchSourceText(p: Pick<ProgramInfo, 'launchSource'>): string {
  switch (p.launchSource) {
    case 'sample': return 'the sample program\'s settings';
    case 'entered': return 'entered on the Data page';
    case 'first-encounter': return 'not entered: the first encounter in your files is used; enter the real date on the Data page';
    default: return 'not known: enter it on the Data page';
  }
}
