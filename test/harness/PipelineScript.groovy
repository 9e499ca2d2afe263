/**
 * Base class of the scenario script and of every `vars/*.groovy`. Jenkins' CPS engine
 * routes `sleep` and `println` to pipeline steps; plain Groovy would find the JDK methods
 * on Object first, so they are redirected here. Every other step and global var resolves
 * through the shared Binding, which is how `mlopsConfig.merge(...)` and `mlopsDeploy(...)`
 * reach one instance per run as they do in Jenkins.
 */
abstract class PipelineScript extends Script {
    // Integer and Long overloads: an exact match is what beats Object.sleep(long).
    Object sleep(Integer time) {
        return getBinding().getVariable('sleep').call(time)
    }

    Object sleep(Long time) {
        return getBinding().getVariable('sleep').call(time)
    }

    Object sleep(long time) {
        return getBinding().getVariable('sleep').call(time)
    }

    Object sleep(Map args) {
        return getBinding().getVariable('sleep').call(args)
    }

    @Override
    void println(Object value) {
        getBinding().getVariable('echo').call(String.valueOf(value))
    }

    @Override
    void println() {
        getBinding().getVariable('echo').call('')
    }
}
