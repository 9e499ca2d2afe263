import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { markerLine } from '../render/marker.js';

export const MANIFEST_PATH = '.mlops-jenkins/manifest.json';

/** What the last `generate` wrote, with content hashes to tell hand edits from ours. */
export interface Manifest {
  files: Record<string, string>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function readManifest(root: string): Promise<Manifest> {
  try {
    const data = JSON.parse(await readFile(join(root, MANIFEST_PATH), 'utf8')) as Partial<Manifest>;
    const files = data.files && typeof data.files === 'object' ? data.files : {};
    return { files: Object.fromEntries(Object.entries(files).filter(([, v]) => typeof v === 'string')) };
  } catch {
    return { files: {} };
  }
}

export function renderManifest(files: Record<string, string>, source: string): string {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ '//': markerLine(source), files: sorted }, null, 2)}\n`;
}
