// Parses Groovy and Jenkinsfile sources with the Groovy compiler that runs this script, so
// one JVM start checks every file. Called by src/lint/groovy-syntax.ts.
//
// stdin: for each file, a line "<name> <length>" then exactly <length> UTF-16 code units of
// source text. <name> is the class name to compile the file as (Jenkins compiles a
// Jenkinsfile as WorkflowScript and a library var as the file's base name).
// stdout: a line "version <groovy version>", then one JSON object per problem:
// {"index": i, "line": l, "col": c, "kind": "syntax"|"semantic", "message": "..."}.
// Output is ASCII only (other characters become JSON unicode escapes), so the platform
// encoding cannot mangle it.

import org.codehaus.groovy.control.CompilationFailedException
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.Phases
import org.codehaus.groovy.control.messages.ExceptionMessage
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException

String json(String s) {
  StringBuilder b = new StringBuilder('"')
  for (int i = 0; i < s.length(); i++) {
    char c = s.charAt(i)
    if (c == '"' as char || c == '\\' as char) {
      b.append('\\').append(c)
    } else if (c < (' ' as char) || c > ('~' as char)) {
      b.append(String.format('\\u%04x', (int) c))
    } else {
      b.append(c)
    }
  }
  return b.append('"').toString()
}

void report(int index, int line, int col, String kind, String message) {
  println "{\"index\": ${index}, \"line\": ${Math.max(line, 1)}, \"col\": ${Math.max(col, 1)}, " +
      "\"kind\": \"${kind}\", \"message\": ${json(message.trim())}}"
}

// Jenkins resolves library and plugin classes (@Library, imports from a shared library) that
// are not on this classpath; those misses say nothing about the file, so they are dropped.
boolean isClassLookup(String message) {
  return message.contains('unable to resolve class') ||
      message.contains('unable to find class for annotation')
}

void reportErrors(int index, CompilationUnit unit, String kind) {
  for (Object m : unit.errorCollector.errors ?: []) {
    if (m instanceof SyntaxErrorMessage) {
      SyntaxException e = ((SyntaxErrorMessage) m).cause
      String text = e.originalMessage ?: e.message
      if (kind == 'semantic' && isClassLookup(text)) continue
      report(index, e.line, e.startColumn, kind, text)
    } else if (m instanceof ExceptionMessage) {
      Exception e = ((ExceptionMessage) m).cause
      report(index, 1, 1, kind, e.message ?: e.toString())
    } else {
      report(index, 1, 1, kind, m.toString())
    }
  }
}

void check(int index, String name, String text) {
  // CONVERSION is the phase that parses and builds the AST: every syntax error surfaces here.
  CompilationUnit unit = new CompilationUnit(new CompilerConfiguration())
  unit.addSource(name + '.groovy', text)
  try {
    unit.compile(Phases.CONVERSION)
  } catch (CompilationFailedException ignored) {
    reportErrors(index, unit, 'syntax')
    return
  }
  // SEMANTIC_ANALYSIS adds scope checks Jenkins also makes (a variable declared twice).
  try {
    unit.compile(Phases.SEMANTIC_ANALYSIS)
  } catch (CompilationFailedException ignored) {
    reportErrors(index, unit, 'semantic')
  }
}

println "version ${GroovySystem.version}"
String input = System.in.getText('UTF-8')
int pos = 0
int index = 0
while (pos < input.length()) {
  int eol = input.indexOf('\n', pos)
  if (eol < 0) throw new IllegalArgumentException('truncated header at offset ' + pos)
  String[] header = input.substring(pos, eol).split(' ')
  int length = Integer.parseInt(header[1])
  String text = input.substring(eol + 1, eol + 1 + length)
  check(index, header[0], text)
  pos = eol + 1 + length
  index++
}
