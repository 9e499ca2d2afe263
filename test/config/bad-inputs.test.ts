import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree, runCli, tempDir } from '../helpers/cli.js';

/**
 * The bad-input catalogue: every row goes through the real CLI (`generate`, the command
 * that writes), and must exit 2 with its exact first problem at its line:col, a hint
 * when one is listed, no stack trace, and the folder exactly as it was.
 */
const HEAD = 'version: 1\nproject: demo\nscm:\n  url: https://git.example.com/demo.git\n';
const MODELS = 'models:\n  - name: churn\n';
const BASE = HEAD + MODELS;
const CRED_HEAD = HEAD.replace('demo.git\n', 'demo.git\n  credential: git\n');

const bytes = (text: string, tail: number[]): Buffer => Buffer.concat([Buffer.from(text), Buffer.from(tail)]);

type Row = [name: string, input: string | Buffer, at: string, message: string, hint: string | undefined];

const rows: Row[] = [
  ["malformed: unclosed double quote", "version: 1\nproject: \"demo\n", '3:1', "YAML: Missing closing \"quote", "a quote or bracket is not closed"],
  ["malformed: unclosed flow sequence", "version: 1\nmodels: [a, b\n", '3:1', "YAML: Flow sequence in block collection must be sufficiently indented and end with a ]", "align this line with its siblings, using spaces"],
  ["malformed: missing colon after a key", "version 1\nproject: a\n", '1:1', "YAML: a key must end with `: ` on its own line", "check for a missing `:` after a key, or a quote that is not closed"],
  ["malformed: bad indentation", "version: 1\nscm:\n  url: x\n   branch: y\n", '3:8', "YAML: Nested mappings are not allowed in compact mappings", "a key must fit on one line; check for a missing `:` or quote"],
  ["malformed: invalid escape in double quotes", "version: 1\nproject: \"de\\xZZmo\"\n", '2:13', "YAML: Invalid escape sequence \\xZZ", "in double quotes a backslash starts an escape; use single quotes for a literal \\"],
  ["tab used for indentation", "version: 1\nscm:\n\turl: x\n", '3:1', "YAML: Tabs are not allowed as indentation", "YAML indents with spaces only; replace the tab with spaces"],
  ["duplicate top-level key", "version: 1\nproject: a\nproject: b\n", '3:1', "YAML: Map keys must be unique", "each key may appear once in a mapping; remove or rename the repeated one"],
  ["duplicate nested key", BASE + "    ci:\n      lint: a\n      lint: b\n", '9:7', "YAML: Map keys must be unique", "each key may appear once in a mapping; remove or rename the repeated one"],
  ["alias bomb (billion laughs)", "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n", '2:8', "YAML aliases expand to more than 100 copies", "write the values out instead of nesting aliases of aliases"],
  ["alias to an undefined anchor", BASE + "    paths: *nope\n", '7:12', "YAML alias *nope names no anchor defined above it", "define &nope on an earlier value, or write the value out"],
  ["alias used before its anchor", "a: *x\nb: &x 1\n", '1:4', "YAML alias *x names no anchor defined above it", "define &x on an earlier value, or write the value out"],
  ["empty file", "", '1:1', "the file is empty", "run `mlops-jenkins init` for a commented starter file"],
  ["whitespace only", "   \n\n  \n", '1:1', "the file is empty", "run `mlops-jenkins init` for a commented starter file"],
  ["comments only", "# hello\n# world\n", '1:1', "the file is empty", "run `mlops-jenkins init` for a commented starter file"],
  ["top level is a list", "- version: 1\n- project: demo\n", '1:1', "the top level must be a mapping of keys (version, project, models, ...)", "start from `mlops-jenkins init`"],
  ["top level is a scalar", "hello\n", '1:1', "the top level must be a mapping of keys (version, project, models, ...)", "start from `mlops-jenkins init`"],
  ["top level is null", "~\n", '1:1', "the top level must be a mapping of keys (version, project, models, ...)", "start from `mlops-jenkins init`"],
  ["multiple documents", BASE + "---\nversion: 1\n", '7:1', "YAML: the file holds more than one YAML document", "keep a single document: remove the extra `---`"],
  ["custom tag", BASE + "    paths: !include paths.yaml\n", '7:12', "YAML: Unresolved tag: !include", "remove the custom `!tag`: mlops.yaml takes plain values only"],
  ["complex (non-scalar) key", BASE + "? [a, b]\n: 1\n", '7:3', "a key must be a plain word, not a list or mapping", "remove the `?` complex key; write `name: value`"],
  ["nesting too deep (flow)", `${BASE}agent: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, '7:794', "YAML: nested too deeply to read", "flatten the structure; mlops.yaml needs only a few levels"],
  ["nesting too deep (block)", `${BASE}agent:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1\n`, '40:67', "the YAML nests more than 32 levels deep", "flatten the structure; mlops.yaml needs far fewer levels"],
  ["key longer than YAML allows", `${BASE}${'k'.repeat(1100)}: 1\n`, '7:1', "YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key", "keys are short names; see `mlops-jenkins init` for the allowed keys"],
  ["version as a string", "version: \"1\"\nproject: demo\nscm:\n  url: u\nmodels:\n  - name: churn\n", '1:10', "version must be 1", "Version of the mlops.yaml format. Only 1 exists. example: 1"],
  ["unsupported version", "version: 2\nproject: demo\nscm:\n  url: u\nmodels:\n  - name: churn\n", '1:10', "version must be 1", "Version of the mlops.yaml format. Only 1 exists. example: 1"],
  ["missing required project", "version: 1\nscm:\n  url: u\nmodels:\n  - name: churn\n", '1:1', "missing required key \"project\" in the top level", "Project name, used as the Jenkins folder that holds every generated job. example: \"fraud-detection\""],
  ["models is a mapping", HEAD + "models:\n  churn: {}\n", '5:1', "models must be a list, not a mapping", "The models in this repository. example: [{\"name\":\"churn\",\"paths\":[\"models/churn/**\"]}]"],
  ["models is null", HEAD + "models:\n", '5:8', "models must be a list, not null (an empty value)", "The models in this repository. example: [{\"name\":\"churn\",\"paths\":[\"models/churn/**\"]}]"],
  ["models is an empty list", HEAD + "models: []\n", '5:1', "models must not be empty", "The models in this repository. example: [{\"name\":\"churn\",\"paths\":[\"models/churn/**\"]}]"],
  ["null where a map is expected (scm)", "version: 1\nproject: demo\nscm:\nmodels:\n  - name: churn\n", '3:5', "scm must be a mapping, not null (an empty value)", "Where Jenkins clones this repository from; the Job DSL seed points every job at it. example: {\"url\":\"https://git.example.com/ml/fraud.git\",\"branch\":\"main\",\"credential\":\"git\"}"],
  ["null where a map is expected (agent)", BASE + "agent:\n", '7:7', "agent must be a mapping, not null (an empty value)", "Exactly one of `label`, `docker` or `kubernetes`."],
  ["null list item (environments)", BASE + "environments:\n  -\n", '8:4', "environments.0 must be a mapping, not null (an empty value)", undefined],
  ["scalar where a map is expected", "version: 1\nproject: demo\nscm: https://x\nmodels:\n  - name: churn\n", '3:6', "scm must be a mapping, not a string (\"https://x\")", "Where Jenkins clones this repository from; the Job DSL seed points every job at it. example: {\"url\":\"https://git.example.com/ml/fraud.git\",\"branch\":\"main\",\"credential\":\"git\"}"],
  ["string where a list is expected", BASE + "    paths: models/**\n", '7:12', "models.0.paths must be a list, not a string (\"models/**\")", "Globs of the files that belong to this model; CI builds the model only when one of them changed. example: [\"models/churn/**\",\"libs/features/**\"]"],
  ["string where an integer is expected", BASE + "timeouts:\n  ci: ten\n", '8:7', "timeouts.ci must be an integer, not a string (\"ten\")", undefined],
  ["float where an integer is expected", BASE + "timeouts:\n  ci: 1.5\n", '8:7', "timeouts.ci must be an integer, not a number (1.5)", undefined],
  ["integer out of range", BASE + "timeouts:\n  ci: 0\n", '8:7', "timeouts.ci must be >= 1", "a whole number from 1 to 10080"],
  ["number too large (1e400)", BASE + "timeouts:\n  ci: 1e400\n", '8:7', "timeouts.ci must be <= 10080", "a whole number from 1 to 10080"],
  ["YAML 1.1 boolean word", BASE + "notifications:\n  onSuccess: on\n", '8:14', "notifications.onSuccess must be a boolean, not a string (\"on\")", "Also notify when a build passes after a failure. example: true"],
  ["number where a command string is expected", BASE + "    ci:\n      lint: 5\n", '8:13', "models.0.ci.lint must be a string, not a number (5)", "A shell command, run by /bin/sh on the agent from the repository root."],
  ["empty command", BASE + "    ci:\n      lint: \"\"\n", '8:13', "models.0.ci.lint must not be empty", "A shell command, run by /bin/sh on the agent from the repository root."],
  ["unknown top-level key with did-you-mean", BASE + "modles: []\n", '7:1', "unknown key \"modles\" in the top level", "did you mean \"models\"?"],
  ["unknown model key with did-you-mean", BASE + "    pathes: [a]\n", '7:5', "unknown key \"pathes\" in models.0", "did you mean \"paths\"?"],
  ["unknown key, nothing close", BASE + "frobnicate: 1\n", '7:1', "unknown key \"frobnicate\" in the top level", "allowed keys: version, project, scm, library, output, agent, deployAgent, timeouts, credentials, notifications, registry, state, environments, models"],
  ["numeric key", BASE + "1: 2\n", '7:1', "unknown key \"1\" in the top level", "allowed keys: version, project, scm, library, output, agent, deployAgent, timeouts, credentials, notifications, registry, state, environments, models"],
  ["duplicate model names", BASE + "  - name: churn\n", '7:11', "duplicate model name \"churn\" (also models[0])", "model names must be unique; rename one"],
  ["duplicate environment names", BASE + "environments:\n  - name: prod\n  - name: prod\n", '9:11', "duplicate environment name \"prod\" (also environments[0])", "environment names must be unique; rename one"],
  ["model name with upper case", HEAD + "models:\n  - name: Churn\n", '6:11', "models.0.name: \"Churn\" has upper-case letters; try \"churn\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["model name with a space", HEAD + "models:\n  - name: my model\n", '6:11', "models.0.name: \"my model\" has \" \"; try \"my-model\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["model name with a slash", HEAD + "models:\n  - name: a/b\n", '6:11', "models.0.name: \"a/b\" has \"/\"; try \"a-b\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["model name ..", HEAD + "models:\n  - name: ..\n", '6:11', "models.0.name: \"..\" has \".\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["model name too long", HEAD + "models:\n  - name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", '6:11', "models.0.name: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is 64 characters long; the limit is 63", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["model name starting with -", HEAD + "models:\n  - name: -churn\n", '6:11', "models.0.name: \"-churn\" has a leading `-`; try \"churn\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["model name is a number", HEAD + "models:\n  - name: 42\n", '6:11', "models.0.name must be a string, not a number (42)", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["project name with upper case", HEAD.replace('project: demo', 'project: Demo') + MODELS, '2:10', "project: \"Demo\" has upper-case letters; try \"demo\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["agent with two kinds", BASE + "agent:\n  label: a\n  docker:\n    image: python\n", '7:1', "agent takes at most 1 key; it has 2 (label, docker)", "Exactly one of `label`, `docker` or `kubernetes`."],
  ["agent with no kind", BASE + "agent: {}\n", '7:1', "agent takes at least 1 key; it has no keys", "Exactly one of `label`, `docker` or `kubernetes`."],
  ["image with shell syntax", BASE + "agent:\n  docker:\n    image: \"python:3; rm -rf /\"\n", '9:12', "agent.docker.image: \"python:3; rm -rf /\" is not valid", "A container image reference."],
  ["kubernetes memory not a quantity", BASE + "agent:\n  kubernetes:\n    image: python\n    memory: lots\n", '10:13', "agent.kubernetes.memory: \"lots\" is not valid", "Memory request and limit. example: \"8Gi\""],
  ["unknown credential reference with did-you-mean", CRED_HEAD.replace('credential: git', 'credential: gti') + MODELS + "credentials:\n  git:\n    id: git\n    type: usernamePassword\n", '5:15', "unknown credential \"gti\"", "did you mean \"git\"?"],
  ["credential reference with no credentials section", CRED_HEAD + MODELS, '5:15', "unknown credential \"git\"", "declare it under credentials: { git: { id: <Jenkins credential id>, type: ... } }"],
  ["credential of the wrong type", CRED_HEAD + MODELS + "credentials:\n  git:\n    id: git\n    type: string\n", '5:15', "credential \"git\" is string; scm needs usernamePassword or sshUserPrivateKey", "change credentials.git.type or reference another credential"],
  ["unknown credential type", BASE + "credentials:\n  git:\n    id: git\n    type: password\n", '10:11', "credentials.git.type: \"password\" is not allowed", "use one of: usernamePassword, string, file, sshUserPrivateKey"],
  ["credential name not an identifier", BASE + "credentials:\n  1git:\n    id: git\n    type: string\n", '7:1', "credentials: \"1git\" is not valid", "A name: a letter, then letters, digits, `_` or `-`."],
  ["credential id with a space", BASE + "credentials:\n  git:\n    id: my git\n    type: string\n", '9:9', "credentials.git.id: \"my git\" is not valid", "Credential id in Jenkins (Manage Jenkins > Credentials). example: \"docker-registry\""],
  ["deploy without target", BASE + "    deploy: {}\n", '7:5', "missing required key \"target\" in models.0.deploy", "Where the model is served, with the settings of that kind of target; each target deploys, checks and rolls back with its native means. example: {\"type\":\"kubernetes\",\"namespace\":\"ml\",\"deployment\":\"fraud-api\",\"image\":\"registry.example.com/ml/fraud\",\"credential\":\"kubeconfig\"}"],
  ["deploy target without type", BASE + "    deploy:\n      target: {}\n", '8:7', "missing required key \"type\" in models.0.deploy.target", "Kind of target; its settings sit next to it. local: a server process on the agent; ssh: the same on a host through ssh; docker: versioned containers behind a network alias; kubernetes: kubectl set image on a Deployment; helm: helm upgrade --atomic; sagemaker, vertex, azureml: managed endpoints. example: \"kubernetes\""],
  ["bad e-mail address", BASE + "notifications:\n  email:\n    to: [nobody]\n", '9:10', "notifications.email.to.0: \"nobody\" is not valid", "it must match ^[^\\s@,;]+@[^\\s@,;]+$"],
  ["slack channel with a space", BASE + "notifications:\n  slack:\n    channel: \"#a b\"\n", '9:14', "notifications.slack.channel: \"#a b\" is not valid", "Channel name or id. example: \"#ml-alerts\""],
  ["global library without version", BASE + "library:\n  source: global\n", '7:1', "library.version is required with source: global", "pin the library to a tag, e.g. version: v0.1.0, so a library change never reaches a pipeline unannounced"],
  ["library source typo", BASE + "library:\n  source: globl\n", '8:11', "library.source: \"globl\" is not allowed", "did you mean \"global\"?"],
  ["state dir not absolute", BASE + "state:\n  dir: var/lib\n", '8:8', "state.dir: \"var/lib\" is not valid", "Absolute directory on the agents, shared by the deploying agents and the top-level `agent`, which keeps the training state (a volume). Holds ledger/<model>/<env>.jsonl and ct/<model>/*. example: \"/var/lib/mlops-jenkins\""],
  ["tracking URI not http", BASE + "registry:\n  type: mlflow\n  trackingUri: ftp://x\n", '9:16', "registry.trackingUri: \"ftp://x\" is not valid", "MLflow tracking server URL. example: \"https://mlflow.example.com\""],
  ["path escape: library.path ..", BASE + "library:\n  path: ../lib\n", '8:9', "library.path: \"../lib\" leaves the repository through `..`; it must stay inside it", "A path relative to the repository root, without `..`."],
  ["path escape: library.path absolute", BASE + "library:\n  path: /srv/lib\n", '8:9', "library.path: \"/srv/lib\" is absolute; write it relative to the repository root", "A path relative to the repository root, without `..`."],
  ["path escape: output.dir a/../../x", BASE + "output:\n  dir: a/../../x\n", '8:8', "output.dir: \"a/../../x\" leaves the repository through `..`; it must stay inside it", "A path relative to the repository root, without `..`."],
  ["path escape: output.dir ..", BASE + "output:\n  dir: ..\n", '8:8', "output.dir: \"..\" leaves the repository through `..`; it must stay inside it", "A path relative to the repository root, without `..`."],
  ["path escape: output.ciJenkinsfile absolute", BASE + "output:\n  ciJenkinsfile: /etc/passwd\n", '8:18', "output.ciJenkinsfile: \"/etc/passwd\" is absolute; write it relative to the repository root", "A path relative to the repository root, without `..`."],
  ["path escape: models[].paths ..", BASE + "    paths: [\"../other/**\"]\n", '7:13', "models.0.paths.0: \"../other/**\" leaves the repository through `..`; it must stay inside it", "An Ant-style glob relative to the repository root: `*` within a folder, `**` across folders."],
  ["path escape: models[].paths absolute", BASE + "    paths: [\"/abs/**\"]\n", '7:13', "models.0.paths.0: \"/abs/**\" is absolute; write it relative to the repository root", "An Ant-style glob relative to the repository root: `*` within a folder, `**` across folders."],
  ["path escape: ci.junit ..", BASE + "    ci:\n      junit: [\"../r.xml\"]\n", '8:15', "models.0.ci.junit.0: \"../r.xml\" leaves the repository through `..`; it must stay inside it", "An Ant-style glob relative to the repository root: `*` within a folder, `**` across folders."],
  ["path escape: ci.image.dockerfile ..", BASE + "    ci:\n      image:\n        name: x/y\n        dockerfile: ../Dockerfile\n", '10:21', "models.0.ci.image.dockerfile: \"../Dockerfile\" leaves the repository through `..`; it must stay inside it", "A path relative to the repository root, without `..`."],
  ["path escape: ci.image.context absolute", BASE + "    ci:\n      image:\n        name: x/y\n        context: /\n", '10:18', "models.0.ci.image.context: \"/\" is absolute; write it relative to the repository root", "A path relative to the repository root, without `..`."],
  ["path escape: ci.image.context Windows", BASE + "    ci:\n      image:\n        name: x/y\n        context: \"C:\\\\x\"\n", '10:18', "models.0.ci.image.context: \"C:\\\\x\" uses `\\`; write folders with `/`, relative to the repository root", "A path relative to the repository root, without `..`."],
  ["output inside .git", BASE + "output:\n  dir: .git/hooks\n", '8:8', "output.dir: \".git/hooks\" is inside .git", "generated files belong in the work tree; choose a folder such as jenkins"],
  ["output inside .mlops-jenkins", BASE + "output:\n  ciJenkinsfile: .mlops-jenkins/manifest.json\n", '8:18', "output.ciJenkinsfile: \".mlops-jenkins/manifest.json\" is inside .mlops-jenkins", "that folder holds the manifest of generated files; choose another"],
  ["CI Jenkinsfile named over the config", BASE + "output:\n  ciJenkinsfile: mlops.yaml\n", '8:18', "output.ciJenkinsfile: \"mlops.yaml\" is not named like a Jenkinsfile", "name it Jenkinsfile, <name>.Jenkinsfile or <name>.groovy"],
  ["CI Jenkinsfile given as a folder", BASE + "output:\n  ciJenkinsfile: ci/\n", '8:18', "output.ciJenkinsfile: \"ci/\" names a folder, not a file", "give the file name, e.g. Jenkinsfile or ci/Jenkinsfile"],
  ["output path spelled with ./", BASE + "output:\n  ciJenkinsfile: ./Jenkinsfile\n", '8:18', "output.ciJenkinsfile: \"./Jenkinsfile\" has an empty or `.` segment", "write the path plainly from the repository root, e.g. ci/jenkins (no ./ and no //)"],
  ["library path with //", BASE + "library:\n  path: jenkins//lib\n", '8:9', "library.path: \"jenkins//lib\" has an empty or `.` segment", "write the path plainly from the repository root, e.g. ci/jenkins (no ./ and no //)"],
  ["bad cron: minute out of range", BASE + "    training:\n      command: python t.py\n    triggers:\n      schedule: \"61 * * * *\"\n", '10:18', "invalid Jenkins cron: minute 61 is out of range", "a minute is between 0 and 59"],
  ["bad cron: too few fields", BASE + "    training:\n      command: python t.py\n    triggers:\n      schedule: \"H H H\"\n", '10:18', "invalid Jenkins cron: 3 fields where Jenkins needs five", "write five fields: minute hour day-of-month month day-of-week, e.g. \"H 3 * * 1\""],
  ["unknown deploy target type", BASE + "    deploy:\n      target:\n        type: heroku\n", '9:15', "models.0.deploy.target.type: \"heroku\" is not allowed", "use one of: local, ssh, docker, kubernetes, helm, sagemaker, vertex, azureml"],
  ["missing target settings", BASE + "    deploy:\n      target:\n        type: kubernetes\n", '8:7', "missing required key \"deployment\" in models.0.deploy.target", "Name of the Deployment whose image is set. example: \"fraud-api\""],
  ["control character in a value", "version: 1\nproject: \"de\\amo\"\nscm:\n  url: u\nmodels:\n  - name: churn\n", '2:10', "project: \"de\\u0007mo\" has \"\\u0007\"; try \"de-mo\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["invalid UTF-8", bytes('version: 1\nproject: d\n', [0xff, 0xfe, 0x0a]), '3:1', "invalid UTF-8 byte 0xff", "save the file as UTF-8"],
  ["Latin-1 encoded file", Buffer.from('version: 1\nproject: caf\u00e9\n', 'latin1'), '2:13', "invalid UTF-8 byte 0xe9", "save the file as UTF-8"],
  ["UTF-16 encoded file", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]), '1:1', "invalid UTF-8 byte 0xff", "save the file as UTF-8"],
  ["BOM is accepted, positions stay right", `\ufeff${HEAD.replace('project: demo', 'project: Demo')}${MODELS}`, '2:10', "project: \"Demo\" has upper-case letters; try \"demo\"", "Lower-case letters, digits and dashes, starting with a letter or digit (a valid Jenkins job name and Kubernetes label)."],
  ["CRLF line endings, positions stay right", (BASE + 'modles: 1\n').replace(/\n/g, '\r\n'), '7:1', "unknown key \"modles\" in the top level", "did you mean \"models\"?"],
  ["ci.image without an agent under a docker model agent", BASE + "    ci:\n      image:\n        name: r.example.com/churn\nagent:\n  docker:\n    image: python:3.11-slim\n", '8:7', "ci.image needs an agent: the model's agent is a docker container, which has no Docker engine to build the image", "add agent: { label: <label of Docker-capable agents> } under ci.image, e.g. agent: { label: docker }"],
  ["ci.image without an agent under a kubernetes model agent", BASE + "    agent:\n      kubernetes:\n        image: python:3.11-slim\n    ci:\n      image:\n        name: r.example.com/churn\n", '11:7', "ci.image needs an agent: the model's agent is a kubernetes container, which has no Docker engine to build the image", "add agent: { label: <label of Docker-capable agents> } under ci.image, e.g. agent: { label: docker }"],
];

interface Outcome {
  exitCode: number;
  stderr: string;
  before: string[];
  after: string[];
}

async function generateIn(input: string | Buffer, prepare?: (dir: string) => void): Promise<Outcome> {
  const dir = tempDir('bad-input-');
  writeFileSync(join(dir, 'mlops.yaml'), input);
  prepare?.(dir);
  const before = listTree(dir);
  const r = await runCli(['generate'], dir);
  return { exitCode: r.exitCode, stderr: r.stderr, before, after: listTree(dir) };
}

function expectRejected(o: Outcome, first: string, hint: string | undefined): void {
  expect(o.exitCode).toBe(2);
  expect(o.stderr.split('\n')[0]).toBe(first);
  if (hint !== undefined) expect(o.stderr.split('\n')[1]).toBe(`  hint: ${hint}`);
  expect(o.stderr).toMatch(/nothing was written/);
  // No stack frames, no runtime warnings: the user sees our words only.
  expect(o.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(o.stderr).not.toMatch(/Warning:|Error:|TypeError|RangeError/);
  expect(o.after).toEqual(o.before);
}

describe('bad-input catalogue: exit 2, exact message and location, nothing written', () => {
  it('has at least 40 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it.concurrent.each(rows)('%s', async (_name, input, at, message, hint) => {
    expectRejected(await generateIn(input), `mlops.yaml:${at}: ${message}`, hint);
  });

  it.concurrent('oversized file', async () => {
    const big = `${BASE}# ${'x'.repeat(1024 * 1024)}\n`;
    const o = await generateIn(big);
    expectRejected(o, `mlops.yaml:1:1: file is ${Buffer.byteLength(big)} bytes; the limit is 1048576`,
      'mlops.yaml describes pipelines, not data: move large content to files it references');
  });

  it.concurrent('too many problems are cut after the first 50', async () => {
    const keys = Array.from({ length: 120 }, (_, i) => `unknown${i}: 1\n`).join('');
    const o = await generateIn(BASE + keys);
    expect(o.exitCode).toBe(2);
    expect(o.stderr).toContain('mlops.yaml:7:1: unknown key "unknown0" in the top level');
    expect(o.stderr).not.toContain('"unknown50"');
    expect(o.stderr).toContain('... and 70 more\n');
    expect(o.stderr).toContain('120 problems found; nothing was written');
    expect(o.after).toEqual(o.before);
  });

  it.concurrent('config path is a folder', async () => {
    const dir = tempDir('bad-input-');
    mkdirSync(join(dir, 'conf.yaml'));
    const before = listTree(dir);
    const r = await runCli(['generate', '-c', 'conf.yaml'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('error: conf.yaml is not a file\n  hint: point -c at your mlops.yaml');
    expect(listTree(dir)).toEqual(before);
  });

  it.concurrent('config file does not exist', async () => {
    const dir = tempDir('bad-input-');
    const r = await runCli(['generate', '-c', 'nope.yaml'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('error: cannot read nope.yaml: ENOENT\n  hint: run `mlops-jenkins init` to create one, or pass -c PATH');
    expect(listTree(dir)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('config that fails to read (EIO)', async () => {
    // stat calls /proc/self/mem a regular file, but reading it at offset 0 fails.
    const dir = tempDir('bad-input-');
    const r = await runCli(['validate', '-c', '/proc/self/mem'], dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot read \S*proc\/self\/mem: EIO\n  hint: check that the file is readable by this user$/);
  });
});
