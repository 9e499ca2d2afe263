// Runs pipeline scenarios against `library/` under real Groovy 2.4.21 (one JVM per batch) and
// returns what each recorded. The step defaults the library merges at run time are rendered
// from `library/steps/*.yaml` first, exactly as the generator renders them.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { renderStepDefaults } from '../../src/library/steps.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const HARNESS = join(ROOT, 'test/harness');

export type Credential =
  | { type: 'string'; secret: string }
  | { type: 'usernamePassword'; username: string; password: string }
  | { type: 'file'; content: string }
  | { type: 'sshUserPrivateKey'; username: string; key: string };

export interface Scenario {
  name: string;
  /** Groovy run as the Jenkinsfile's body: calls steps and library vars. */
  script: string;
  /** Directory `sh` runs in and files resolve against. */
  workspace: string;
  env?: Record<string, string>;
  params?: Record<string, unknown>;
  credentials?: Record<string, Credential>;
  /** Answers to `input`, in order; none left means nobody approved in time (ABORTED). */
  inputs?: Array<{ abort?: boolean; by?: string; values?: Record<string, unknown> }>;
  /** Which `timeout` calls fire (1 = the first one called) instead of running their body. */
  timeouts?: number[];
  /** Results of downstream `build` calls by job name. */
  builds?: Record<string, { result: string; number?: number }>;
  buildNumber?: number;
  jobName?: string;
  /** Leave processes the build started running even if they kept the build's cookie. */
  keepProcesses?: boolean;
  shTimeoutSeconds?: number;
  /** Steps of plugins that are not installed: calling them fails as in Jenkins. */
  missingSteps?: string[];
}

export interface StepCall {
  step: string;
  args: any;
  /** Enclosing block steps, outermost first: `lock:<resource>`, `withEnv`, `stage:<name>`... */
  within: string[];
  status?: number;
  stdout?: string;
  env?: Record<string, string>;
  answer?: unknown;
  fired?: boolean;
}

export interface ScenarioResult {
  name: string;
  result: 'SUCCESS' | 'UNSTABLE' | 'FAILURE' | 'NOT_BUILT' | 'ABORTED';
  error: string | null;
  description: string | null;
  calls: StepCall[];
  log: string[];
  returned: unknown;
  killed: number[];
}

export interface HarnessOptions {
  /** Library root holding vars/, resources/ and steps/; defaults to this repository's. */
  library?: string;
}

/** Renders every `steps/<step>.yaml` of the library to `<dir>/mlops/steps/<step>.json`. */
export function renderDefaultsInto(library: string, dir: string): void {
  const stepsDir = join(library, 'steps');
  const out = join(dir, 'mlops/steps');
  mkdirSync(out, { recursive: true });
  let names: string[] = [];
  try {
    names = readdirSync(stepsDir).filter((n) => n.endsWith('.yaml'));
  } catch {
    return;
  }
  for (const name of names) {
    const json = renderStepDefaults(readFileSync(join(stepsDir, name), 'utf8'));
    writeFileSync(join(out, name.replace(/\.yaml$/, '.json')), json);
  }
}

export async function runScenarios(
  scenarios: Scenario[],
  options: HarnessOptions = {},
): Promise<ScenarioResult[]> {
  const library = options.library ?? join(ROOT, 'library');
  const tmp = mkdtempSync(join(tmpdir(), 'mlops-harness-'));
  const generated = join(tmp, 'resources');
  renderDefaultsInto(library, generated);
  const batch = {
    vars: join(library, 'vars'),
    resources: [join(library, 'resources'), generated],
    scenarios,
  };
  const input = join(tmp, 'batch.json');
  const output = join(tmp, 'result.json');
  writeFileSync(input, JSON.stringify(batch));
  await execa('groovy', ['-cp', `${HARNESS}:${join(HARNESS, 'stubs')}`, join(HARNESS, 'Harness.groovy'), input, output], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Short-lived JVM: the C1 compiler alone and the serial GC halve its CPU time.
    env: { JAVA_OPTS: process.env.JAVA_OPTS ?? '-XX:+UseSerialGC -XX:TieredStopAtLevel=1' },
  });
  const parsed = JSON.parse(readFileSync(output, 'utf8')) as {
    compileErrors: Record<string, string>;
    results: ScenarioResult[];
  };
  const errors = Object.entries(parsed.compileErrors);
  if (errors.length > 0) {
    throw new Error(`library does not compile:\n${errors.map(([f, e]) => `${f}: ${e}`).join('\n')}`);
  }
  return parsed.results;
}

export async function runScenario(scenario: Scenario, options?: HarnessOptions) {
  const [result] = await runScenarios([scenario], options);
  return result!;
}

/** The calls of one step, for assertions that do not care about the others. */
export function callsOf(result: ScenarioResult, step: string): StepCall[] {
  return result.calls.filter((c) => c.step === step);
}
