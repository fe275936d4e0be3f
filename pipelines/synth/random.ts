/**
 * Seeded randomness for the synthetic sources. mulberry32 is a few lines and fully determined by
 * its 32-bit seed; a library generator (pure-rand, via fast-check) is a devDependency only, and the
 * generator must run from the production install as a script.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one purpose (content, injection, a region): same seed, same stream. */
  static derive(base: number, ...keys: (string | number)[]): Rng {
    let h = (base ^ 0x9e3779b9) >>> 0;
    for (const ch of keys.join("\u0000")) {
      h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    }
    return new Rng(h);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}
