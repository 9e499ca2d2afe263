import { Command, CommanderError, Option } from 'commander';
import { createLogger, type Level, type Logger } from './log.js';
import { reportError } from './report.js';
import { version } from './version.js';

export interface GlobalOptions {
  quiet?: boolean;
  verbose?: boolean;
}

/** Builds the program. Command modules are imported only when their command runs. */
function program(setExit: (code: number) => void): Command {
  const cli = new Command('mlops-jenkins')
    .description('Generate Jenkins pipelines for CI, CD with rollback and continuous training from mlops.yaml')
    .version(version(), '-V, --version')
    .option('-q, --quiet', 'print only errors')
    .option('-v, --verbose', 'print details (also DEBUG=1)')
    .showSuggestionAfterError(true)
    .exitOverride();
  const logger = (): Logger => {
    const g = cli.opts<GlobalOptions>();
    const level: Level = g.quiet ? 'quiet' : g.verbose ? 'verbose' : 'normal';
    return createLogger(level);
  };

  cli.command('init')
    .description('write a commented starter mlops.yaml')
    .option('-c, --config <file>', 'file to create', 'mlops.yaml')
    .addHelpText('after', '\nExample:\n  $ mlops-jenkins init && $EDITOR mlops.yaml')
    .action(async (opts) => setExit(await (await import('./commands/init.js')).runInit(opts, logger())));

  cli.command('validate')
    .description('check mlops.yaml against the schema; every problem as FILE:LINE:COL')
    .option('-c, --config <file>', 'config file', 'mlops.yaml')
    .option('--explain', 'also say in plain words when each schedule fires')
    .addHelpText('after', '\nExamples:\n  $ mlops-jenkins validate\n  $ mlops-jenkins validate -c ml/mlops.yaml --explain')
    .action(async (opts) => setExit(await (await import('./commands/validate.js')).runValidate(opts, logger())));

  cli.command('generate')
    .description('write the Jenkinsfiles, Job DSL seed and shared library')
    .option('-c, --config <file>', 'config file (default: <root>/mlops.yaml)')
    .option('--root <dir>', 'project root that receives the files (default: the config\'s folder)')
    .option('--dry-run', 'list what would be created, changed or deleted; write nothing')
    .option('--check', 'write nothing; exit 1 with a diff when any file is missing, stale or extra')
    .option('--force', 'overwrite or delete files that lack the generated marker')
    .addHelpText('after', '\nExamples:\n  $ mlops-jenkins generate\n  $ mlops-jenkins generate --dry-run\n  $ mlops-jenkins generate --check   # in CI: fail when committed files are stale')
    .action(async (opts) => setExit(await (await import('./commands/generate.js')).runGenerate(opts, logger())));

  cli.command('lint')
    .description('check generated (or given) Jenkinsfiles: drift, structure, Groovy syntax, secrets')
    .argument('[files...]', 'Jenkinsfiles to check (default: everything mlops.yaml generates)')
    .option('-c, --config <file>', 'config file (default: <root>/mlops.yaml)')
    .option('--root <dir>', 'project root')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit']).default('text'))
    .option('--jenkins-url <url>', 'also ask this Jenkins to validate (JENKINS_USER, JENKINS_TOKEN from the environment)')
    .option('--codenarc', 'also run CodeNarc through npm-groovy-lint (when installed) with a Jenkinsfile ruleset')
    .addHelpText('after', '\nExamples:\n  $ mlops-jenkins lint\n  $ mlops-jenkins lint Jenkinsfile --format sarif > lint.sarif')
    .action(async (files: string[], opts) => setExit(await (await import('./commands/lint.js')).runLint(files, { ...opts, logger: logger() })));

  const hook = cli.command('hook')
    .description('git pre-commit hook that keeps the generated files in step with mlops.yaml');
  hook.command('run')
    .description('regenerate; exit 1 when files changed so they can be reviewed and staged (the pre-commit entry)')
    .option('-c, --config <file>', 'config file (default: <root>/mlops.yaml)')
    .option('--root <dir>', 'project root')
    .action(async (opts) => setExit(await (await import('./commands/hook.js')).runHookRun({ ...opts, logger: logger() })));
  hook.command('install')
    .description('write a plain git pre-commit hook (for teams without pre-commit, husky or lefthook)')
    .option('-c, --config <file>', 'config file the hook passes on')
    .option('--root <dir>', 'repository (default: the current folder)')
    .option('--force', 'replace an existing pre-commit hook that is not ours')
    .addHelpText('after', '\nExample:\n  $ mlops-jenkins hook install')
    .action(async (opts) => setExit(await (await import('./commands/hook.js')).runHookInstall({ ...opts, logger: logger() })));

  return cli;
}

/** Runs the CLI and returns the exit code; prints, never throws, never calls process.exit. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cli = program((c) => {
    code = c;
  });
  try {
    await cli.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(err, createLogger('normal'));
  }
}
