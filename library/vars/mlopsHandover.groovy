// Hands a promoted version to the CD job and returns at once: the deployment has its own
// approvals and may wait for days, which must not hold the training job or its agent.
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsHandover', args)
    build(job: cfg.cdJob, wait: false, parameters: [
        string(name: 'MODEL', value: String.valueOf(cfg.model)),
        string(name: 'VERSION', value: String.valueOf(cfg.version)),
    ])
    String line = "handed ${cfg.model} ${cfg.version} to ${cfg.cdJob}".toString()
    String before = currentBuild.description
    currentBuild.description = before ? "${before} | ${line}".toString() : line
}
