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
  /** The file's time before it was read, and the bytes read: compared with the listing's to see a newer version. */
  mtimeMs: number;
  size: number;
}

export interface SavedFile {
  name: string;
  kind: StudioFileKind;
  hash: string;
  size: number;
  mtimeMs: number;
}
