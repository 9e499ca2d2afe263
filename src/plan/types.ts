/** A file the generator produces. */
export interface PlannedFile {
  /** Relative to the project root, `/`-separated. */
  path: string;
  content: string;
}
