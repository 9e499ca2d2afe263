import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * One scenario: a fresh Binding holding the steps, `env`, `params`, `currentBuild` and one
 * instance of every global var, then the scenario script run on it. Global var classes are
 * compiled once per batch and instantiated per run, as Jenkins does per build.
 */
class ScenarioRun {
    final Map scenario
    final Map<String, Class> vars
    final GroovyClassLoader loader
    final List<File> resourceDirs
    final int index

    ScenarioRun(Map scenario, int index, Map<String, Class> vars, GroovyClassLoader loader,
                List<File> resourceDirs) {
        this.scenario = scenario
        this.index = index
        this.vars = vars
        this.loader = loader
        this.resourceDirs = resourceDirs
    }

    Map run() {
        Recorder rec = new Recorder()
        String cookie = UUID.randomUUID().toString()
        int number = ((Number) (scenario.buildNumber ?: 1)).intValue()
        String job = (String) (scenario.jobName ?: 'scenario')
        Map<String, String> initial = [
            BUILD_NUMBER: number.toString(), BUILD_ID: number.toString(), JOB_NAME: job,
            BUILD_URL: "http://127.0.0.1/job/${job}/${number}/".toString(),
            WORKSPACE: new File((String) scenario.workspace).canonicalPath,
            JENKINS_NODE_COOKIE: cookie,
        ]
        initial.putAll((Map<String, String>) (scenario.env ?: [:]))
        EnvVars env = new EnvVars(initial)
        CurrentBuild build = new CurrentBuild(number: number)
        Steps steps = new Steps(scenario, resourceDirs, rec, env, build)
        Binding binding = new Binding()
        Steps.NAMES.each { String name -> binding.setVariable(name, steps.&"${name}") }
        binding.setVariable('env', env)
        binding.setVariable('params', Collections.unmodifiableMap(new LinkedHashMap(
            (Map) (scenario.params ?: [:]))))
        binding.setVariable('currentBuild', build)
        vars.each { String name, Class cls ->
            Script instance = (Script) cls.newInstance()
            instance.setBinding(binding)
            binding.setVariable(name, instance)
        }
        Object returned = null
        String error = null
        try {
            Class main = loader.parseClass((String) scenario.script, "Scenario${index}.groovy")
            Script script = (Script) main.newInstance()
            script.setBinding(binding)
            returned = script.run()
        } catch (FlowInterruptedException e) {
            build.result = e.result
            error = e.message
        } catch (AbortException e) {
            build.result = 'FAILURE'
            error = e.message
        } catch (Throwable e) {
            build.result = 'FAILURE'
            error = "${e.class.name}: ${e.message}".toString()
            StringWriter trace = new StringWriter()
            e.printStackTrace(new PrintWriter(trace))
            rec.log << trace.toString()
        }
        List<Long> killed = scenario.keepProcesses ? [] : killLeftovers(cookie)
        return [
            name: scenario.name, result: build.currentResult, error: error,
            description: build.description, calls: rec.calls, log: rec.log,
            returned: Recorder.plain(returned), killed: killed,
        ]
    }

    /**
     * Jenkins ends every process a build leaves behind that still carries the build's
     * JENKINS_NODE_COOKIE; a process meant to outlive the build must change it. Doing the
     * same here proves that long-lived servers started by the library survive a real agent.
     */
    static List<Long> killLeftovers(String cookie) {
        List<Long> killed = []
        byte[] needle = "JENKINS_NODE_COOKIE=${cookie}".toString().getBytes('UTF-8')
        new File('/proc').listFiles().each { File dir ->
            if (!(dir.name ==~ /\d+/)) {
                return
            }
            try {
                String environ = new File(dir, 'environ').getText('ISO-8859-1')
                if (environ.split('\u0000').contains(new String(needle, 'UTF-8'))) {
                    long pid = Long.parseLong(dir.name)
                    // ProcessHandle's static methods trip Groovy 2.4's call sites; kill(1) does not.
                    new ProcessBuilder('kill', '-TERM', dir.name).start().waitFor()
                    killed << pid
                }
            } catch (IOException ignored) {
                // Another user's process or one that already ended: not ours to end.
            }
        }
        return killed
    }
}
