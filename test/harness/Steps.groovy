import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

import java.util.concurrent.TimeUnit

/**
 * The pipeline steps a scenario may call. `sh` really runs the shell; the rest act on the
 * workspace (files, JSON) or play the part of Jenkins from the scenario's answers (input,
 * credentials, downstream builds, timeouts that fire). Every call is recorded in order.
 */
class Steps {
    final Recorder rec
    final EnvVars env
    final CurrentBuild currentBuild
    final Map scenario
    final List<File> resourceDirs
    private final List<File> dirs = []
    private final List<Map> answers
    private final Set<String> secretNames = [] as Set
    private int timeoutCalls = 0
    private int durableCount = 0

    Steps(Map scenario, List<File> resourceDirs, Recorder rec, EnvVars env, CurrentBuild build) {
        this.scenario = scenario
        this.resourceDirs = resourceDirs
        this.rec = rec
        this.env = env
        this.currentBuild = build
        this.answers = new ArrayList<Map>((List<Map>) (scenario.inputs ?: []))
        dirs << new File((String) scenario.workspace).canonicalFile
    }

    /** Step names the scenario and the library can call, bound as closures in the Binding. */
    static final List<String> NAMES = [
        'sh', 'echo', 'error', 'unstable', 'withEnv', 'withCredentials', 'string',
        'usernamePassword', 'file', 'sshUserPrivateKey', 'booleanParam', 'input', 'lock',
        'milestone', 'timeout', 'retry', 'sleep', 'catchError', 'readJSON', 'writeJSON',
        'readFile', 'writeFile', 'fileExists', 'libraryResource', 'archiveArtifacts', 'junit',
        'stash', 'unstash', 'build', 'stage', 'node', 'dir', 'pwd', 'deleteDir', 'parallel',
        'isUnix', 'slackSend', 'mail',
    ]

    File cwd() {
        return dirs[-1]
    }

    private File resolve(String path) {
        File f = new File(path)
        return f.isAbsolute() ? f : new File(cwd(), path)
    }

    // --- shell -------------------------------------------------------------------------

    Object sh(String script) {
        return sh([script: script])
    }

    /**
     * Like Jenkins' durable task: the script goes to a file and runs with `/bin/sh -xe`
     * (or its own shebang); output goes to files, so a server the script leaves running in
     * the background does not hold the step open.
     */
    Object sh(Map args) {
        String script = (String) args.script
        Map entry = rec.add('sh', [script: script, label: args.label,
            returnStdout: args.returnStdout ?: false, returnStatus: args.returnStatus ?: false])
        entry.env = maskedOverlay()
        entry.dir = cwd().path
        File tmp = new File(cwd().path + '@tmp', "durable-${++durableCount}")
        tmp.mkdirs()
        File file = new File(tmp, 'script.sh')
        file.text = script
        List<String> cmd = script.startsWith('#!') ? [file.path] : ['/bin/sh', '-xe', file.path]
        file.setExecutable(true)
        File out = new File(tmp, 'stdout')
        File err = new File(tmp, 'stderr')
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd())
        pb.environment().clear()
        pb.environment().putAll(env.effective().findAll { k, v -> v != null })
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
        long started = System.nanoTime()
        Process p = pb.start()
        long limit = ((Number) (scenario.shTimeoutSeconds ?: 120)).longValue()
        if (!p.waitFor(limit, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new AbortException("harness: sh did not end within ${limit}s: ${args.label ?: script}")
        }
        int status = p.exitValue()
        // For finding slow steps when a test is slow; never asserted.
        entry.ms = (System.nanoTime() - started).intdiv(1000000L)
        String stdout = out.text
        String stderr = err.text
        entry.status = status
        if (args.returnStdout) {
            entry.stdout = stdout
        } else if (stdout) {
            rec.log << stdout
        }
        if (stderr) {
            rec.log << stderr
        }
        if (args.returnStatus) {
            return status
        }
        if (status != 0) {
            throw new AbortException("script returned exit code ${status}")
        }
        return args.returnStdout ? stdout : null
    }

