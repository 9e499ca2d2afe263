// The poller job of a model: runs its data and metric checks on a small agent, on their own
// schedule, and starts the training job (without waiting) when one of them says so. It ends
// quickly and green when there is nothing to do, so a quiet day costs a few short builds.
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsCtPoll', args)
    List found = []
    List quiet = []
    if (cfg.data) {
        Map data = mlopsDataChanged([model: cfg.model, stateDir: cfg.stateDir] + (Map) cfg.data)
        if (data.changed) {
            found.add('new data')
        } else {
            quiet.add('no new data')
        }
    }
    if (cfg.metric) {
        Map metric = mlopsMetricDropped([model: cfg.model, stateDir: cfg.stateDir] +
            (Map) cfg.metric)
        if (metric.dropped) {
            found.add("metric drop (${metric.value})".toString())
        } else {
            quiet.add(metric.coolingDown ?
                "metric ${metric.value} crossed, cooldown running".toString() :
                "metric ${metric.value} fine".toString())
        }
    }
    if (found.isEmpty()) {
        currentBuild.description = quiet.join(', ')
        return false
    }
    // No parameters: a trigger that is already queued for the training job absorbs this one.
    build(job: cfg.trainingJob, wait: false)
    currentBuild.description = "${found.join(', ')}: started ${cfg.trainingJob}".toString()
    return true
}
