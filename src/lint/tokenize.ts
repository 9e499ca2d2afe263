/**
 * A Groovy tokenizer just precise enough for Jenkinsfile structure and string analysis: every
 * Groovy string form (single, double, triple, slashy, dollar-slashy) with its `${...}` and
 * `$name` interpolations, comments and shebang skipped, positions kept. It never throws: the
 * real Groovy parser reports syntax errors, so unclosed constructs simply end at end of input.
 */

export type StringKind = 'single' | 'double' | 'tripleSingle' | 'tripleDouble' | 'slashy'
  | 'dollarSlashy';

export interface Interpolation {
  /** The Groovy expression, e.g. `params.TARGET` for `${params.TARGET}` or `$params.TARGET`. */
  expr: string;
  line: number;
  col: number;
}

export interface Token {
  type: 'ident' | 'string' | 'number' | 'punct' | 'newline';
  text: string;
  line: number;
  col: number;
  /** Offset of the token in the source, and of its end (exclusive). */
  start: number;
  end: number;
  /**
   * For strings: the kind, and the content with escapes resolved (`\n` is a newline); the
   * `${...}` of an interpolating string stay as written.
   */
  kind?: StringKind;
  value?: string;
  interpolations?: Interpolation[];
}

const identStart = /[A-Za-z_$\u00c0-\uffff]/;
const identPart = /[A-Za-z0-9_$\u00c0-\uffff]/;
const puncts = ['>>>=', '<=>', '===', '!==', '>>=', '<<=', '?.', '*.', '.&', '..<', '..', '==~',
  '=~', '==', '!=', '<=', '>=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '**', '->',
  '?:', '<<', '::'];

/** Tokens whose presence before a `/` make that slash a division rather than a regex. */
function endsValue(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'ident' || t.type === 'number' || t.type === 'string') return true;
  return t.type === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}');
}

export function tokenize(src: string): Token[] {
  return new Lexer(src).run();
}

class Lexer {
  private pos = 0;
  private readonly lineStarts: number[] = [0];
  private readonly out: Token[] = [];

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  run(): Token[] {
    if (this.src.startsWith('#!')) this.skipLine();
    this.lexCode(false);
    return this.out;
  }

  at(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }

  private push(type: Token['type'], start: number, extra: Partial<Token> = {}): void {
    this.out.push({ type, text: this.src.slice(start, this.pos), ...this.at(start), start,
      end: this.pos, ...extra });
  }

