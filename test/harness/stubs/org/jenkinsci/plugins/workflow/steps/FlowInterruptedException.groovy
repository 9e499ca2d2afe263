package org.jenkinsci.plugins.workflow.steps

/**
 * What Jenkins throws when a build is aborted, an `input` is rejected or a `timeout` fires.
 * `reason` is `user` for a user abort. Same package and name as the real class so library code that catches it compiles here.
 */
class FlowInterruptedException extends InterruptedException {
    final String result
    final String reason

    FlowInterruptedException(String result, String cause) {
        super(cause)
        this.result = result
        this.reason = cause
    }
}
