import type { ProgramInfo } from '../domain/programInfo.ts';
import { launchSourceText } from '../state/workspaces.ts';
import { fmt } from './format.ts';

/** "Program launch March 1, 2022 (the sample program's settings)." Every analysis that uses the
 *  launch date shows which date it used and where it came from. */
export function LaunchNote({ program }: { program: Pick<ProgramInfo, 'launchDate' | 'launchSource'> }) {
  return (
    <span data-testid="launch-note" data-launch-source={program.launchSource}>
      {program.launchDate
        ? <>Program launch {fmt.day(new Date(`${program.launchDate}T00:00:00Z`))} ({launchSourceText(program)}).</>
        : <>Program launch {launchSourceText(program)}.</>}
    </span>
  );
}
