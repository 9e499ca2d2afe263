// Reads the metrics file the training wrote, archives it, and checks the thresholds
// ([auc: [min: 0.8], latency_ms: [max: 50]]). A model below a threshold is rejected: the
// build turns UNSTABLE with the reason in its description, and nothing is registered.
// Returns [passed: boolean, failures: List<String>, metrics: Map].
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsEvaluate', args)
    String file = (String) cfg.metricsFile
    if (!fileExists(file)) {
        error("mlopsEvaluate: ${file} does not exist; the training must write its metrics " +
            'there as a JSON object, e.g. {"auc": 0.91}')
    }
    Map metrics = (Map) readJSON(file: file)
    archiveArtifacts(artifacts: file, fingerprint: true)
    List failures = failuresOf(metrics, (Map) cfg.thresholds)
    if (failures) {
        String why = "rejected: ${failures.join('; ')}".toString()
        String before = currentBuild.description
        currentBuild.description = before ? "${before} | ${why}".toString() : why
        unstable("mlopsEvaluate: ${cfg.model} ${why}")
    }
    return [passed: failures.isEmpty(), failures: failures, metrics: metrics]
}

static List failuresOf(Map metrics, Map thresholds) {
    List out = []
    for (String name : new TreeSet(thresholds.keySet())) {
        Map t = (Map) thresholds[name]
        Object v = metrics[name]
        if (!(v instanceof Number)) {
            out.add("${name} is missing from the metrics file".toString())
            continue
        }
        BigDecimal value = new BigDecimal(v.toString())
        if (t.min != null && value < new BigDecimal(t.min.toString())) {
            out.add("${name} ${v} is below the minimum ${t.min}".toString())
        }
        if (t.max != null && value > new BigDecimal(t.max.toString())) {
            out.add("${name} ${v} is above the maximum ${t.max}".toString())
        }
    }
    return out
}
