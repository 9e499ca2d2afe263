// Jenkins resolves every `H` of a job's cron spec with one pseudo-random sequence seeded
// from the job's full name (folder/job): MD5 of the name, the 16 digest bytes folded to 8,
// read as a big-endian long, fed to java.util.Random; each `H` then takes nextInt(n).
// Reproducing that exactly lets `validate` say "at 03:17" instead of "at some minute".
import { createHash } from 'node:crypto';

/** Draws the values `H` fields use, in the order the parser meets them. */
export interface HashSource {
  /** An integer in [0, n). */
  next(n: number): number;
}

/** The source Jenkins uses when no job name is known: every `H` is the lowest value. */
export const zeroHash: HashSource = { next: () => 0 };

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK48 = (1n << 48n) - 1n;

/** java.util.Random, only as far as nextInt(bound) needs it. */
class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (seed ^ MULTIPLIER) & MASK48;
  }

  private nextBits(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK48;
    return Number(this.seed >> BigInt(48 - bits));
  }

  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound <= 0) throw new RangeError('bound must be positive');
    let r = this.nextBits(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    // Rejects the top slice of the 31-bit range so every value is equally likely; the
    // overflow test is Java's 32-bit int arithmetic.
    for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = this.nextBits(31));
    return r;
  }
}

/** The hash Jenkins builds for a job whose full name is `jobFullName`. */
export function jenkinsHash(jobFullName: string): HashSource {
  const digest = createHash('md5').update(jobFullName, 'utf8').digest();
  const folded = Buffer.from(digest.subarray(0, 8));
  for (let i = 8; i < digest.length; i++) folded[i % 8] = folded[i % 8]! ^ digest[i]!;
  const random = new JavaRandom(folded.readBigUInt64BE(0));
  return { next: (n) => random.nextInt(n) };
}
