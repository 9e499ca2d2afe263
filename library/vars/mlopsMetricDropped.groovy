// Reads the model's production metric on the agent (metric-check.sh) and says whether it
// crossed its threshold. A missing or non-numeric metric, or a monitoring server that does
// not answer, fails the build: it is never taken as "fine" nor as "dropped".
// Returns [dropped: boolean, coolingDown: boolean, value: String, detail: String].
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsMetricDropped', args)
    String stateDir = "${cfg.stateDir}/ct/${cfg.model}".toString()
    String last = mlopsScript(name: 'ct-state', label: 'last retraining start',
        returnStdout: true,
        env: [MLOPS_STATE_DIR: stateDir, MLOPS_CT_ACTION: 'last-start']).trim()
    String resultFile = ".mlops-metric-${cfg.model}.txt".toString()
    int code = mlopsScript(name: 'metric-check', label: 'check the production metric',
        returnStatus: true, env: [
            MLOPS_METRIC_SOURCE: cfg.source,
            MLOPS_METRIC_URL: cfg.url,
            MLOPS_METRIC_QUERY: cfg.query,
            MLOPS_METRIC_JSON_PATH: cfg.jsonPath,
            MLOPS_METRIC_COMMAND: cfg.command,
            MLOPS_THRESHOLD: String.valueOf(cfg.threshold),
            MLOPS_DIRECTION: cfg.direction,
            MLOPS_COOLDOWN_MINUTES: String.valueOf(cfg.cooldownMinutes),
            MLOPS_LAST_RETRAIN: last,
            MLOPS_TIMEOUT: String.valueOf(cfg.timeoutSeconds),
            MLOPS_RESULT_FILE: resultFile,
        ])
    String detail = fileExists(resultFile) ? readFile(resultFile).trim() : ''
    String value = valueOf(detail)
    if (code == 0 || code == 10 || code == 11) {
        return [dropped: code == 0, coolingDown: code == 11, value: value, detail: detail]
    }
    String why = [20: 'the metric has no usable value (missing, empty or not a number)',
                  21: 'the metric could not be read (server down, HTTP error or command failed)',
                  2: 'the metric check is misconfigured',
                  5: 'a tool the metric check needs is missing on this agent'][code]
    error("mlopsMetricDropped: ${cfg.model}: ${why ?: "metric-check.sh exited ${code}"};" +
        ' see the message above. Retraining was neither started nor ruled out.')
}

// "value=0.81 threshold=0.8 direction=below" -> "0.81"; plain string work keeps it CPS-safe.
static String valueOf(String detail) {
    int at = detail.indexOf('value=')
    if (at < 0) {
        return ''
    }
    String rest = detail.substring(at + 6)
    int end = rest.indexOf(' ')
    return end < 0 ? rest : rest.substring(0, end)
}
