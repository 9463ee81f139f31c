import { useCallback, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { SAMPLE_PROGRAM, type ProgramInfo } from '../domain/programInfo.ts';
import {
  freeName, nameProblem, newWorkspace, programOf, readOpen, readWorkspaces, SAMPLE_WORKSPACE, settingsOf, writeOpen, writeWorkspaces,
  type Workspace,
} from './workspaces.ts';
import { LEGACY_WORKSPACE } from './persist.ts';

export interface WorkspacesState {
  /** The user's workspaces (the sample is not among them). */
  workspaces: Workspace[];
  /** The open workspace's id (SAMPLE_WORKSPACE for the sample). */
  open: string;
  openRef: MutableRefObject<string>;
  /** The open workspace's program: the sample's, or the user's settings. */
  program: ProgramInfo;
  /** Saves the open workspace's program settings (the sample's last until it is left or reloaded). */
  setProgram: (p: ProgramInfo) => void;
  /** Renames a workspace; returns why not, in words, or null. */
  renameWorkspace: (id: string, name: string) => string | null;
  /** A workspace was started for the user's first files and its name not yet confirmed. */
  unnamed: string | null;
  confirmName: () => void;
  /** Opens another workspace: its files replace the open one's in the database. */
  openWorkspace: (id: string) => Promise<void>;
}

const storage = (): Storage | null => {
  try { return window.localStorage; } catch { return null; }
};

/** The workspace list and the open one, kept in localStorage. `setOpen` only records the choice:
 *  the DataProvider empties and fills the database. */
export function useWorkspaces(firstEncounter: string | null) {
  const [workspaces, setWorkspaces] = useState<Workspace[]>(() => { const s = storage(); return s ? readWorkspaces(s) : []; });
  const [open, setOpenState] = useState<string>(() => { const s = storage(); return s ? readOpen(s, readWorkspaces(s)) : SAMPLE_WORKSPACE; });
  const [unnamed, setUnnamed] = useState<string | null>(null);
  // The sample's settings can be tried out (an award, cost assumptions) but are not kept: they
  // reset when the sample is left or the page reloads.
  const [sampleEdits, setSampleEdits] = useState<ProgramInfo | null>(null);
  const openRef = useRef(open);
  const listRef = useRef(workspaces);

  const save = useCallback((list: Workspace[]) => {
    listRef.current = list;
    setWorkspaces(list);
    const s = storage();
    if (s) writeWorkspaces(s, list);
  }, []);

  /** Records the open workspace at once: jobs queued for the one before are skipped from now on. */
  const setOpen = useCallback((id: string) => {
    openRef.current = id;
    setSampleEdits(null);
    setOpenState(id);
    const s = storage();
    if (s) writeOpen(s, id);
  }, []);

  /** The user's newest workspace, or a new one named "My program" (its name is asked on the Data page). */
  const latestOrNew = useCallback((): string => {
    const list = listRef.current;
    const newest = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (newest) return newest.id;
    const w = newWorkspace(freeName(list), list, storage() ?? undefined);
    save([...list, w]);
    setUnnamed(w.id);
    return w.id;
  }, [save]);

  /** Files kept before workspaces existed: a workspace for them, opened. */
  const adoptLegacy = useCallback(() => {
    const list = listRef.current;
    if (list.some((w) => w.id === LEGACY_WORKSPACE)) return;
    const w = { ...newWorkspace(freeName(list), list, storage() ?? undefined), id: LEGACY_WORKSPACE };
    save([...list, w]);
    setOpen(w.id);
  }, [save, setOpen]);

  const renameWorkspace = useCallback((id: string, name: string): string | null => {
    const problem = nameProblem(name, listRef.current, id);
    if (problem) return problem;
    save(listRef.current.map((w) => (w.id === id ? { ...w, name: name.trim() } : w)));
    return null;
  }, [save]);

  const setProgram = useCallback((p: ProgramInfo) => {
    const id = openRef.current;
    if (id === SAMPLE_WORKSPACE) { setSampleEdits({ ...p, name: SAMPLE_PROGRAM.name, synthetic: true, launchDate: SAMPLE_PROGRAM.launchDate, launchSource: 'sample' }); return; }
    save(listRef.current.map((w) => (w.id === id ? { ...w, settings: settingsOf(p) } : w)));
  }, [save]);

  const confirmName = useCallback(() => setUnnamed(null), []);

  const program = useMemo(() => (open === SAMPLE_WORKSPACE ? sampleEdits ?? SAMPLE_PROGRAM : programOf(workspaces.find((w) => w.id === open), firstEncounter)),
    [open, workspaces, firstEncounter, sampleEdits]);

  return useMemo(() => ({ workspaces, open, openRef, program, setProgram, renameWorkspace, unnamed, confirmName, setOpen, latestOrNew, adoptLegacy }),
    [workspaces, open, program, setProgram, renameWorkspace, unnamed, confirmName, setOpen, latestOrNew, adoptLegacy]);
}
