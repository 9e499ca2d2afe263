import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer

/*
 * Runs a batch of pipeline scenarios against the shared library in one JVM.
 * Usage: groovy -cp test/harness:test/harness/stubs test/harness/Harness.groovy batch.json result.json
 * batch.json: {vars: dir, resources: [dir...], scenarios: [...]}; see run.ts for the shape.
 */
Map batch = (Map) new JsonSlurper().parse(new File(args[0]))

// Jenkins imports @NonCPS into every pipeline script and library var.
ImportCustomizer imports = new ImportCustomizer().addImports('com.cloudbees.groovy.cps.NonCPS')

CompilerConfiguration plain = new CompilerConfiguration()
plain.scriptBaseClass = 'PipelineScript'
plain.addCompilationCustomizers(imports)
GroovyClassLoader scenarios = new GroovyClassLoader(this.class.classLoader, plain)

CompilerConfiguration sandboxed = new CompilerConfiguration()
sandboxed.scriptBaseClass = 'PipelineScript'
sandboxed.addCompilationCustomizers(imports, new SandboxCheck())
GroovyClassLoader library = new GroovyClassLoader(this.class.classLoader, sandboxed)

Map<String, Class> vars = [:]
Map compileErrors = [:]
File varsDir = new File((String) batch.vars)
(varsDir.listFiles() ?: []).findAll { it.name.endsWith('.groovy') }.sort { it.name }.each { File f ->
    try {
        vars[f.name - '.groovy'] = library.parseClass(f)
    } catch (Exception e) {
        compileErrors[f.name] = e.message
    }
}

List<File> resourceDirs = ((List) (batch.resources ?: [])).collect { new File((String) it) }
List results = []
if (compileErrors.isEmpty()) {
    ((List<Map>) batch.scenarios).eachWithIndex { Map scenario, int i ->
        results << new ScenarioRun(scenario, i, vars, scenarios, resourceDirs).run()
    }
}
new File(args[1]).setText(JsonOutput.toJson([compileErrors: compileErrors, results: results]), 'UTF-8')
