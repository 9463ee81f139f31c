import { describe, expect, it } from 'vitest';
import {
  EMPTY_SETTINGS, freeName, nameProblem, newWorkspace, programOf, readOpen, readWorkspaces, SAMPLE_WORKSPACE, settingsOf, writeOpen, writeWorkspaces,
} from '../../../src/state/workspaces.ts';
import { SAMPLE_PROGRAM } from '../../../src/domain/programInfo.ts';

function memory(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => { m.set(k, v); }, removeItem: (k: string) => { m.delete(k); } };
}

describe('workspaces', () => {
  it('opens the sample on a new profile, and the saved workspace after a reload', () => {
    const s = memory();
    expect(readOpen(s, readWorkspaces(s))).toBe(SAMPLE_WORKSPACE);
    const w = newWorkspace('Gloucester ANGEL', [], s, new Date('2026-01-02T00:00:00Z'));
    writeWorkspaces(s, [w]);
    writeOpen(s, w.id);
    expect(readWorkspaces(s)).toEqual([w]);
    expect(readOpen(s, readWorkspaces(s))).toBe(w.id);
    // A workspace that no longer exists (forgotten) opens the sample.
    writeWorkspaces(s, []);
    expect(readOpen(s, readWorkspaces(s))).toBe(SAMPLE_WORKSPACE);
  });

  it('refuses an empty or taken name, in words', () => {
    const a = newWorkspace('Hope Not Handcuffs', []);
    expect(nameProblem('', [a])).toMatch(/Give the workspace a name/);
    expect(nameProblem('   ', [a])).toMatch(/Give the workspace a name/);
    expect(nameProblem('hope not handcuffs ', [a])).toBe('A workspace named "hope not handcuffs" exists already: choose another name.');
    expect(nameProblem('Hope Not Handcuffs', [a], a.id)).toBeNull();
    expect(() => newWorkspace('Hope Not Handcuffs', [a])).toThrow(/exists already/);
    expect(freeName([])).toBe('My program');
    expect(freeName([newWorkspace('My program', [])])).toBe('My program 2');
  });

  it('a user workspace never takes the sample\'s settings: its launch is the one entered, else its first encounter, and says which', () => {
    const w = newWorkspace('Town', []);
    expect(w.settings).toEqual(EMPTY_SETTINGS);
    const none = programOf(w, null);
    expect(none).toMatchObject({ name: 'Town', launchDate: '', launchSource: 'none', synthetic: false, population: null, events: [] });
    const suggested = programOf(w, '2023-04-05');
    expect(suggested).toMatchObject({ launchDate: '2023-04-05', launchSource: 'first-encounter' });
    expect(suggested.launchDate).not.toBe(SAMPLE_PROGRAM.launchDate);
    // Saving the suggestion unchanged does not turn it into an entered date.
    expect(settingsOf(suggested).launchDate).toBeNull();
    const entered = programOf({ ...w, settings: settingsOf({ ...suggested, launchDate: '2022-09-01', launchSource: 'entered', population: 29_000 }) }, '2023-04-05');
    expect(entered).toMatchObject({ launchDate: '2022-09-01', launchSource: 'entered', population: 29_000 });
    expect(programOf(undefined, '2023-04-05')).toBe(SAMPLE_PROGRAM);
  });

  it('carries settings saved before workspaces existed into the first workspace only', () => {
    const s = memory({ 'deflection.program': JSON.stringify({ name: 'Old', launchDate: '2021-06-01', population: 5000, synthetic: false, events: [{ date: '2021-06-01', label: 'Program launch' }], awards: [] }) });
    const first = newWorkspace('First', [], s);
    expect(first.settings).toMatchObject({ launchDate: '2021-06-01', population: 5000, events: [] });
    expect(newWorkspace('Second', [first], s).settings).toEqual(EMPTY_SETTINGS);
  });
});
