// CI of one model: runs the commands the team configured, in a fixed order, then builds
// the model server image and pushes it from the branches allowed to publish. With
// part: 'image' it only builds the image: that stage runs on a Docker-capable agent, the
// tests in a build container with no Docker engine.
def call(Map args = [:]) {
  Map cfg = mlopsConfig.merge('mlopsCi', args)
  if (cfg.part == 'image') {
    if (!cfg.image) {
      error("mlopsCi: part: 'image' needs image")
    }
    buildImage(cfg.model as String, cfg.image as Map)
    return
  }
  List isolated = []
  if (cfg.isolateHome) {
    // Container images often run as a user without a writable HOME; pip, npm and
    // friends then fail. Keep HOME and caches inside the workspace instead.
    String base = "${env.WORKSPACE}/.mlops"
    isolated = ["HOME=${base}/home", "XDG_CACHE_HOME=${base}/cache", "PIP_CACHE_DIR=${base}/cache/pip"]
  }
  withEnv(isolated) {
    if (cfg.isolateHome) {
      sh(label: 'Prepare HOME and caches', script: 'mkdir -p "$HOME" "$XDG_CACHE_HOME" "$PIP_CACHE_DIR"')
    }
    for (String key in ORDER) {
      if (cfg[key]) {
        sh(label: "${cfg.model}: ${LABELS[key]}", script: cfg[key] as String)
      }
    }
    if (cfg.image) {
      buildImage(cfg.model as String, cfg.image as Map)
    }
  }
}

private void buildImage(String model, Map image) {
  boolean push = (image.pushBranches ?: []).contains(env.BRANCH_NAME)
  Map vars = [
    MLOPS_IMAGE: image.name,
    MLOPS_DOCKERFILE: image.dockerfile ?: 'Dockerfile',
    MLOPS_CONTEXT: image.context ?: '.',
    MLOPS_PUSH: push ? 'true' : 'false',
    MLOPS_TAG: env.GIT_COMMIT ?: '',
  ]
  if (push && image.credentialsId) {
    withCredentials([usernamePassword(credentialsId: image.credentialsId,
                                      usernameVariable: 'MLOPS_REGISTRY_USR',
                                      passwordVariable: 'MLOPS_REGISTRY_PSW')]) {
      mlopsScript(name: 'image-build', env: vars, label: "${model}: image")
    }
  } else {
    mlopsScript(name: 'image-build', env: vars, label: "${model}: image")
  }
  if (!push) {
    echo "INFO: ${model}: image built, not pushed (branch ${env.BRANCH_NAME} is not in ${image.pushBranches})"
  }
}

@groovy.transform.Field
static final List ORDER = ['setup', 'lint', 'unitTests', 'integrationTests', 'dataChecks']

@groovy.transform.Field
static final Map LABELS = [
  setup: 'set up', lint: 'lint', unitTests: 'unit tests',
  integrationTests: 'integration tests', dataChecks: 'data checks',
]
