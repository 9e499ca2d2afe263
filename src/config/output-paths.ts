/**
 * Where generated files go is the user's choice, within limits a schema pattern cannot
 * say clearly: not inside `.git` (hooks and refs live there), and in one spelling only,
 * since the manifest compares paths as text (`./a`, `a//b` and `a/` would each be a
 * second name for a file, or no file at all).
 */
import { syntaxOf } from '../render/marker.js';

export const OUTPUT_PATH_FIELDS: string[][] = [['output', 'dir'], ['output', 'ciJenkinsfile'], ['library', 'path']];

export function outputPathProblem(field: string[], value: string): { message: string; hint: string } | undefined {
  const where = field.join('.');
  const segments = value.split('/');
  if (segments.some((s) => s.toLowerCase() === '.git')) {
    return { message: `${where}: "${value}" is inside .git`, hint: 'generated files belong in the work tree; choose a folder such as jenkins' };
  }
  if (segments[0] === '.mlops-jenkins') {
    return { message: `${where}: "${value}" is inside .mlops-jenkins`, hint: 'that folder holds the manifest of generated files; choose another' };
  }
  const isFile = field[field.length - 1] === 'ciJenkinsfile';
  if (isFile && !value.endsWith('/') && syntaxOf(value) !== 'groovy') {
    // The generated marker is written in the file's comment syntax, chosen by its name.
    return { message: `${where}: "${value}" is not named like a Jenkinsfile`, hint: 'name it Jenkinsfile, <name>.Jenkinsfile or <name>.groovy' };
  }
  if (isFile && value.endsWith('/')) {
    return { message: `${where}: "${value}" names a folder, not a file`, hint: 'give the file name, e.g. Jenkinsfile or ci/Jenkinsfile' };
  }
  const body = !isFile && value.endsWith('/') ? value.slice(0, -1) : value;
  if (body.split('/').some((s) => s === '' || s === '.')) {
    return { message: `${where}: "${value}" has an empty or \`.\` segment`, hint: 'write the path plainly from the repository root, e.g. ci/jenkins (no ./ and no //)' };
  }
  return undefined;
}
