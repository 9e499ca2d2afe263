// Registers the trained model as a new version and returns the version.
//   registry 'mlflow': the model logged by the training's MLflow run (its id read from
//     runIdFile) becomes a new version of the registered model, tagged with the
//     challenger alias. Registry aliases, never the deprecated stages.
//   registry 'none': the version is the build number; the artifacts are copied to the
//     versioned artifact store <store>/<model>/<version>/ when one is configured, and
//     archived with the build either way.
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsRegister', args)
    if (cfg.registry != 'mlflow') {
        String version = String.valueOf(env.BUILD_NUMBER)
        archiveArtifacts(artifacts: "${cfg.artifacts}".toString(), fingerprint: true)
        if (cfg.store) {
            mlopsScript(name: 'ct-store', label: 'store the model version', env: [
                MLOPS_STORE: cfg.store, MLOPS_ARTIFACTS: cfg.artifacts,
                MLOPS_MODEL: cfg.model, MLOPS_VERSION: version])
        }
        return version
    }
    if (!fileExists((String) cfg.runIdFile)) {
        error("mlopsRegister: ${cfg.runIdFile} does not exist; the training must write its " +
            'MLflow run id there (mlflow.active_run().info.run_id)')
    }
    String runId = readFile((String) cfg.runIdFile).trim()
    Map registry = [MLOPS_TRACKING_URI: cfg.trackingUri,
                    MLOPS_REGISTERED_MODEL: cfg.registeredModel ?: cfg.model]
    String version = ''
    mlopsCtRegistryAuth(credentialId: cfg.credentialId) {
        version = mlopsScript(name: 'ct-registry', label: 'register the model version',
            returnStdout: true, env: registry + [MLOPS_REGISTRY_ACTION: 'register',
                MLOPS_RUN_ID: runId, MLOPS_ARTIFACT_PATH: cfg.artifactPath]).trim()
        mlopsScript(name: 'ct-registry', label: "alias ${cfg.challengerAlias}".toString(),
            env: registry + [MLOPS_REGISTRY_ACTION: 'set-alias',
                MLOPS_ALIAS: cfg.challengerAlias, MLOPS_VERSION: version])
    }
    echo "[mlopsRegister] ${registry.MLOPS_REGISTERED_MODEL} version ${version}" +
        " (@${cfg.challengerAlias})"
    return version
}
