import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderStepDefaults, renderStepHelp } from './steps.js';

export interface RenderedStep {
  name: string;
  help: string;
  defaults: string;
}

/** Where the build leaves the rendered step metadata (see scripts/build-artifacts.js). */
export const RENDERED_STEPS_FILE = 'steps-rendered.json';

/** Identifies one set of step metadata texts, so a stale build artifact is never used. */
export function stepsHash(texts: { name: string; text: string }[]): string {
  const h = createHash('sha256');
  for (const t of texts) h.update(`${t.name}\u0000${t.text}\u0000`);
  return h.digest('hex');
}

export function renderSteps(texts: { name: string; text: string }[]): RenderedStep[] {
  return texts.map((t) => ({ name: t.name, help: renderStepHelp(t.text), defaults: renderStepDefaults(t.text) }));
}

export function readStepTexts(stepsDir: string): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(stepsDir).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  return names.map((n) => ({ name: n.replace(/\.yaml$/, ''), text: readFileSync(join(stepsDir, n), 'utf8') }));
}

/**
 * The rendered help and defaults of every step. Parsing some thirty YAML files cost about
 * 200 ms of each generate (a pre-commit hook), so the build renders them once; the texts
 * are still read and hashed here, and any difference falls back to rendering them live.
 */
export function loadRenderedSteps(stepsDir: string): RenderedStep[] {
  const texts = readStepTexts(stepsDir);
  const hash = stepsHash(texts);
  try {
    const built = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), RENDERED_STEPS_FILE), 'utf8')) as { hash: string; steps: RenderedStep[] };
    if (built.hash === hash) return built.steps;
  } catch {
    // No build artifact (running from sources): render below.
  }
  return renderSteps(texts);
}
