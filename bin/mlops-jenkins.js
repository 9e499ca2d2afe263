#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// main() reports every error itself; this catch is for a failure in the reporting itself,
// which still must not reach the user as a stack trace.
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`error: internal error: ${err?.message ?? err}\n`);
    process.stderr.write('This is a bug in mlops-jenkins. Please report it with the command you ran and DEBUG=1 output.\n');
    process.exitCode = 3;
  },
);