  private skipLine(): void {
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  /** Lexes code; with `untilBrace`, stops after the `}` that closes an interpolation. */
  lexCode(untilBrace: boolean): void {
    let depth = 0;
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos] as string;
      const start = this.pos;
      if (c === '\n') {
        this.pos++;
        this.push('newline', start);
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
        this.pos++;
      } else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2; // line continuation
      } else if (s.startsWith('//', this.pos)) {
        this.skipLine();
      } else if (s.startsWith('/*', this.pos)) {
        const close = s.indexOf('*/', this.pos + 2);
        this.pos = close < 0 ? s.length : close + 2;
      } else if (s.startsWith("'''", this.pos)) {
        this.lexString('tripleSingle', "'''", false);
      } else if (s.startsWith('"""', this.pos)) {
        this.lexString('tripleDouble', '"""', true);
      } else if (c === "'") {
        this.lexString('single', "'", false);
      } else if (c === '"') {
        this.lexString('double', '"', true);
      } else if (s.startsWith('$/', this.pos)) {
        this.lexDollarSlashy();
      } else if (c === '/' && !endsValue(this.lastSignificant()) && s[this.pos + 1] !== '=') {
        this.lexString('slashy', '/', true);
      } else if (/[0-9]/.test(c)) {
        while (this.pos < s.length && /[0-9A-Za-z_.]/.test(s[this.pos] as string)) {
          if (s[this.pos] === '.' && !/[0-9]/.test(s[this.pos + 1] ?? '')) break;
          this.pos++;
        }
        this.push('number', start);
      } else if (identStart.test(c)) {
        while (this.pos < s.length && identPart.test(s[this.pos] as string)) this.pos++;
        this.push('ident', start);
      } else {
        const p = puncts.find((x) => s.startsWith(x, this.pos)) ?? c;
        this.pos += p.length;
        if (untilBrace && p === '}' && depth === 0) return;
        if (p === '{') depth++;
        if (p === '}') depth--;
        this.push('punct', start);
      }
    }
  }

  /**
   * Limitation: a `/` is a division after a value and a regex elsewhere, including at the
   * start of a line; a division continued from the previous line is read as a regex.
   */
  private lastSignificant(): Token | undefined {
    for (let i = this.out.length - 1; i >= 0; i--) {
      const t = this.out[i] as Token;
      if (t.type !== 'newline') return t;
      return undefined; // a slash that starts a line starts a regex
    }
    return undefined;
  }

  private lexString(kind: StringKind, quote: string, interpolating: boolean): void {
    const s = this.src;
    const start = this.pos;
    this.pos += quote.length;
    const interpolations: Interpolation[] = [];
    let value = '';
    const single = quote.length === 1;
    while (this.pos < s.length && !s.startsWith(quote, this.pos)) {
      const c = s[this.pos] as string;
      if (single && c === '\n' && kind !== 'slashy') break;
      if (c === '\\' && kind !== 'slashy') {
        value += this.unescape();
      } else if (c === '\\' && s[this.pos + 1] === '/') {
        value += '/';
        this.pos += 2;
      } else if (interpolating && c === '$') {
        value += this.lexInterpolation(interpolations);
      } else {
        value += c;
        this.pos++;
      }
    }
    if (s.startsWith(quote, this.pos)) this.pos += quote.length;
    this.push('string', start, { kind, value, interpolations });
  }

  /** At a backslash in a quoted string: consumes the escape and returns what it stands for. */
  private unescape(): string {
    const s = this.src;
    const n = s[this.pos + 1] ?? '';
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) {
      this.pos += 6;
      return String.fromCharCode(parseInt(s.slice(this.pos - 4, this.pos), 16));
    }
    this.pos += 2;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f',
      '\n': '' };
    return simple[n] ?? n;
  }

  private lexDollarSlashy(): void {
    const s = this.src;
    const start = this.pos;
    this.pos += 2;
    const interpolations: Interpolation[] = [];
    let value = '';
    while (this.pos < s.length && !s.startsWith('/$', this.pos)) {
      if (s.startsWith('$$', this.pos) || s.startsWith('$/', this.pos)) {
        value += s.slice(this.pos, this.pos + 2);
        this.pos += 2;
      } else if (s[this.pos] === '$') {
        value += this.lexInterpolation(interpolations);
      } else {
        value += s[this.pos];
        this.pos++;
      }
    }
    if (s.startsWith('/$', this.pos)) this.pos += 2;
    this.push('string', start, { kind: 'dollarSlashy', value, interpolations });
  }

  /** At a `$`: records `${expr}` or `$a.b.c` and returns the raw text consumed. */
  private lexInterpolation(into: Interpolation[]): string {
    const s = this.src;
    const start = this.pos;
    if (s[this.pos + 1] === '{') {
      this.pos += 2;
      const exprStart = this.pos;
      const saved = this.out.length;
      this.lexCode(true);
      this.out.length = saved; // tokens of the expression are not part of the outer stream
      const end = s[this.pos - 1] === '}' ? this.pos - 1 : this.pos;
      into.push({ expr: s.slice(exprStart, end).trim(), ...this.at(start) });
      return s.slice(start, this.pos);
    }
    const m = /^\$([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/.exec(s.slice(start, start + 200));
    if (!m) {
      this.pos++;
      return '$';
    }
    into.push({ expr: m[1] as string, ...this.at(start) });
    this.pos += m[0].length;
    return m[0];
  }
}
