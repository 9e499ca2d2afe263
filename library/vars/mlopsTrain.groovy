// Runs the training commands the config gives (fetch data, prepare, train...), in order, each
// as its own labelled sh, and keeps the model's training state: the start is recorded first
// (the metric cooldown counts from it, so a failing training is not retried in a storm), the
// data fingerprint only after every command succeeded (so a failed run never hides new data).
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsTrain', args)
    Map state = [MLOPS_STATE_DIR: "${cfg.stateDir}/ct/${cfg.model}".toString(),
                 MLOPS_BUILD: String.valueOf(env.BUILD_NUMBER ?: '0')]
    lock(resource: "mlops-ct-${cfg.model}".toString()) {
        mlopsScript(name: 'ct-state', label: 'record the training start', env: state + [
            MLOPS_CT_ACTION: 'record-start', MLOPS_REASON: token((List) cfg.reasons)])
    }
    List commands = (List) cfg.commands
    for (int i = 0; i < commands.size(); i++) {
        Map command = (Map) commands[i]
        sh(label: (String) command.label, script: (String) command.script)
    }
    lock(resource: "mlops-ct-${cfg.model}".toString()) {
        mlopsScript(name: 'ct-state', label: 'record the trained data', env: state + [
            MLOPS_CT_ACTION: 'record-trained', MLOPS_FINGERPRINT: (String) cfg.fingerprint])
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
