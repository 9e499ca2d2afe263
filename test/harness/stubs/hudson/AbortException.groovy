package hudson

/** What `error()` and a failed `sh` throw in Jenkins; the same name so library code can catch it. */
class AbortException extends IOException {
    AbortException(String message) {
        super(message)
    }
}
