import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JenkinsUnavailable, validateWithJenkins } from '../../src/lint/jenkins-validate.js';
import { fakeToken, fakeUser, startFakeJenkins, type FakeJenkins } from './fake-jenkins.js';

const good = "pipeline {\n  agent any\n  stages { stage('é') { steps { sh 'true' } } }\n}\n";
const bad = "pipeline {\n  stages { stage('a') { steps { sh 'true' } } }\n}\n";

describe('--jenkins-url client against a local fake Jenkins', () => {
  let jenkins: FakeJenkins;
  let open: FakeJenkins;
  beforeAll(async () => {
    jenkins = await startFakeJenkins();
    open = await startFakeJenkins({ csrf: false });
  });
  afterAll(async () => {
    await jenkins.close();
    await open.close();
  });

  it('gets a crumb, then posts each Jenkinsfile as the multipart field with auth and crumb',
    async () => {
      const res = await validateWithJenkins(
        [{ path: 'Jenkinsfile', text: good }, { path: 'bad.Jenkinsfile', text: bad }],
        { url: jenkins.url, user: fakeUser, token: fakeToken },
      );
      expect(res.verdicts.map((v) => [v.file, v.valid])).toEqual([['Jenkinsfile', true],
        ['bad.Jenkinsfile', false]]);
      expect(res.findings).toEqual([expect.objectContaining({ file: 'bad.Jenkinsfile', line: 1,
        col: 1, rule: 'jenkins-validator', severity: 'error',
        message: 'Jenkins: Missing required section "agent"' })]);
      expect(jenkins.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /crumbIssuer/api/json', 'POST /pipeline-model-converter/validate',
        'POST /pipeline-model-converter/validate']);
      expect(jenkins.requests.slice(1).map((r) => r.jenkinsfile)).toEqual([good, bad]);
    });

  it('posts without a crumb when the Jenkins has CSRF protection off', async () => {
    const res = await validateWithJenkins([{ path: 'Jenkinsfile', text: good }],
      { url: open.url, user: fakeUser, token: fakeToken });
    expect(res.verdicts[0]?.valid).toBe(true);
    expect(open.requests.at(-1)?.headers['jenkins-crumb']).toBeUndefined();
  });

  it('says the token was rejected', async () => {
    const err = await validateWithJenkins([{ path: 'Jenkinsfile', text: good }],
      { url: jenkins.url, user: fakeUser, token: 'wrong' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JenkinsUnavailable);
    expect((err as Error).message).toBe('Jenkins rejected the credentials (HTTP 401)');
    expect((err as JenkinsUnavailable).hint).toMatch(/JENKINS_TOKEN/);
  });

  it('says the server is unreachable', async () => {
    const gone = await startFakeJenkins();
    await gone.close();
    const err = await validateWithJenkins([{ path: 'Jenkinsfile', text: good }],
      { url: gone.url, user: fakeUser, token: fakeToken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JenkinsUnavailable);
    expect((err as Error).message).toMatch(/^cannot reach Jenkins at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
  });
});
