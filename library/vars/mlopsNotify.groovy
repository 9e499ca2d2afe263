// Tells the team about a failed build, and about the first good build after failures.
// A notification failure (plugin missing, Slack down) is a warning: it must never hide
// or change the build's own result.
def call(Map args = [:]) {
  Map cfg = mlopsConfig.merge('mlopsNotify', args)
  String result = currentBuild.currentResult
  if (result == 'SUCCESS' && !cfg.onSuccess) {
    return
  }
  String text = "${env.JOB_NAME} #${env.BUILD_NUMBER}: ${result} (${env.BUILD_URL ?: 'no URL'})"
  if (cfg.slack) {
    Map slack = [channel: cfg.slack.channel, color: result == 'SUCCESS' ? 'good' : 'danger',
                 message: text]
    if (cfg.slack.credentialsId) {
      slack.tokenCredentialId = cfg.slack.credentialsId
    }
    attempt('Slack') { slackSend(slack) }
  }
  if (cfg.email) {
    attempt('email') { mail(to: cfg.email.to, subject: text, body: text) }
  }
}

private void attempt(String channel, Closure send) {
  try {
    send()
  } catch (NoSuchMethodError e) {
    echo "WARNING: could not notify by ${channel}: its plugin is not installed (${e.message})"
  } catch (Exception e) {
    echo "WARNING: could not notify by ${channel}: ${e.message}"
  }
}
