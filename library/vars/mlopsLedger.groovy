// The release ledger: JSON lines under <stateDir>/ledger/<model>/<environment>.jsonl on the
// agent, one per deploy and rollback (version, previous, outcome, build, time). Callers hold
// the lock of the model and environment. It is how the previous good version is known.
// Limitation: agents that deploy one model to one environment must share stateDir.

/** Appends one entry, stamped on the agent, and archives a copy with the build. */
def append(Map where, Map entry) {
    Map full = [model: where.model, environment: where.environment] + entry +
        [build: currentBuild.number, job: env.JOB_NAME]
    String line = writeJSON(json: full, returnText: true)
    mlopsScript(name: 'ledger', label: "ledger ${where.model} ${where.environment}",
        env: files(where) + [MLOPS_LEDGER_ACTION: 'append', MLOPS_LEDGER_ENTRY: line])
    archiveArtifacts(artifacts: copyPath(where), allowEmptyArchive: true)
}

/** Every entry, oldest first. */
List entries(Map where) {
    String text = mlopsScript(name: 'ledger', returnStdout: true,
        label: "ledger ${where.model} ${where.environment}",
        env: files(where) + [MLOPS_LEDGER_ACTION: 'list'])
    List out = []
    for (String line : text.split('\n')) {
        if (line.trim()) {
            out << readJSON(text: line)
        }
    }
    return out
}

/** The version live now: the newest entry that succeeded; null before the first deploy. */
@NonCPS
static String liveVersion(List entries) {
    Map last = (Map) entries.reverse().find { it.outcome == 'succeeded' }
    return last == null ? null : last.version?.toString()
}

/** The newest good version other than `current`, for a rollback without a version. */
@NonCPS
static String previousGood(List entries, String current) {
    Map found = (Map) entries.reverse().find {
        it.outcome == 'succeeded' && it.version?.toString() != current
    }
    return found == null ? null : found.version.toString()
}

private Map files(Map where) {
    return [
        MLOPS_LEDGER_FILE: "${where.stateDir}/ledger/${where.model}/${where.environment}.jsonl",
        MLOPS_LEDGER_COPY: "${env.WORKSPACE}/${copyPath(where)}",
    ]
}

private static String copyPath(Map where) {
    return ".mlops/ledger/${where.model}/${where.environment}.jsonl"
}
