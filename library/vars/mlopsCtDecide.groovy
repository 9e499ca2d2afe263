// First step of a training build: says why it runs and whether it should train. Causes from
// the poller are checked again here (data fingerprint, metric and its cooldown), so triggers
// that fire together and were folded into one queued build train once, and a build queued
// behind a training that already used the new data ends quickly as "no new data".
// Returns [train: boolean, reasons: List<String>, fingerprint: String] and writes the reasons
// to currentBuild.description.
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsCtDecide', args)
    List kinds = mlopsCtReason(causes: cfg.causes, pollerJob: cfg.pollerJob)
    List reasons = []
    List notes = []
    String fingerprint = ''
    if (cfg.data) {
        Map data = mlopsDataChanged([model: cfg.model, stateDir: cfg.stateDir] + (Map) cfg.data)
        fingerprint = data.fingerprint
        if (kinds.contains('poll')) {
            if (data.changed) {
                reasons.add('new data')
            } else {
                notes.add('no new data')
            }
        }
    }
    if (cfg.metric && kinds.contains('poll')) {
        Map metric = mlopsMetricDropped([model: cfg.model, stateDir: cfg.stateDir] +
            (Map) cfg.metric)
        if (metric.dropped) {
            reasons.add("metric drop (${metric.value})".toString())
        } else if (metric.coolingDown) {
            notes.add("metric ${metric.value} crossed, cooldown running".toString())
        } else {
            notes.add("metric ${metric.value} fine".toString())
        }
    }
    for (int i = 0; i < kinds.size(); i++) {
        if (kinds[i] != 'poll') {
            reasons.add(kinds[i])
        }
    }
    boolean train = !reasons.isEmpty()
    currentBuild.description = train ?
        "Retrain ${cfg.model}: ${reasons.join(', ')}".toString() :
        "No retraining of ${cfg.model}: ${notes ? notes.join(', ') : 'nothing to do'}".toString()
    echo "[mlopsCtDecide] ${currentBuild.description}"
    return [train: train, reasons: reasons, fingerprint: fingerprint]
}
