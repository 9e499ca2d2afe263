// Polls a probe until it reports ready: each attempt runs inside its own timeout, inside a
// retry, so a hung probe costs one attempt, not the stage. The probe returns 0 (ready), 1
// (not yet: wait and try again) or 3 (failed for good: stop now instead of waiting out the
// remaining attempts).
// mlopsPoll(what: 'health of v2', attempts: 10, attemptTimeoutSeconds: 30, intervalSeconds: 5) { -> 0 }

def call(Map args, Closure probe) {
    String what = args.what
    int attempts = (args.attempts ?: 10) as int
    int interval = (args.intervalSeconds ?: 5) as int
    int attemptTimeout = (args.attemptTimeoutSeconds ?: 60) as int
    String failure = null
    int tried = 0
    try {
        retry(attempts) {
            tried++
            int status = 1
            timeout(time: attemptTimeout, unit: 'SECONDS') {
                status = probe.call() as int
            }
            if (status == 3) {
                failure = "${what} failed for good (attempt ${tried} of ${attempts})"
                return
            }
            if (status != 0) {
                sleep(time: interval, unit: 'SECONDS')
                error("${what}: not ready (attempt ${tried} of ${attempts})")
            }
        }
    } catch (hudson.AbortException e) {
        failure = "${what} not ready after ${attempts} attempts"
    }
    if (failure != null) {
        error(failure)
    }
}
