import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

export interface Constants {
  error: string | null;
  /** What every string literal in the file evaluates to. */
  strings: string[];
  /** The source text of every interpolating (double-quoted) string. */
  gstrings: string[];
  /** `sh`/`bat` scripts built by interpolation, concatenation or from `params`. */
  shellInterpolation: { line: number; text: string }[];
}

const script = fileURLToPath(new URL('./StringConstants.groovy', import.meta.url));

/** Parses every source with the real Groovy 2.4 in one JVM and returns its string constants. */
export async function groovyConstants(sources: string[]): Promise<Constants[]> {
  if (sources.length === 0) return [];
  const input = sources.map((s) => `${s.length}\n${s}`).join('');
  const r = await execa('groovy', ['-Dfile.encoding=UTF-8', script], { input, reject: false, maxBuffer: 1 << 30 });
  if (r.exitCode !== 0) throw new Error(`groovy failed: ${String(r.stderr).slice(0, 2000)}`);
  const out = String(r.stdout).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Partial<Constants> & { index: number; error: string | null });
  if (out.length !== sources.length) throw new Error(`groovy answered for ${out.length} of ${sources.length} files`);
  return out.map(({ index: _i, ...c }) => ({ strings: [], gstrings: [], shellInterpolation: [], ...c }));
}
