// Fingerprints the model's data source on the agent (fingerprint.sh) and compares it with the
// fingerprint of the last successful training, kept in state.dir/ct/<model>/events.jsonl.
// Returns [changed: boolean, fingerprint: String, last: String]; stores nothing: the
// fingerprint is recorded by mlopsTrain only once a training succeeded.
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsDataChanged', args)
    String fingerprint = mlopsScript(name: 'fingerprint', label: 'fingerprint the data',
        returnStdout: true, env: [
            MLOPS_SOURCE_TYPE: cfg.type,
            MLOPS_SOURCE: cfg.source,
            MLOPS_GCS_TOOL: cfg.gcsTool,
            MLOPS_DVC_UPDATE: String.valueOf(cfg.dvcUpdate),
            MLOPS_TIMEOUT: String.valueOf(cfg.timeoutSeconds),
        ]).trim()
    String last = mlopsScript(name: 'ct-state', label: 'last trained fingerprint',
        returnStdout: true, env: [
            MLOPS_STATE_DIR: "${cfg.stateDir}/ct/${cfg.model}".toString(),
            MLOPS_CT_ACTION: 'last-fingerprint',
        ]).trim()
    boolean changed = fingerprint != last
    if (changed) {
        echo "[mlopsDataChanged] new data for ${cfg.model}: ${short12(last) ?: 'never trained'}" +
            " -> ${short12(fingerprint)}"
    } else {
        echo "[mlopsDataChanged] no new data for ${cfg.model} (${short12(fingerprint)})"
    }
    return [changed: changed, fingerprint: fingerprint, last: last]
}

static String short12(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint
}
