// Deploys one model version to one environment and rolls back by itself when anything after
// the deploy fails or the stage is aborted: the previous good version (from the release
// ledger) is restored on the target and in the registry, and the build fails with a message
// naming both versions. Call it inside the lock of the model and environment.
// mlopsDeploy(model: 'fraud', version: '7', environment: 'staging', target: [type: 'local', ...])

def call(Map args) {
    Map cfg = mlopsConfig.merge('mlopsDeploy', args)
    Map where = [model: cfg.model, environment: cfg.environment, stateDir: cfg.stateDir]
    String previous = mlopsLedger.liveVersion(mlopsLedger.entries(where))
    Map ctx = [model: cfg.model, environment: cfg.environment, version: cfg.version, previous: previous]
    echo "[mlopsDeploy] ${cfg.model} ${cfg.version} to ${cfg.environment} (${cfg.strategy}); " +
        "live now: ${previous ?: 'nothing'}"
    String step = 'deploy'
    boolean untouched = false
    try {
        int status = mlopsTarget(cfg.target, 'deploy', ctx, strategyEnv(cfg)) as int
        untouched = status == 4
        if (status != 0) {
            error(untouched ? "${cfg.target.type} changed nothing" : "script returned exit code ${status}")
        }
        step = 'readiness'
        waitReady(cfg, ctx)
        if (cfg.target.type in ['local', 'ssh']) {
            step = 'health check'
            healthCheck(cfg, ctx)
        }
        // SageMaker runs its canary itself (blue/green update with alarms); the others step here.
        if (cfg.strategy == 'canary' && cfg.target.type != 'sagemaker') {
            for (def weight : (List) cfg.canary.steps) {
                step = "canary ${weight}%"
                mlopsTarget(cfg.target, 'traffic', ctx, [MLOPS_WEIGHT: weight])
                if (cfg.canary.analysis) {
                    mlopsAnalysis(((Map) cfg.canary.analysis) + [name: "canary ${weight}%"])
                }
            }
        }
        step = 'switch'
        mlopsTarget(cfg.target, 'switch', ctx)
        if (!(cfg.target.type in ['local', 'ssh'])) {
            step = 'health check'
            healthCheck(cfg, ctx)
        }
        step = 'smoke test'
        smokeTest(cfg, ctx)
        step = 'registry alias'
        mlopsRegistry.setAlias(cfg.registry, cfg.version)
    } catch (Exception e) {
        String reason = "${step} failed: ${e.message}"
        mlopsLedger.append(where, [version: cfg.version, previous: previous, action: 'deploy',
            outcome: 'failed', reason: reason])
        currentBuild.result = 'FAILURE'
        if (untouched) {
            error("Deploy of ${cfg.model} ${cfg.version} to ${cfg.environment} failed (${reason}) " +
                "before changing the target; not rolled back, ${previous ?: 'nothing'} is still live")
        }
        if (previous == null || previous == cfg.version) {
            error("Deploy of ${cfg.model} ${cfg.version} to ${cfg.environment} failed (${reason}); " +
                'no previous good version to roll back to')
        }
        mlopsRollback.restore(cfg, ctx, 'auto', reason)
        error("Deploy of ${cfg.model} ${cfg.version} to ${cfg.environment} failed (${reason}); " +
            "rolled back to ${previous}")
    }
    mlopsLedger.append(where, [version: cfg.version, previous: previous, action: 'deploy',
        outcome: 'succeeded'])
    if (previous != null && previous != cfg.version) {
        mlopsTarget(cfg.target, 'retire', ctx)
    }
    currentBuild.description = "${cfg.model} ${cfg.version} in ${cfg.environment}"
    return [version: cfg.version, previous: previous]
}

/** Polls the target's own readiness (rollout status, endpoint state, container health...). */
def waitReady(Map cfg, Map ctx) {
    Map r = (Map) cfg.readiness
    mlopsPoll(what: "readiness of ${ctx.model} ${ctx.version} on ${cfg.target.type}",
        attempts: r.attempts, attemptTimeoutSeconds: r.attemptTimeoutSeconds,
        intervalSeconds: r.intervalSeconds) {
        mlopsTarget(cfg.target, 'ready', ctx, [MLOPS_ATTEMPT_SECONDS: r.attemptTimeoutSeconds])
    }
}

/** HTTP health check of the version in ctx: configured url, or the target's url + path. */
def healthCheck(Map cfg, Map ctx) {
    String url = serviceUrl(cfg, ctx)
    if (url == null) {
        echo "[mlopsDeploy] no health check URL for ${cfg.target.type}; its readiness was the check"
        return
    }
    Map h = (Map) cfg.healthCheck
    mlopsHealthCheck(url: url, expectStatus: h.expectStatus, expectBody: h.expectBody,
        attempts: h.attempts, attemptTimeoutSeconds: h.attemptTimeoutSeconds,
        intervalSeconds: h.intervalSeconds)
}

/** The user's smoke test command, run with MLOPS_URL and MLOPS_VERSION, retried. */
def smokeTest(Map cfg, Map ctx) {
    Map s = (Map) cfg.smokeTest
    if (!s || !s.command) {
        return
    }
    List<String> vars = ["MLOPS_URL=${serviceUrl(cfg, ctx) ?: ''}", "MLOPS_VERSION=${ctx.version}"]
    mlopsPoll(what: "smoke test of ${ctx.model} ${ctx.version}", attempts: s.attempts,
        attemptTimeoutSeconds: s.attemptTimeoutSeconds, intervalSeconds: s.intervalSeconds) {
        withEnv(vars) {
            sh(script: s.command, label: 'smoke test', returnStatus: true) == 0 ? 0 : 1
        }
    }
}

String serviceUrl(Map cfg, Map ctx) {
    Map h = (Map) cfg.healthCheck
    if (h.url) {
        return h.url
    }
    if (cfg.target.type in ['local', 'ssh']) {
        return mlopsTarget(cfg.target, 'url', ctx) + (h.path ?: '')
    }
    return null
}

@NonCPS
static Map strategyEnv(Map cfg) {
    Map out = [MLOPS_STRATEGY: cfg.strategy]
    if (cfg.strategy == 'canary') {
        List steps = (List) cfg.canary.steps
        out.MLOPS_CANARY_PERCENT = steps ? steps[0] : 10
        out.MLOPS_CANARY_WAIT_SECONDS = cfg.canary.waitSeconds ?: 300
    }
    return out
}
