/**
 * The pipeline's `env`: build variables, the scenario's variables and `env.X = ...`
 * assignments, with `withEnv` overlays stacked on top, as Jenkins resolves them.
 * Reading an unknown name gives null, like Jenkins.
 */
class EnvVars extends GroovyObjectSupport {
    private final Map<String, String> global = [:]
    private final List<Map<String, String>> overlays = []

    EnvVars(Map<String, String> initial) {
        // Loops, not closures: inside a closure `global` would resolve through getProperty.
        for (Map.Entry e : initial.entrySet()) {
            global[(String) e.key] = e.value == null ? null : e.value.toString()
        }
    }

    @Override
    Object getProperty(String name) {
        return get(name)
    }

    @Override
    void setProperty(String name, Object value) {
        global[name] = value == null ? null : value.toString()
    }

    String get(String name) {
        for (int i = overlays.size() - 1; i >= 0; i--) {
            if (overlays[i].containsKey(name)) {
                return overlays[i][name]
            }
        }
        return global[name]
    }

    String getAt(String name) {
        return get(name)
    }

    void putAt(String name, Object value) {
        setProperty(name, value)
    }

    /** Everything a process started now would see, on top of this JVM's own environment. */
    Map<String, String> effective() {
        Map<String, String> out = new LinkedHashMap<String, String>(System.getenv())
        out.putAll(global)
        for (Map<String, String> overlay : overlays) {
            out.putAll(overlay)
        }
        return out
    }

    /** Only what the enclosing withEnv / withCredentials blocks add. */
    Map<String, String> overlay() {
        Map<String, String> out = [:]
        for (Map<String, String> overlay : overlays) {
            out.putAll(overlay)
        }
        return out
    }

    /** `withEnv(['A=1', 'PATH+X=/bin'])`: `NAME+SUFFIX=v` prepends v to NAME, as in Jenkins. */
    Object with(List<String> pairs, Closure body) {
        Map<String, String> overlay = [:]
        for (String pair : pairs) {
            int eq = pair.indexOf('=')
            if (eq < 1) {
                throw new IllegalArgumentException("withEnv entry must be NAME=value: ${pair}")
            }
            String name = pair.substring(0, eq)
            String value = pair.substring(eq + 1)
            int plus = name.indexOf('+')
            if (plus > 0) {
                name = name.substring(0, plus)
                String before = overlay.containsKey(name) ? overlay[name] : effective()[name]
                value = before ? value + File.pathSeparator + before : value
            }
            overlay[name] = value
        }
        return withMap(overlay, body)
    }

    Object withMap(Map<String, String> overlay, Closure body) {
        overlays << overlay
        try {
            return body.call()
        } finally {
            overlays.remove(overlays.size() - 1)
        }
    }
}
