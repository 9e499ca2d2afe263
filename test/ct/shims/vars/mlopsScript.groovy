// Test stand-in for the library's mlopsScript, used only while library/vars has none: runs
// resources/mlops/<name>.sh with its inputs as environment variables.
def call(Map args) {
    String script = libraryResource("mlops/${args.name}.sh")
    List pairs = []
    Map env = (Map) (args.env ?: [:])
    for (Object key : env.keySet()) {
        Object value = env[key]
        pairs.add("${key}=${value == null ? '' : value}".toString())
    }
    withEnv(pairs) {
        return sh(script: script, label: (String) (args.label ?: args.name),
            returnStdout: args.returnStdout == true, returnStatus: args.returnStatus == true)
    }
}
