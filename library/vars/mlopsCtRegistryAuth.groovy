// Runs body with the MLflow token bound as MLFLOW_TRACKING_TOKEN when a credential id is
// given, so registry scripts read it from the environment and never from a command line.
def call(Map args = [:], Closure body) {
    Map cfg = mlopsConfig.merge('mlopsCtRegistryAuth', args)
    if (!cfg.credentialId) {
        return body()
    }
    withCredentials([string(credentialsId: (String) cfg.credentialId,
        variable: 'MLFLOW_TRACKING_TOKEN')]) {
        return body()
    }
}
