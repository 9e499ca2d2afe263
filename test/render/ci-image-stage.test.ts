import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const CONFIG = `version: 1
project: demo
scm:
  url: https://git.example.com/demo.git
agent:
  docker:
    image: python:3.11-slim
models:
  - name: churn
    ci:
      unitTests: pytest
      image:
        name: registry.example.com/churn
        agent: {label: docker}
  - name: plain
    agent: {label: docker}
    ci:
      unitTests: pytest
      image:
        name: registry.example.com/plain
`;

/** Cut out one model's parallel branch of the CI Jenkinsfile. */
function branchOf(jenkinsfile: string, model: string): string {
  const start = jenkinsfile.indexOf(`        stage('${model}') {`);
  return jenkinsfile.slice(start, jenkinsfile.indexOf('\n        }\n', start) + 10);
}

describe('CI: the image is built on ci.image.agent, after the tests, in the same branch', () => {
  it('nests tests (build container) then image (Docker-capable agent), no nested parallel', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mlops.yaml'), CONFIG);
    const r = await runCli(['generate', '-q'], dir);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'Jenkinsfile'), 'utf8');
    const churn = branchOf(text, 'churn');
    expect(churn).toContain('beforeAgent true');
    expect(churn.match(/stage\('[^']+'\)/g)).toEqual(["stage('churn')", "stage('churn: tests')", "stage('churn: image')"]);
    expect(churn).not.toContain('parallel');
    const [tests, image] = churn.split("stage('churn: image')") as [string, string];
    expect(tests).toContain("image 'python:3.11-slim'");
    expect(tests).not.toContain('registry.example.com/churn');
    expect(image).toContain("agent { label 'docker' }");
    expect(image).toContain("part: 'image'");
    expect(image).toContain("name: 'registry.example.com/churn'");
    expect(image).not.toContain('pytest');
    // Without ci.image.agent (a plain label agent has Docker) one step does both, as before.
    const plain = branchOf(text, 'plain');
    expect(plain).not.toContain('stages {');
    expect(plain).toContain("name: 'registry.example.com/plain'");
    expect((await runCli(['lint'], dir)).exitCode).toBe(0);
  });
});