    /** What withEnv and withCredentials added around this call; secrets masked. */
    private Map maskedOverlay() {
        Map out = [:]
        env.overlay().each { k, v -> out[k] = secretNames.contains(k) ? '****' : v }
        return out
    }

    // --- messages and results ------------------------------------------------------------

    void echo(Object message) {
        rec.add('echo', [message: String.valueOf(message)])
        rec.log << String.valueOf(message)
    }

    void error(String message) {
        rec.add('error', [message: message])
        throw new AbortException(message)
    }

    void unstable(String message) {
        rec.add('unstable', [message: message])
        currentBuild.result = 'UNSTABLE'
    }

    Object catchError(Closure body) {
        return catchError([:], body)
    }

    Object catchError(Map args, Closure body) {
        rec.add('catchError', args)
        try {
            return rec.inside('catchError', body)
        } catch (FlowInterruptedException e) {
            if (args.catchInterruptions == false) {
                throw e
            }
            currentBuild.result = (String) (args.buildResult ?: 'FAILURE')
            rec.log << "caught interruption: ${e.message}"
        } catch (Exception e) {
            currentBuild.result = (String) (args.buildResult ?: 'FAILURE')
            rec.log << "caught: ${e.message}"
        }
        if (args.message) {
            rec.log << (String) args.message
        }
        return null
    }

    // --- environment and credentials ---------------------------------------------------

    Object withEnv(List pairs, Closure body) {
        List<String> strings = pairs.collect { it.toString() }
        rec.add('withEnv', strings.collect { maskPair(it) })
        return rec.inside('withEnv') { env.with(strings, body) }
    }

    private String maskPair(String pair) {
        int eq = pair.indexOf('=')
        return eq > 0 && secretNames.contains(pair.substring(0, eq)) ? pair.substring(0, eq) + '=****' : pair
    }

    Map string(Map args) {
        return [kind: 'string'] + args
    }

    Map usernamePassword(Map args) {
        return [kind: 'usernamePassword'] + args
    }

    Map file(Map args) {
        return [kind: 'file'] + args
    }

    Map sshUserPrivateKey(Map args) {
        return [kind: 'sshUserPrivateKey'] + args
    }

    Map booleanParam(Map args) {
        return [kind: 'booleanParam'] + args
    }

    /** Binds the scenario's fake secrets; records ids and variable names, never values. */
    Object withCredentials(List bindings, Closure body) {
        rec.add('withCredentials', bindings)
        Map<String, String> overlay = [:]
        bindings.each { Map b ->
            Map cred = (Map) ((Map) (scenario.credentials ?: [:]))[b.credentialsId]
            if (cred == null) {
                throw new AbortException("Could not find credentials entry with ID '${b.credentialsId}'")
            }
            switch (b.kind) {
                case 'string':
                    overlay[(String) b.variable] = (String) cred.secret
                    break
                case 'usernamePassword':
                    if (b.usernameVariable) {
                        overlay[(String) b.usernameVariable] = (String) cred.username
                    }
                    overlay[(String) b.passwordVariable] = (String) cred.password
                    break
                case 'file':
                    overlay[(String) b.variable] = secretFile((String) cred.content).path
                    break
                case 'sshUserPrivateKey':
                    overlay[(String) b.keyFileVariable] = secretFile((String) cred.key).path
                    if (b.usernameVariable) {
                        overlay[(String) b.usernameVariable] = (String) cred.username
                    }
                    break
                default:
                    throw new AbortException("harness: unknown credential binding ${b.kind}")
            }
        }
        secretNames.addAll(overlay.keySet())
        return rec.inside('withCredentials') { env.withMap(overlay, body) }
    }

    private File secretFile(String content) {
        File dir = new File(cwd().path + '@tmp', 'secretFiles')
        dir.mkdirs()
        File f = File.createTempFile('secret', '', dir)
        f.text = content ?: ''
        return f
    }

