// For each Groovy source on stdin, prints what its string literals evaluate to, as the Groovy
// 2.4 parser builds them, and every `sh`/`bat`/`powershell` call whose script is built by
// interpolation or concatenation (code injection into the shell).
//
// stdin: for each file, a line "<length>" then exactly <length> UTF-16 code units of source.
// stdout: one JSON object per file: {"index": i, "error": null|"...", "strings": [...],
// "gstrings": [...], "shellInterpolation": [{"line": l, "text": "..."}]}. ASCII only.

import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.ModuleNode
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.GStringExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.control.CompilationFailedException
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.Phases

String json(String s) {
  StringBuilder b = new StringBuilder('"')
  for (int i = 0; i < s.length(); i++) {
    char c = s.charAt(i)
    if (c == '"' as char || c == '\\' as char) b.append('\\').append(c)
    else if (c < (' ' as char) || c > ('~' as char)) b.append(String.format('\\u%04x', (int) c))
    else b.append(c)
  }
  return b.append('"').toString()
}

class Collector extends CodeVisitorSupport {
  List<String> strings = []
  List<String> gstrings = []
  List<Map> shell = []

  void visitConstantExpression(ConstantExpression e) {
    if (e.value instanceof String) strings << (String) e.value
    super.visitConstantExpression(e)
  }

  void visitGStringExpression(GStringExpression e) {
    gstrings << e.text
    super.visitGStringExpression(e)
  }

  void visitMethodCallExpression(MethodCallExpression call) {
    if (call.methodAsString in ['sh', 'bat', 'powershell', 'pwsh']) {
      for (Expression script : scriptArguments(call.arguments)) {
        if (interpolates(script)) shell << [line: call.lineNumber, text: script.text]
      }
    }
    super.visitMethodCallExpression(call)
  }

  /** `sh 'x'`, `sh('x')`, `sh(script: 'x')`, `sh script: 'x', returnStdout: true`. */
  static List<Expression> scriptArguments(Expression args) {
    List<Expression> out = []
    List<Expression> items = args instanceof TupleExpression ? ((TupleExpression) args).expressions : [args]
    for (Expression a : items) {
      if (a instanceof MapExpression) {
        for (MapEntryExpression en : ((MapExpression) a).mapEntryExpressions) {
          if (en.keyExpression.text == 'script') out << en.valueExpression
        }
      } else {
        out << a
      }
    }
    return out
  }

  /** Built from pieces at run time: a GString, a `+`, or anything read from `params`. */
  static boolean interpolates(Expression e) {
    if (e instanceof GStringExpression) return true
    if (e instanceof BinaryExpression && ((BinaryExpression) e).operation.text == '+') return true
    if (e instanceof PropertyExpression && ((PropertyExpression) e).objectExpression instanceof VariableExpression
        && ((VariableExpression) ((PropertyExpression) e).objectExpression).name == 'params') return true
    return false
  }
}

void scan(int index, String text) {
  CompilationUnit unit = new CompilationUnit(new CompilerConfiguration())
  unit.addSource("Source${index}.groovy", text)
  try {
    unit.compile(Phases.CONVERSION)
  } catch (CompilationFailedException e) {
    println "{\"index\": ${index}, \"error\": ${json(e.message)}}"
    return
  }
  Collector c = new Collector()
  // The script class holds the top-level statements (its run method) and every `def`.
  for (ModuleNode module : unit.AST.modules) {
    for (ClassNode cls : module.classes) {
      for (MethodNode m : cls.methods) m.code?.visit(c)
      for (MethodNode m : cls.declaredConstructors) m.code?.visit(c)
      cls.fields.each { it.initialExpression?.visit(c) }
    }
  }
  String shell = c.shell.collect { "{\"line\": ${it.line}, \"text\": ${json(it.text)}}" }.join(', ')
  println "{\"index\": ${index}, \"error\": null, \"strings\": [${c.strings.collect { json(it) }.join(', ')}], " +
      "\"gstrings\": [${c.gstrings.collect { json(it) }.join(', ')}], \"shellInterpolation\": [${shell}]}"
}

String input = System.in.getText('UTF-8')
int pos = 0
int index = 0
while (pos < input.length()) {
  int eol = input.indexOf('\n', pos)
  int length = Integer.parseInt(input.substring(pos, eol))
  scan(index, input.substring(eol + 1, eol + 1 + length))
  pos = eol + 1 + length
  index++
}
