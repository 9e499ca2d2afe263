// Manual rollback of a model in an environment to a version (default: the previous good one
// in the release ledger), with the same target steps, checks and ledger as the automatic
// rollback of mlopsDeploy. Call it inside the lock of the model and environment.
// mlopsRollback(model: 'fraud', environment: 'production', target: [...], version: '')

def call(Map args) {
    Map cfg = mlopsConfig.merge('mlopsRollback', args)
    Map where = [model: cfg.model, environment: cfg.environment, stateDir: cfg.stateDir]
    List history = mlopsLedger.entries(where)
    String live = mlopsLedger.liveVersion(history)
    String to = cfg.version ?: mlopsLedger.previousGood(history, live)
    if (!live) {
        error("mlopsRollback: the ledger has no deploy of ${cfg.model} to ${cfg.environment}; " +
            'deploy a version first')
    }
    if (!to) {
        error("mlopsRollback: no good version of ${cfg.model} in ${cfg.environment} before ${live}; " +
            'pass VERSION to choose one')
    }
    if (to == live) {
        echo "[mlopsRollback] ${cfg.model} ${to} is already live in ${cfg.environment}"
        return [version: to, previous: live]
    }
    Map ctx = [model: cfg.model, environment: cfg.environment, version: live, previous: to]
    restore(cfg, ctx, 'manual', "manual rollback from ${live} to ${to}, build ${currentBuild.number}")
    currentBuild.description = "${cfg.model} rolled back to ${to} in ${cfg.environment}"
    return [version: to, previous: live]
}

/**
 * Makes ctx.previous live again in place of ctx.version: native rollback on the target,
 * readiness and health of the restored version, the replaced version removed, registry
 * alias moved back, ledger entry. `kind` is auto (after a failed deploy) or manual.
 */
def restore(Map cfg, Map ctx, String kind, String reason) {
    Map where = [model: cfg.model, environment: cfg.environment, stateDir: cfg.stateDir]
    Map back = ctx + [version: ctx.previous, previous: ctx.version]
    echo "[mlopsRollback] ${kind} rollback of ${cfg.model} in ${cfg.environment}: " +
        "${ctx.version} -> ${ctx.previous}"
    try {
        mlopsTarget(cfg.target, 'rollback', ctx, [MLOPS_ROLLBACK_KIND: kind])
        mlopsDeploy.waitReady(cfg, back)
        mlopsTarget(cfg.target, 'switch', back)
        mlopsDeploy.healthCheck(cfg, back)
        mlopsTarget(cfg.target, 'discard', ctx)
        mlopsRegistry.setAlias(cfg.registry, (String) ctx.previous)
    } catch (Exception e) {
        mlopsLedger.append(where, [version: ctx.previous, previous: ctx.version, action: 'rollback',
            outcome: 'failed', reason: "${reason}; rollback failed: ${e.message}"])
        currentBuild.result = 'FAILURE'
        error("Rollback of ${cfg.model} in ${cfg.environment} from ${ctx.version} to ${ctx.previous} " +
            "failed: ${e.message} (${reason})")
    }
    mlopsLedger.append(where, [version: ctx.previous, previous: ctx.version, action: 'rollback',
        outcome: 'succeeded', reason: reason])
}