    // --- flow control ------------------------------------------------------------------

    /**
     * Answers come from `scenario.inputs` in order: `{abort: true}` rejects, `{by: 'ann'}`
     * names the approver, `{values: {...}}` fills parameters. No answer left means nobody
     * approved before the timeout: the build is aborted, as in Jenkins.
     */
    Object input(String message) {
        return input([message: message])
    }

    Object input(Map args) {
        Map entry = rec.add('input', args)
        Map answer = answers ? answers.remove(0) : null
        entry.answer = answer
        if (answer == null || answer.abort) {
            throw new FlowInterruptedException('ABORTED', "input '${args.id ?: args.message}' was not approved")
        }
        List params = (List) (args.parameters ?: [])
        Map values = (Map) (answer.values ?: [:])
        if (args.submitterParameter) {
            values = values + [(args.submitterParameter): answer.by ?: 'approver']
        }
        if (values.isEmpty()) {
            return null
        }
        return values.size() == 1 && params.size() <= 1 ? values.values().first() : values
    }

    Object lock(String resource, Closure body) {
        return lock([resource: resource], body)
    }

    Object lock(Map args, Closure body) {
        rec.add('lock', args)
        return rec.inside("lock:${args.resource ?: args.label}".toString(), body)
    }

    void milestone() {
        rec.add('milestone', [:])
    }

    void milestone(Number ordinal) {
        rec.add('milestone', [ordinal: ordinal])
    }

    void milestone(Map args) {
        rec.add('milestone', args)
    }

    Object timeout(Number minutes, Closure body) {
        return timeout([time: minutes], body)
    }

    /** `scenario.timeouts` lists which timeout calls (1 = first) fire instead of their body. */
    Object timeout(Map args, Closure body) {
        Map entry = rec.add('timeout', args)
        timeoutCalls++
        if (((List) (scenario.timeouts ?: [])).contains(timeoutCalls)) {
            entry.fired = true
            throw new FlowInterruptedException('ABORTED', 'Timeout has been exceeded')
        }
        return rec.inside('timeout', body)
    }

    Object retry(Number count, Closure body) {
        return retry([count: count], body)
    }

    /** Retries on any failure, a fired timeout included; a user abort is not retried. */
    Object retry(Map args, Closure body) {
        rec.add('retry', args)
        int count = ((Number) args.count).intValue()
        for (int attempt = 1; ; attempt++) {
            try {
                return rec.inside('retry', body)
            } catch (Exception e) {
                boolean userAbort = e instanceof FlowInterruptedException && e.reason == 'user'
                if (attempt >= count || userAbort) {
                    throw e
                }
                rec.log << "Retrying after: ${e.message}"
            }
        }
    }

    // Exact overloads: with a plain Object parameter, Groovy would pick the JDK's
    // Object.sleep(long) for an Integer and really sleep.
    void sleep(Integer time) {
        rec.add('sleep', [time: time])
    }

    void sleep(Long time) {
        rec.add('sleep', [time: time])
    }

    void sleep(Map args) {
        rec.add('sleep', args)
    }

    Object stage(String name, Closure body) {
        rec.add('stage', [name: name])
        return rec.inside("stage:${name}".toString(), body)
    }

    Object node(Closure body) {
        return node('', body)
    }

    Object node(String label, Closure body) {
        rec.add('node', [label: label])
        return rec.inside('node', body)
    }

    Object dir(String path, Closure body) {
        rec.add('dir', [path: path])
        File target = resolve(path)
        target.mkdirs()
        dirs << target.canonicalFile
        try {
            return rec.inside('dir', body)
        } finally {
            dirs.remove(dirs.size() - 1)
        }
    }

    String pwd() {
        return cwd().path
    }

    void deleteDir() {
        rec.add('deleteDir', [dir: cwd().path])
        cwd().deleteDir()
    }

    boolean isUnix() {
        return true
    }

