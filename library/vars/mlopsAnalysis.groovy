// Analysis of a canary step, as Argo Rollouts and Flagger do it: `count` measurements of a
// metric (Prometheus query or a field of an HTTP JSON endpoint), `intervalSeconds` apart,
// each checked against `successCondition`; more than `failureLimit` failed measurements
// fail the analysis (and the deploy, which then rolls back). Queries run with curl on the
// agent, never as Groovy on the controller.
// mlopsAnalysis(provider: 'prometheus', url: 'http://prometheus:9090',
//     query: 'sum(rate(errors[1m]))', successCondition: 'result < 0.05', failureLimit: 1)

def call(Map args) {
    Map cfg = mlopsConfig.merge('mlopsAnalysis', args)
    Map env = [
        MLOPS_PROVIDER: cfg.provider,
        MLOPS_URL: cfg.url,
        MLOPS_QUERY: cfg.query ?: '',
        MLOPS_FIELD: cfg.field ?: '',
        MLOPS_CONDITION: cfg.successCondition,
    ]
    int failures = 0
    int count = cfg.count as int
    for (int i = 1; i <= count; i++) {
        int status = 1
        timeout(time: cfg.attemptTimeoutSeconds as int, unit: 'SECONDS') {
            status = measure(cfg, env, "analysis ${i}/${count}${cfg.name ? ' ' + cfg.name : ''}")
        }
        if (status != 0) {
            failures++
            echo "[mlopsAnalysis] measurement ${i} of ${count} failed " +
                "(${failures} of at most ${cfg.failureLimit})"
            if (failures > (cfg.failureLimit as int)) {
                error("analysis ${cfg.name ?: cfg.successCondition} failed: " +
                    "${failures} of ${i} measurements " +
                    "did not meet '${cfg.successCondition}' (failure limit ${cfg.failureLimit})")
            }
        }
        if (i < count) {
            sleep(time: cfg.intervalSeconds as int, unit: 'SECONDS')
        }
    }
}

private int measure(Map cfg, Map env, String label) {
    if (cfg.credential) {
        List bindings = [string(credentialsId: cfg.credential, variable: 'MLOPS_METRICS_TOKEN')]
        return withCredentials(bindings) {
            mlopsScript(name: 'analysis', env: env, returnStatus: true, label: label)
        } as int
    }
    return mlopsScript(name: 'analysis', env: env, returnStatus: true, label: label) as int
}
