// Gates before a deploy: the training metrics file (JSON, read on the agent) must meet every
// threshold, e.g. ['auc >= 0.85', 'log_loss < 0.4'], all failures reported at once; then the
// performance test, when one is configured, must stay within its limits (mlopsPerfTest).
// mlopsGate(metricsFile: 'metrics/fraud.json', thresholds: ['auc >= 0.85'], perfTest: [...])

def call(Map args) {
    Map cfg = mlopsConfig.merge('mlopsGate', args)
    if (cfg.thresholds) {
        thresholds(cfg)
    }
    if (cfg.perfTest) {
        mlopsPerfTest((Map) cfg.perfTest)
    }
}

private void thresholds(Map cfg) {
    if (!cfg.metricsFile) {
        error('mlopsGate: thresholds need metricsFile, the JSON file training writes')
    }
    if (!fileExists(cfg.metricsFile)) {
        error("mlopsGate: metrics file ${cfg.metricsFile} not found; the training job writes it")
    }
    Map metrics = readJSON(file: cfg.metricsFile)
    List<String> failed = failures(metrics, (List) cfg.thresholds)
    if (failed) {
        error("quality gate failed for ${cfg.metricsFile}:\n  " + failed.join('\n  '))
    }
    echo "[mlopsGate] ${cfg.thresholds.size()} thresholds met by ${cfg.metricsFile}"
}

/** Each threshold is "metric OP number"; returns the ones not met, with the actual value. */
@NonCPS
static List<String> failures(Map metrics, List thresholds) {
    List<String> out = []
    thresholds.each { String t ->
        def m = (t =~ /^\s*([A-Za-z0-9_.\-]+)\s*(<=|>=|==|!=|<|>)\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)\s*$/)
        if (!m.matches()) {
            out << "'${t}' is not 'metric OP number'".toString()
            return
        }
        String name = m.group(1)
        String op = m.group(2)
        BigDecimal limit = new BigDecimal(m.group(3))
        def raw = metrics[name]
        if (!(raw instanceof Number)) {
            out << "${name}: missing or not a number in the metrics (${t})".toString()
            return
        }
        BigDecimal value = new BigDecimal(raw.toString())
        int c = value.compareTo(limit)
        boolean ok = (op == '<' && c < 0) || (op == '<=' && c <= 0) || (op == '>' && c > 0) ||
            (op == '>=' && c >= 0) || (op == '==' && c == 0) || (op == '!=' && c != 0)
        if (!ok) {
            out << "${name} = ${raw} does not meet ${t.trim()}".toString()
        }
    }
    return out
}
