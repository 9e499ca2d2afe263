// Health check (or smoke test) of a deployed model over HTTP, run with curl on the agent,
// retried with a timeout per attempt. Fails when the service never answers as expected.
// mlopsHealthCheck(url: 'http://10.0.0.5:8080/health', attempts: 10)

def call(Map args) {
    Map cfg = mlopsConfig.merge('mlopsHealthCheck', args)
    Map env = [
        MLOPS_URL: cfg.url,
        MLOPS_EXPECT_STATUS: cfg.expectStatus,
        MLOPS_EXPECT_BODY: cfg.expectBody ?: '',
        MLOPS_REQUEST_TIMEOUT: cfg.attemptTimeoutSeconds,
    ]
    mlopsPoll(what: "health check of ${cfg.url}", attempts: cfg.attempts,
        attemptTimeoutSeconds: cfg.attemptTimeoutSeconds, intervalSeconds: cfg.intervalSeconds) {
        mlopsScript(name: 'http-check', env: env, returnStatus: true, label: "health ${cfg.url}")
    }
}
