// Every step starts with `Map cfg = mlopsConfig.merge('<step>', args)`: the caller's map over
// the defaults in resources/mlops/steps/<step>.json (rendered from steps/<step>.yaml), with
// unknown, missing, mistyped and out-of-range fields reported together, naming each field.

Map merge(String step, Map args) {
    Map meta = readJSON(text: libraryResource("mlops/steps/${step}.json"))
    List<String> found = problems(step, meta, args ?: [:])
    if (found) {
        error(found.join('\n'))
    }
    return withDefaults((Map) meta.defaults, args ?: [:])
}

@NonCPS
static List<String> problems(String step, Map meta, Map args) {
    List<String> out = []
    Map types = (Map) meta.types
    args.each { key, value ->
        if (!types.containsKey(key)) {
            out << "${step}: unknown field '${key}'; known fields: ${types.keySet().sort().join(', ')}"
        } else if (value != null && !typeMatches((String) types[key], value)) {
            out << "${step}: field '${key}' must be a ${types[key]}, got ${value.getClass().simpleName}"
        }
    }
    ((List) meta.required).each { key ->
        if (args[key] == null || args[key] == '') {
            out << "${step}: field '${key}' is required"
        }
    }
    ((Map) meta.allowed).each { key, values ->
        if (args[key] != null && !((List) values).contains(args[key].toString())) {
            out << "${step}: field '${key}' is '${args[key]}'; allowed: ${((List) values).join(', ')}"
        }
    }
    return out.collect { it.toString() }
}

@NonCPS
static boolean typeMatches(String type, Object value) {
    switch (type) {
        case 'string': return value instanceof CharSequence
        case 'number': return value instanceof Number
        case 'boolean': return value instanceof Boolean
        case 'map': return value instanceof Map
        case 'list': return value instanceof List
        default: return false
    }
}

// Nested maps merge key by key, so `healthCheck: [path: '/ping']` keeps the default attempts.
@NonCPS
static Map withDefaults(Map defaults, Map args) {
    Map out = [:]
    defaults.each { key, value ->
        out[key] = value instanceof Map ? new LinkedHashMap((Map) value) : value
    }
    args.each { key, value ->
        if (value instanceof Map && out[key] instanceof Map) {
            out[key] = withDefaults((Map) out[key], (Map) value)
        } else if (value != null) {
            out[key] = value
        }
    }
    return out
}
