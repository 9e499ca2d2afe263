// Writes one event to a model's training state, under the model's lock. The CT Jenkinsfile
// calls it only on the light agent that also reads the state (the "Why" stage and the poller),
// never on the training agent: a training pod has no volume, so state written there is lost.
//   start    before training: the metric cooldown counts from it, so a failing training is
//            not retried in a storm
//   trained  after the training stage succeeded: the data fingerprint it used, so a failed
//            run never hides new data
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsCtRecord', args)
    Map state = [MLOPS_STATE_DIR: "${cfg.stateDir}/ct/${cfg.model}".toString(),
                 MLOPS_BUILD: String.valueOf(env.BUILD_NUMBER ?: '0')]
    Map event
    String label
    if (cfg.event == 'start') {
        label = 'record the training start'
        event = [MLOPS_CT_ACTION: 'record-start', MLOPS_REASON: token((List) cfg.reasons)]
    } else if (cfg.event == 'trained') {
        label = 'record the trained data'
        event = [MLOPS_CT_ACTION: 'record-trained', MLOPS_FINGERPRINT: (String) cfg.fingerprint,
                 MLOPS_VERSION: (String) cfg.version]
    } else {
        error("mlopsCtRecord: event must be start or trained, got '${cfg.event}'")
    }
    lock(resource: "mlops-ct-${cfg.model}".toString()) {
        mlopsScript(name: 'ct-state', label: label, env: state + event)
    }
}

// "metric drop (0.71)" -> "metric-drop": the ledger keeps plain tokens only.
static String token(List reasons) {
    List words = []
    for (Object r : reasons) {
        words.add(String.valueOf(r).replaceAll(/ \(.*$/, '').replaceAll(/[^A-Za-z0-9]+/, '-'))
    }
    return words.join('+')
}
