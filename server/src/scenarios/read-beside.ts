import { readRegularFile } from './read-regular-file.ts';

/**
 * A reader of the files beside a scenario (its baseline CSVs) in `dir`, for `parseScenarioWith`:
 * a file's text, or null when it is missing or refused (a link, a FIFO, over 1 MB: the same rules as
 * for scenario files, so the folder stays as safe to read). The engine checks the CSV's own budget.
 */
export function readBeside(dir: string): (name: string) => string | null {
  return (name) => {
    const read = readRegularFile(dir, name);
    return read.kind === 'text' ? read.text : null;
  };
}