    /** Runs branches one after the other: order is then stable for assertions. */
    Object parallel(Map branches) {
        rec.add('parallel', branches.keySet().findAll { it != 'failFast' }.toList())
        Map results = [:]
        branches.each { name, body ->
            if (name != 'failFast') {
                results[name] = rec.inside("parallel:${name}".toString(), (Closure) body)
            }
        }
        return results
    }

    // --- files -------------------------------------------------------------------------

    Object readJSON(Map args) {
        rec.add('readJSON', args)
        String text = args.text != null ? (String) args.text : resolve((String) args.file).getText('UTF-8')
        return mutable(new JsonSlurper().parseText(text))
    }

    private static Object mutable(Object value) {
        if (value instanceof Map) {
            Map out = new LinkedHashMap()
            value.each { k, v -> out[k] = mutable(v) }
            return out
        }
        if (value instanceof List) {
            return value.collect { mutable(it) }
        }
        return value
    }

    Object writeJSON(Map args) {
        rec.add('writeJSON', [file: args.file, returnText: args.returnText ?: false])
        String text = JsonOutput.toJson(args.json)
        if (args.pretty) {
            text = JsonOutput.prettyPrint(text)
        }
        if (args.returnText) {
            return text
        }
        File f = resolve((String) args.file)
        f.parentFile.mkdirs()
        f.setText(text, 'UTF-8')
        return null
    }

    String readFile(String path) {
        return readFile([file: path])
    }

    String readFile(Map args) {
        rec.add('readFile', args)
        File f = resolve((String) args.file)
        if (!f.isFile()) {
            throw new java.nio.file.NoSuchFileException(f.path)
        }
        return f.getText('UTF-8')
    }

    void writeFile(Map args) {
        rec.add('writeFile', [file: args.file])
        File f = resolve((String) args.file)
        f.parentFile.mkdirs()
        f.setText((String) args.text, 'UTF-8')
    }

    boolean fileExists(String path) {
        return fileExists([file: path])
    }

    boolean fileExists(Map args) {
        rec.add('fileExists', args)
        return resolve((String) args.file).exists()
    }

    String libraryResource(String resource) {
        return libraryResource([resource: resource])
    }

    String libraryResource(Map args) {
        rec.add('libraryResource', args)
        for (File dir : resourceDirs) {
            File f = new File(dir, (String) args.resource)
            if (f.isFile()) {
                return f.getText('UTF-8')
            }
        }
        throw new AbortException("No such library resource ${args.resource} could be found.")
    }

    void archiveArtifacts(Object args) {
        rec.add('archiveArtifacts', args instanceof Map ? args : [artifacts: args])
    }

    void junit(Object args) {
        rec.add('junit', args instanceof Map ? args : [testResults: args])
    }

    /** Notification plugins: recorded; `scenario.missingSteps` makes them absent like an uninstalled plugin. */
    void slackSend(Map args) {
        notification('slackSend', args)
    }

    void mail(Map args) {
        notification('mail', args)
    }

    private void notification(String step, Map args) {
        if (((List) (scenario.missingSteps ?: [])).contains(step)) {
            throw new NoSuchMethodError("No such DSL method '${step}' found among steps")
        }
        rec.add(step, args)
    }

    void stash(Map args) {
        rec.add('stash', args)
    }

    void unstash(String name) {
        rec.add('unstash', [name: name])
    }

    /** Downstream builds answer from `scenario.builds[job]`; default is a success. */
    Map build(Map args) {
        Map entry = rec.add('build', args)
        Map answer = (Map) (((Map) (scenario.builds ?: [:]))[args.job] ?: [result: 'SUCCESS'])
        Map run = [result: answer.result ?: 'SUCCESS', number: answer.number ?: 1,
            projectName: args.job]
        entry.answer = run
        if (args.propagate != false && args.wait != false && run.result != 'SUCCESS') {
            throw new AbortException("${args.job} #${run.number} completed with status ${run.result}")
        }
        return run
    }
}

