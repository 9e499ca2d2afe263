import type { Config } from '../config/normalize.js';
import { withMarker } from '../render/marker.js';
import { renderTemplate } from '../render/templates.js';
import { cdView, deployable } from './cd.js';
import { ciView } from './ci.js';
import { ctView, pollView, trainable } from './ct.js';
import { jobsView } from './jobs.js';
import { planLibrary } from './library.js';
import { rollbackView } from './rollback.js';
import type { PlannedFile } from './types.js';

/** Every file the config generates, marked, sorted by path. Pure but for reading templates. */
export async function planFiles(config: Config): Promise<PlannedFile[]> {
  const dir = config.output.dir;
  const rendered: [string, string, object][] = [
    [config.output.ciJenkinsfile, 'ci.Jenkinsfile', ciView(config)],
    [`${dir}/jobs.groovy`, 'jobs.groovy', jobsView(config)],
  ];
  if (deployable(config).length > 0) {
    rendered.push([`${dir}/cd.Jenkinsfile`, 'cd.Jenkinsfile', cdView(config)]);
    rendered.push([`${dir}/rollback.Jenkinsfile`, 'rollback.Jenkinsfile', rollbackView(config)]);
  }
  for (const m of trainable(config)) {
    rendered.push([`${dir}/ct/${m.name}.Jenkinsfile`, 'ct.Jenkinsfile', ctView(config, m)]);
    const poll = pollView(config, m);
    if (poll) rendered.push([`${dir}/ct/${m.name}.poll.Jenkinsfile`, 'ct-poll.Jenkinsfile', poll]);
  }
  const files: PlannedFile[] = [];
  for (const [path, template, view] of rendered) {
    files.push({ path, content: await renderTemplate(template, view) });
  }
  files.push(...planLibrary(config));
  return files
    .map((f) => ({ path: f.path, content: withMarker(f.path, endWithNewline(f.content), config.source) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Exactly one final newline, whatever the template's last line did. */
function endWithNewline(text: string): string {
  return `${text.replace(/\n*$/, '')}\n`;
}
