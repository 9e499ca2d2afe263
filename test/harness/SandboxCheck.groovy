import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ClassExpression
import org.codehaus.groovy.ast.expr.ConstructorCallExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/**
 * Refuses, at compile time, library code that Jenkins' script security sandbox would reject
 * or that runs on the controller instead of the agent: files, threads, processes, JSON
 * parsing by hand. The library is loaded from SCM, so it runs sandboxed.
 * Limitation: this is a deny list of the usual mistakes, not the sandbox's full allow list.
 */
class SandboxCheck extends CompilationCustomizer {
    static final Set<String> FORBIDDEN = [
        'java.io.File', 'java.lang.Thread', 'java.lang.ProcessBuilder', 'java.lang.Runtime',
        'java.lang.System', 'groovy.json.JsonSlurper', 'groovy.json.JsonSlurperClassic',
        'java.net.URL', 'java.net.Socket',
    ] as Set
    static final Set<String> FORBIDDEN_METHODS = ['execute'] as Set

    SandboxCheck() {
        super(CompilePhase.CANONICALIZATION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        List<String> problems = []
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source
            }

            private void check(ClassNode type, Object node) {
                if (FORBIDDEN.contains(type.name)) {
                    problems << "${source.name}:${node.lineNumber}: ${type.name} is not allowed in library code"
                }
            }

            @Override
            void visitConstructorCallExpression(ConstructorCallExpression call) {
                check(call.type, call)
                super.visitConstructorCallExpression(call)
            }

            @Override
            void visitClassExpression(ClassExpression expression) {
                check(expression.type, expression)
                super.visitClassExpression(expression)
            }

            @Override
            void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
                check(call.ownerType, call)
                super.visitStaticMethodCallExpression(call)
            }

            @Override
            void visitMethodCallExpression(MethodCallExpression call) {
                if (FORBIDDEN_METHODS.contains(call.methodAsString)) {
                    problems << "${source.name}:${call.lineNumber}: .${call.methodAsString}() runs on the controller; use sh"
                }
                super.visitMethodCallExpression(call)
            }
        }.visitClass(classNode)
        if (problems) {
            throw new SecurityException(problems.join('\n'))
        }
    }
}
