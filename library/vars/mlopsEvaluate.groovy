// Reads the metrics file the training wrote, archives it, and checks the thresholds
// (['auc >= 0.8', 'latency_ms <= 50'], read by the same code as the CD gate). A model below a threshold is rejected: the
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
    List failures = mlopsGate.failures(metrics, (List) cfg.thresholds)
    if (failures) {
        String why = "rejected: ${failures.join('; ')}".toString()
        String before = currentBuild.description
        currentBuild.description = before ? "${before} | ${why}".toString() : why
        unstable("mlopsEvaluate: ${cfg.model} ${why}")
    }
    return [passed: failures.isEmpty(), failures: failures, metrics: metrics]
}
