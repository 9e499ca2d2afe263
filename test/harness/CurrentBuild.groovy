/** The parts of Jenkins' `currentBuild` the library uses. Result null means still successful. */
class CurrentBuild {
    String result
    String description
    String displayName
    int number
    long startTimeInMillis = 0L

    String getCurrentResult() {
        return result ?: 'SUCCESS'
    }

    /** Jenkins only lets a result get worse, never better. */
    void setResult(String value) {
        List<String> order = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
        if (result == null || order.indexOf(value) > order.indexOf(result)) {
            result = value
        }
    }

    boolean resultIsBetterOrEqualTo(String other) {
        List<String> order = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
        return order.indexOf(getCurrentResult()) <= order.indexOf(other)
    }
}
