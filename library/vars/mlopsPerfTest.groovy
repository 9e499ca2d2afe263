// Performance test before a deploy goes on: runs the user's command (written on purpose in
// mlops.yaml) with MLOPS_URL and MLOPS_PERF_RESULTS set; the command writes a JSON file with
// p95_ms and error_rate, which must stay within the limits.
// mlopsPerfTest(command: 'k6 run perf.js', url: 'http://...', maxP95Ms: 200, maxErrorRate: 0.01)

def call(Map args) {
    Map cfg = mlopsConfig.merge('mlopsPerfTest', args)
    List<String> vars = ["MLOPS_URL=${cfg.url ?: ''}", "MLOPS_PERF_RESULTS=${cfg.resultsFile}"]
    timeout(time: cfg.timeoutMinutes as int, unit: 'MINUTES') {
        withEnv(vars) {
            sh(script: cfg.command, label: 'performance test')
        }
    }
    Map results = readJSON(file: cfg.resultsFile)
    List<String> failed = exceeded(results, cfg)
    if (failed) {
        error("performance test failed:\n  " + failed.join('\n  '))
    }
    echo "[mlopsPerfTest] p95 ${results.p95_ms} ms, error rate ${results.error_rate}"
}

@NonCPS
static List<String> exceeded(Map results, Map cfg) {
    List<String> out = []
    List<Map> checks = [[key: 'p95_ms', limit: cfg.maxP95Ms], [key: 'error_rate', limit: cfg.maxErrorRate]]
    checks.each { Map check ->
        if (check.limit == null) {
            return
        }
        def value = results[check.key]
        if (!(value instanceof Number)) {
            out << "${check.key} missing from ${cfg.resultsFile}".toString()
        } else if ((value as BigDecimal) > (check.limit as BigDecimal)) {
            out << "${check.key} = ${value} exceeds ${check.limit}".toString()
        }
    }
    return out
}
