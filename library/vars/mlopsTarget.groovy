// Runs one action of a deploy target's script (resources/mlops/targets/<type>.sh) with the
// target's settings as MLOPS_* variables and its credential bound, never interpolated.
//
// The target protocol, shared by every target script:
//   deploy   bring MLOPS_VERSION up (next to the live version where the target can); exit 4
//            when it failed before changing anything, so that nothing is rolled back
//   ready    one readiness probe of MLOPS_VERSION: exit 0 ready, 1 not yet, 3 failed for good
//   url      print the base URL where MLOPS_VERSION answers (local and ssh only)
//   switch   make MLOPS_VERSION live; MLOPS_PREVIOUS_VERSION is the one it replaces
//   traffic  send MLOPS_WEIGHT percent to MLOPS_VERSION, the rest to MLOPS_PREVIOUS_VERSION
//   rollback restore MLOPS_PREVIOUS_VERSION (named explicitly, never "the one before")
//   discard  remove the failed MLOPS_VERSION once the previous version is live again
//   retire   remove MLOPS_PREVIOUS_VERSION once MLOPS_VERSION passed every check

/**
 * Runs `action`; returns the exit status for `ready` and `deploy`, the output for `url`,
 * else null (a failure throws). `extra` adds MLOPS_* variables (weight, rollback kind...).
 */
def call(Map target, String action, Map context, Map extra = [:]) {
    String type = target.type
    Map env = settingsEnv(target)
    env.MLOPS_ACTION = action
    env.MLOPS_MODEL = context.model
    env.MLOPS_ENVIRONMENT = context.environment
    env.MLOPS_VERSION = context.version
    env.MLOPS_PREVIOUS_VERSION = context.previous ?: ''
    env.MLOPS_BUILD = "${currentBuild.number}"
    env.putAll(extra)
    if (type == 'ssh') {
        env.MLOPS_REMOTE_SCRIPT = mlopsScript.text('targets/local')
    }
    boolean probe = action in ['ready', 'deploy']
    boolean output = action == 'url'
    String label = "${type} ${action} ${context.model} ${context.version} (${context.environment})"
    Closure run = {
        mlopsScript(name: "targets/${type}", env: env, returnStatus: probe, returnStdout: output,
            label: label)
    }
    List bindings = credentialBindings(type, (String) target.credential)
    def result = bindings ? withCredentials(bindings) { run.call() } : run.call()
    return output ? result.toString().trim() : result
}

// Target settings become MLOPS_<SETTING> variables: startCommand -> MLOPS_START_COMMAND.
@NonCPS
static Map settingsEnv(Map target) {
    Map env = [:]
    target.each { key, value ->
        if (!(key in ['type', 'credential']) && value != null) {
            String name = 'MLOPS_' + key.toString().replaceAll(/([a-z0-9])([A-Z])/, '$1_$2').toUpperCase()
            env[name] = value instanceof List ? value.join(',') : value.toString()
        }
    }
    return env
}

// How each target's credential reaches its tools: only as environment variables.
def credentialBindings(String type, String id) {
    if (!id) {
        return []
    }
    switch (type) {
        case 'ssh':
            return [sshUserPrivateKey(credentialsId: id, keyFileVariable: 'MLOPS_SSH_KEY',
                usernameVariable: 'MLOPS_SSH_USER')]
        case 'docker':
            return [usernamePassword(credentialsId: id, usernameVariable: 'MLOPS_REGISTRY_USER',
                passwordVariable: 'MLOPS_REGISTRY_PASSWORD')]
        case 'kubernetes':
        case 'helm':
            return [file(credentialsId: id, variable: 'KUBECONFIG')]
        case 'sagemaker':
            return [usernamePassword(credentialsId: id, usernameVariable: 'AWS_ACCESS_KEY_ID',
                passwordVariable: 'AWS_SECRET_ACCESS_KEY')]
        case 'vertex':
            return [file(credentialsId: id, variable: 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE')]
        default:
            error("mlopsTarget: target ${type} takes no credential; remove 'credential'")
    }
}
