/** One file of generated source: a path relative to the library's root and its text. */
export interface GeneratedFile {
  path: string;
  contents: string;
}
