import groovy.json.JsonOutput
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.GStringExpression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.SourceUnit

/*
 * Finds Groovy that interpolates a credential into a shell script: a double-quoted (GString)
 * `sh` script that names a variable bound by withCredentials (`${TOKEN}`, `${env.TOKEN}`), or
 * any GString `sh` script inside a withCredentials block. Groovy would put the secret into
 * the script text (visible in the process list and the build's step log) instead of leaving
 * it to the shell as an environment variable.
 * Usage: groovy CredentialCheck.groovy FILE...; prints a JSON list of findings.
 */

// Variables the library binds with withCredentials (mlopsTarget, mlopsRegistry, mlopsAnalysis).
Set<String> libraryBound = ['MLOPS_SSH_KEY', 'MLOPS_SSH_USER', 'MLOPS_REGISTRY_USER',
    'MLOPS_REGISTRY_PASSWORD', 'KUBECONFIG', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
    'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'MLFLOW_TRACKING_TOKEN', 'MLOPS_METRICS_TOKEN'] as Set

List findings = []
for (String path : args) {
    File file = new File(path)
    SourceUnit source = SourceUnit.create(file.name, file.getText('UTF-8'))
    CompilationUnit unit = new CompilationUnit()
    unit.addSource(source)
    unit.compile(Phases.CONVERSION)
    Set<String> bound = new HashSet<String>(libraryBound)
    List<ClassNode> classes = source.AST.classes
    // First pass: every variable name bound anywhere in the file.
    classes.each { ClassNode c -> new Binder(source: source, names: bound).visitClass(c) }
    classes.each { ClassNode c ->
        Finder f = new Finder(source: source, bound: bound, path: path)
        f.visitClass(c)
        findings.addAll(f.found)
    }
}
println JsonOutput.toJson(findings)

class Binder extends ClassCodeVisitorSupport {
    SourceUnit source
    Set<String> names

    protected SourceUnit getSourceUnit() { source }

    void visitMethodCallExpression(MethodCallExpression call) {
        if (call.methodAsString == 'withCredentials') {
            names.addAll(Finder.boundBy(call))
        }
        super.visitMethodCallExpression(call)
    }
}

class Finder extends ClassCodeVisitorSupport {
    SourceUnit source
    Set<String> bound
    String path
    List found = []
    int depth = 0

    protected SourceUnit getSourceUnit() { source }

    static Set<String> boundBy(MethodCallExpression call) {
        Set<String> out = [] as Set
        call.arguments.each { Expression arg ->
            if (arg instanceof ListExpression) {
                arg.expressions.each { Expression b ->
                    if (b instanceof MethodCallExpression) {
                        b.arguments.each { Expression a ->
                            if (a instanceof MapExpression) {
                                a.mapEntryExpressions.each { e ->
                                    if (e.keyExpression.text.endsWith('ariable') && e.valueExpression instanceof ConstantExpression) {
                                        out << e.valueExpression.text
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    void visitMethodCallExpression(MethodCallExpression call) {
        String name = call.methodAsString
        if (name == 'withCredentials') {
            depth++
            super.visitMethodCallExpression(call)
            depth--
            return
        }
        if (name in ['sh', 'bat', 'powershell']) {
            Expression script = scriptOf(call)
            if (script instanceof GStringExpression) {
                List<String> named = script.values.collect { refName(it) }.findAll { it in bound }
                if (named || depth > 0) {
                    String what = named ? "interpolates credential ${named.join(', ')}" : 'is a GString inside withCredentials'
                    found << [file: path, line: call.lineNumber, message: "${name} script ${what}; use a single-quoted script and \$VAR".toString()]
                }
            }
        }
        super.visitMethodCallExpression(call)
    }

    static Expression scriptOf(MethodCallExpression call) {
        List<Expression> list = call.arguments instanceof TupleExpression ? ((TupleExpression) call.arguments).expressions : []
        for (Expression a : list) {
            if (a instanceof MapExpression) {
                def entry = a.mapEntryExpressions.find { it.keyExpression.text == 'script' }
                if (entry) {
                    return entry.valueExpression
                }
            } else {
                return a
            }
        }
        return null
    }

    static String refName(Expression e) {
        if (e instanceof VariableExpression) {
            return e.name
        }
        if (e instanceof PropertyExpression && e.objectExpression instanceof VariableExpression &&
            ((VariableExpression) e.objectExpression).name == 'env') {
            return e.propertyAsString
        }
        return null
    }
}
