// The library the CT scenarios run against: this repository's library/, plus test stand-ins
// for shared vars (mlopsConfig, mlopsScript) only while library/vars does not have them yet.
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/run.js';
import { tempDir } from './support.js';

export function ctLibrary(): string {
  const lib = join(tempDir('lib'), 'library');
  mkdirSync(join(lib, 'vars'), { recursive: true });
  cpSync(join(ROOT, 'library/vars'), join(lib, 'vars'), { recursive: true });
  const shims = join(ROOT, 'test/ct/shims/vars');
  for (const name of readdirSync(shims)) {
    if (!existsSync(join(lib, 'vars', name))) cpSync(join(shims, name), join(lib, 'vars', name));
  }
  symlinkSync(join(ROOT, 'library/resources'), join(lib, 'resources'));
  symlinkSync(join(ROOT, 'library/steps'), join(lib, 'steps'));
  return lib;
}
