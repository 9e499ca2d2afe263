import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type HandlebarsNS from 'handlebars';
import { packageRoot } from '../paths.js';
import { groovyString, groovyValue } from './groovy.js';

type Handlebars = typeof HandlebarsNS;
type Template = HandlebarsNS.TemplateDelegate;

let env: { hb: Handlebars; cache: Map<string, Template> } | undefined;

/**
 * Handlebars with HTML escaping off (`noEscape`): nothing we write is HTML, and
 * escaping is done per target language by the helpers below, never implicitly.
 */
async function environment(): Promise<{ hb: Handlebars; cache: Map<string, Template> }> {
  if (env) return env;
  const hb = (await import('handlebars')).default.create();
  hb.registerHelper('groovy', (value: unknown) => groovyValue(value));
  hb.registerHelper('groovyBlock', (value: unknown, indent: unknown) =>
    groovyValue(value, typeof indent === 'number' ? indent : 0),
  );
  hb.registerHelper('groovyStr', (value: unknown) => groovyString(String(value)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialsDir = join(packageRoot(), 'templates', 'partials');
  for (const f of safeList(partialsDir)) {
    if (f.endsWith('.hbs')) {
      hb.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(join(partialsDir, f), 'utf8'));
    }
  }
  env = { hb, cache: new Map() };
  return env;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Renders `templates/<name>.hbs` with a view model. Strict: a missing field is an error. */
export async function renderTemplate(name: string, view: object): Promise<string> {
  const { hb, cache } = await environment();
  let tpl = cache.get(name);
  if (!tpl) {
    const source = readFileSync(join(packageRoot(), 'templates', `${name}.hbs`), 'utf8');
    tpl = hb.compile(source, { noEscape: true, strict: true });
    cache.set(name, tpl);
  }
  return tpl(view);
}
