// Runs the training commands the config gives (fetch data, prepare, train...), in order, each
// as its own labelled sh. It runs on the training agent and touches no training state: the
// CT Jenkinsfile records the start and the trained data with mlopsCtRecord on the light agent.
def call(Map args = [:]) {
    Map cfg = mlopsConfig.merge('mlopsTrain', args)
    List commands = (List) cfg.commands
    for (int i = 0; i < commands.size(); i++) {
        Map command = (Map) commands[i]
        sh(label: (String) command.label, script: (String) command.script)
    }
}
