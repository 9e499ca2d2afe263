// Why a training build runs, read from Jenkins' build causes (currentBuild.getBuildCauses()),
// so every run can say so in its description and the ledger.
//   schedule  the job's own cron          webhook   Generic Webhook Trigger
//   poll      the model's poller job found new data or a metric drop (checked again here)
//   upstream  another job finished        manual    a person, a replay, anything else
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsCtReason', args)
    return kinds((List) cfg.causes, (String) cfg.pollerJob)
}

List kinds(List causes, String pollerJob) {
    List out = []
    for (Object item : causes) {
        Map cause = (Map) item
        String cls = String.valueOf(cause._class)
        String kind = 'manual'
        if (cls.endsWith('TimerTrigger$TimerTriggerCause')) {
            kind = 'schedule'
        } else if (cls.endsWith('.gwt.GenericCause')) {
            kind = 'webhook'
        } else if (cls.endsWith('Cause$UpstreamCause')) {
            kind = String.valueOf(cause.upstreamProject) == pollerJob ? 'poll' : 'upstream'
        }
        if (!out.contains(kind)) {
            out.add(kind)
        }
    }
    return out
}
