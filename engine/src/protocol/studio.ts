/** The studio's HTTP API (issue 17), as the server sends it and the studio page reads it. */
export type StudioFileKind = 'scenario' | 'tests' | 'csv';

/** One file of the scenarios folder, in the studio's list. */
export interface StudioFile {
  name: string;
  kind: StudioFileKind;
  size: number;
  mtimeMs: number;
}

/** A file's text and its hash, which the page compares with the folder's to see a change made in another editor. */
export interface StudioFileText {
  name: string;
  kind: StudioFileKind;
  text: string;
  hash: string;
  mtimeMs: number;
}

export interface SavedFile {
  name: string;
  kind: StudioFileKind;
  hash: string;
  size: number;
  mtimeMs: number;
}
