/**
 * Ordered record of every pipeline step a scenario calls. Each entry names the step, its
 * arguments made JSON-safe, and the block steps it runs inside (`within`), so a test can
 * assert both order and nesting (a ledger write inside its `lock`, `input` outside `node`).
 */
class Recorder {
    final List<Map> calls = []
    final List<String> log = []
    private final List<String> stack = []

    Map add(String step, Object args) {
        Map entry = [step: step, args: Recorder.plain(args), within: new ArrayList<String>(stack)]
        calls << entry
        return entry
    }

    /** Runs body with `label` pushed on the nesting stack; pops it however the body ends. */
    Object inside(String label, Closure body) {
        stack.push(label)
        try {
            return body.call()
        } finally {
            stack.pop()
        }
    }

    List<String> nesting() {
        return new ArrayList<String>(stack)
    }

    /** Converts step arguments to what JSON can carry; closures and objects become names. */
    static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value
        }
        if (value instanceof CharSequence) {
            return value.toString()
        }
        if (value instanceof Map) {
            Map out = [:]
            value.each { k, v -> out[k.toString()] = plain(v) }
            return out
        }
        if (value instanceof Collection || value instanceof Object[]) {
            return value.collect { plain(it) }
        }
        if (value instanceof Closure) {
            return '<closure>'
        }
        return value.toString()
    }
}
