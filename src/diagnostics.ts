/** A problem in the user's input, located in a file. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
}

/** Bad input or usage: printed as FILE:LINE:COL lines, exit 2, nothing written. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly hint?: string;

  constructor(message: string, diagnostics: Diagnostic[] = [], hint?: string) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics;
    this.hint = hint;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Sorts by position so the report reads top to bottom, and drops exact repeats. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
