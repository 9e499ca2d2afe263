// Model registry alias of a model in an environment (MLflow >= 2.9 aliases), moved on deploy
// and moved back on rollback, through MLflow's REST API with curl on the agent.
// registry: [type: 'mlflow', trackingUri: 'https://mlflow.example.com', alias: 'production',
//            registeredModel: 'fraud', credential: 'mlflow-token']

def setAlias(Map registry, String version) {
    if (registry == null || registry.type != 'mlflow') {
        return
    }
    callApi(registry, [MLOPS_REGISTRY_ACTION: 'set-alias', MLOPS_VERSION: version], false)
}

/** The version the alias points to, or '' when it is not set. */
String getAlias(Map registry) {
    if (registry == null || registry.type != 'mlflow') {
        return ''
    }
    return callApi(registry, [MLOPS_REGISTRY_ACTION: 'get-alias'], true).toString().trim()
}

private def callApi(Map registry, Map extra, boolean output) {
    Map env = [
        MLOPS_TRACKING_URI: registry.trackingUri,
        MLOPS_REGISTERED_MODEL: registry.registeredModel,
        MLOPS_ALIAS: registry.alias,
    ] + extra
    String label = "registry ${extra.MLOPS_REGISTRY_ACTION} ${registry.registeredModel}@${registry.alias}"
    Closure body = { mlopsScript(name: 'registry-mlflow', env: env, returnStdout: output, label: label) }
    if (registry.credential) {
        List bindings = [string(credentialsId: registry.credential, variable: 'MLFLOW_TRACKING_TOKEN')]
        return withCredentials(bindings) {
            body.call()
        }
    }
    return body.call()
}
