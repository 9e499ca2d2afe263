import { tokenize, type Token } from './tokenize.js';

/**
 * One statement of a Groovy block: `name args { children }`. In a Jenkinsfile this is the
 * shape of every section, directive and step: `stage('Build') { ... }`, `agent any`,
 * `cron('H 2 * * *')`, `FOO = 'bar'`.
 */
export interface Statement {
  /** The first token when it is an identifier (`stage`, `steps`, `FOO`), else ''. */
  name: string;
  first: Token;
  /** Tokens after the name up to the trailing block (or the end of the statement). */
  args: Token[];
  /** The trailing `{ ... }` block, parsed into statements; undefined when there is none. */
  block?: Statement[];
  /** The `{` of the trailing block. */
  open?: Token;
}

export interface ParsedFile {
  tokens: Token[];
  statements: Statement[];
}

export function parseGroovy(src: string): ParsedFile {
  const tokens = tokenize(src);
  const parser = new BlockParser(tokens);
  return { tokens, statements: parser.parseStatements(false) };
}

/** Operators after which a statement continues on the next line. */
const continuing = new Set(['=', ',', '+', '-', '*', '/', '&&', '||', '?', ':', '.', '?.', '->',
  '(', '[', '==', '!=', '<', '>', '<=', '>=', '+=', '-=', '?:', '=~', '==~', '<<']);

class BlockParser {
  private i = 0;

  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private isPunct(t: Token | undefined, text: string): boolean {
    return t !== undefined && t.type === 'punct' && t.text === text;
  }

  parseStatements(inBlock: boolean): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      while (this.peek()?.type === 'newline' || this.isPunct(this.peek(), ';')) this.i++;
      const t = this.peek();
      if (!t) return out;
      if (this.isPunct(t, '}')) {
        if (inBlock) {
          this.i++;
          return out;
        }
        this.i++; // a stray closing brace; the Groovy parser reports it
        continue;
      }
      out.push(this.parseStatement());
    }
  }

  private parseStatement(): Statement {
    const first = this.peek() as Token;
    const stmt: Statement = { name: first.type === 'ident' ? first.text : '', first, args: [] };
    if (first.type === 'ident') this.i++;
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (!t) return stmt;
      if (depth === 0 && (t.type === 'newline' || this.isPunct(t, ';'))) {
        const prev = stmt.args[stmt.args.length - 1] ?? first;
        const next = this.nextSignificant();
        const nextContinues = next !== undefined && next.type === 'punct'
          && (next.text === '.' || next.text === '?.');
        if (t.type === 'newline' && ((prev.type === 'punct' && continuing.has(prev.text)
          && prev !== first) || nextContinues)) {
          this.i++;
          continue;
        }
        return stmt;
      }
      if (depth === 0 && this.isPunct(t, '}')) return stmt;
      if (depth === 0 && this.isPunct(t, '{')) {
        this.i++;
        const children = this.parseStatements(true);
        if (stmt.block === undefined) {
          stmt.block = children;
          stmt.open = t;
        }
        // `} else {`, `} catch (e) {`: the statement goes on.
        const next = this.nextSignificant();
        if (next?.type === 'ident' && ['else', 'catch', 'finally'].includes(next.text)) {
          while (this.peek()?.type === 'newline') this.i++;
          continue;
        }
        return stmt;
      }
      if (t.type === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.type === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
      stmt.args.push(t);
      this.i++;
    }
  }

  private nextSignificant(): Token | undefined {
    let j = this.i;
    while (this.toks[j]?.type === 'newline') j++;
    return this.toks[j];
  }
}

/** The literal value of the first string argument, e.g. `Build` for `stage('Build')`. */
export function firstString(stmt: Statement): Token | undefined {
  return stmt.args.find((t) => t.type === 'string');
}

/** All statements of a tree, depth first, with their ancestors (nearest last). */
export function* walk(stmts: Statement[], parents: Statement[] = []):
  Generator<{ stmt: Statement; parents: Statement[] }> {
  for (const stmt of stmts) {
    yield { stmt, parents };
    if (stmt.block) yield* walk(stmt.block, [...parents, stmt]);
  }
}

/**
 * True for a method declaration such as `def call(Map args) { ... }` or
 * `void call(body) { ... }`: a type or `def` (after modifiers), a name, then parameters.
 */
export function isMethodDeclaration(stmt: Statement): boolean {
  if (!stmt.block) return false;
  const toks = [stmt.first, ...stmt.args].filter((t) => t.type !== 'newline');
  let i = 0;
  while (toks[i]?.type === 'ident' && ['public', 'private', 'protected', 'static', 'final',
    'synchronized'].includes(toks[i]?.text ?? '')) i++;
  const type = toks[i];
  const name = toks[i + 1];
  const paren = toks[i + 2];
  return type?.type === 'ident' && (type.text === 'def' || type.text === 'void'
    || /^[A-Z]/.test(type.text)) && name?.type === 'ident' && paren?.text === '(';
}

/**
 * The declarative `pipeline { }` of a file: at the top level, or as the body of a top-level
 * method (a shared-library step that defines a whole pipeline, `def call() { pipeline {...} }`).
 */
export function findPipeline(stmts: Statement[]): Statement | undefined {
  const isPipeline = (s: Statement) => s.name === 'pipeline' && s.block !== undefined
    && s.args.length === 0;
  return stmts.find(isPipeline) ?? stmts.filter(isMethodDeclaration)
    .flatMap((m) => m.block ?? []).find(isPipeline);
}
