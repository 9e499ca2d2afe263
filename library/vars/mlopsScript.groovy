// Runs a library shell script on the agent: resources/mlops/common.sh followed by
// resources/mlops/<name>.sh, its inputs as environment variables only (the script text is a
// resource, so Groovy interpolates nothing into it).
// mlopsScript(name: 'http-check', env: [MLOPS_URL: url], returnStatus: true)

def call(Map args) {
    String name = args.name
    List<String> vars = envList((Map) (args.env ?: [:]))
    String script = libraryResource('mlops/common.sh') + '\n' + libraryResource("mlops/${name}.sh")
    boolean status = args.returnStatus ?: false
    boolean stdout = args.returnStdout ?: false
    String label = args.label ?: "mlops ${name}"
    return withEnv(vars) {
        sh(script: script, label: label, returnStatus: status, returnStdout: stdout)
    }
}

/** The library's own resource text, for scripts that ship another script (ssh). */
String text(String name) {
    return libraryResource('mlops/common.sh') + '\n' + libraryResource("mlops/${name}.sh")
}

@NonCPS
static List<String> envList(Map env) {
    List<String> out = []
    env.each { key, value ->
        if (!(key ==~ /[A-Z][A-Z0-9_]*/)) {
            throw new IllegalArgumentException("mlopsScript: bad environment variable name ${key}")
        }
        if (value != null) {
            out << "${key}=${value}".toString()
        }
    }
    return out
}
