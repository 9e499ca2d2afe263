// The Job DSL seed's CD jobs: one per deployable model, because milestones are per job and a
// newer deploy of one model must not abort a deploy of another.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/config/normalize.js';
import type { MlopsYaml } from '../../src/config/types.js';
import { ctView } from '../../src/plan/ct.js';
import { jobsView } from '../../src/plan/jobs.js';
import { renderTemplate } from '../../src/render/templates.js';

const config = normalize({
  version: 1, project: 'risk', scm: { url: 'https://git.example.com/r.git' },
  models: [
    { name: 'fraud', training: { command: 't', handover: true }, deploy: { target: { type: 'docker', image: 'r/f', network: 'n' } } },
    { name: 'churn', deploy: { target: { type: 'docker', image: 'r/c', network: 'n' } } },
    { name: 'notes', training: { command: 't' } },
  ],
} as MlopsYaml);

describe('CD jobs', () => {
  it('are one per deployable model, each reading cd.Jenkinsfile with MODEL limited to it', () => {
    expect(jobsView(config).cd).toEqual([
      { name: 'risk/cd-fraud', scriptPath: 'jenkins/cd.Jenkinsfile', model: 'fraud', choices: ['fraud'] },
      { name: 'risk/cd-churn', scriptPath: 'jenkins/cd.Jenkinsfile', model: 'churn', choices: ['churn'] },
    ]);
  });

  it('are what the seed declares, and what CT hands over to', async () => {
    const seed = await renderTemplate('jobs.groovy', jobsView(config));
    expect(seed).toContain("pipelineJob('risk/cd-fraud') {");
    expect(seed).toContain("    choiceParam('MODEL', ['fraud'], 'Model to deploy')");
    expect(seed).toContain("pipelineJob('risk/cd-churn') {");
    expect(seed).not.toContain("pipelineJob('risk/cd')");
    expect(ctView(config, config.models[0]!).cdJob).toBe('risk/cd-fraud');
  });
});
