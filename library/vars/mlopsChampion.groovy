// The champion/challenger gate: the new version (challenger) replaces the champion only when
// its metric is better by at least minImprovement. With MLflow the champion is the version
// behind the champion alias and its metric is read from its run; without a registry it is
// the last promotion in the training ledger. The first model has no champion and wins.
// On a win the champion alias moves (MLflow) or the promotion is recorded (ledger).
// Returns [promote: boolean, champion: String (empty if none), challenger, improvement].
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsChampion', args)
    String challenger = String.valueOf(cfg.challenger)
    Map registry = [MLOPS_TRACKING_URI: cfg.trackingUri,
                    MLOPS_REGISTERED_MODEL: cfg.registeredModel ?: cfg.model]
    Map state = [MLOPS_STATE_DIR: "${cfg.stateDir}/ct/${cfg.model}".toString(),
                 MLOPS_BUILD: String.valueOf(env.BUILD_NUMBER ?: '0')]
    String champion = ''
    mlopsCtRegistryAuth(credentialId: cfg.credentialId) {
        if (cfg.registry == 'mlflow') {
            champion = mlopsScript(name: 'ct-registry', label: "metric of @${cfg.alias}",
                returnStdout: true, env: registry + [MLOPS_REGISTRY_ACTION: 'alias-metric',
                    MLOPS_ALIAS: cfg.alias, MLOPS_METRIC: cfg.metric]).trim()
        } else {
            champion = mlopsScript(name: 'ct-state', label: 'metric of the champion',
                returnStdout: true, env: state + [MLOPS_CT_ACTION: 'last-promoted-metric']).trim()
        }
    }
    Map verdict = judge(challenger, champion, (String) cfg.direction,
        String.valueOf(cfg.minImprovement))
    String versus = champion ? "champion ${champion}" : 'no champion yet'
    String line = "${cfg.metric} ${challenger} vs ${versus}".toString()
    if (verdict.promote) {
        mlopsCtRegistryAuth(credentialId: cfg.credentialId) {
            if (cfg.registry == 'mlflow') {
                mlopsScript(name: 'ct-registry', label: "alias ${cfg.alias}".toString(),
                    env: registry + [MLOPS_REGISTRY_ACTION: 'set-alias', MLOPS_ALIAS: cfg.alias,
                        MLOPS_VERSION: String.valueOf(cfg.version)])
            } else {
                lock(resource: "mlops-ct-${cfg.model}".toString()) {
                    mlopsScript(name: 'ct-state', label: 'record the promotion', env: state + [
                        MLOPS_CT_ACTION: 'record-promoted', MLOPS_METRIC_VALUE: challenger,
                        MLOPS_VERSION: String.valueOf(cfg.version)])
                }
            }
        }
        line = "version ${cfg.version} promoted: ${line}".toString()
    } else {
        line = "version ${cfg.version} kept as challenger: ${line}, needs" +
            " ${cfg.minImprovement} better".toString()
    }
    String before = currentBuild.description
    currentBuild.description = before ? "${before} | ${line}".toString() : line
    echo "[mlopsChampion] ${line}"
    return verdict + [champion: champion, challenger: challenger]
}

static Map judge(String challenger, String champion, String direction, String minImprovement) {
    if (!champion) {
        return [promote: true, improvement: null]
    }
    BigDecimal gain = new BigDecimal(challenger) - new BigDecimal(champion)
    if (direction == 'lower') {
        gain = -gain
    }
    return [promote: gain >= new BigDecimal(minImprovement), improvement: gain.toString()]
}
