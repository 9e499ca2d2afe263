// Test stand-in for the library's mlopsConfig, used only while library/vars has none: the
// documented contract (defaults from the step's JSON resource, required fields and allowed
// values checked with error() naming the field).
Map merge(String step, Map args) {
    Map meta = (Map) readJSON(text: libraryResource("mlops/steps/${step}.json"))
    Map cfg = new LinkedHashMap((Map) meta.defaults)
    cfg.putAll(args)
    for (Object name : (List) meta.required) {
        if (cfg[name] == null || cfg[name] == '') {
            error("${step}: ${name} is required")
        }
    }
    Map allowed = (Map) meta.allowed
    for (Object name : allowed.keySet()) {
        if (cfg[name] != null && !((List) allowed[name]).contains(cfg[name])) {
            error("${step}: ${name} must be one of ${allowed[name].join(', ')}, got ${cfg[name]}")
        }
    }
    return cfg
}
