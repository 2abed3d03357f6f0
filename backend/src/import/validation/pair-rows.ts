/**
 * Remembers the first row of each (a, b) pair of small non-negative integers, e.g. (activity, participant)
 * indexes. Open addressing over typed arrays: a million pairs cost no per-entry objects, where a Map of
 * string keys spent half the attendance validation time in allocation and rehashing.
 */
export class PairRows {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private rows: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The row where (a, b) was first seen; or -1, after recording `row` as its first row. */
  firstRowOrAdd(a: number, b: number, row: number): number {
    const { keysA, keysB, mask } = this;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const key = keysA[slot];
      if (key === -1) {
        keysA[slot] = a;
        keysB[slot] = b;
        this.rows[slot] = row;
        if (++this.size * 2 > mask) this.grow();
        return -1;
      }
      if (key === a && keysB[slot] === b) return this.rows[slot];
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keysA, keysB, rows } = this;
    const capacity = keysA.length * 2;
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < keysA.length; i++) if (keysA[i] !== -1) this.firstRowOrAdd(keysA[i], keysB[i], rows[i]);
  }
}

function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Small integer ids for strings: those given first get 0, 1, 2…; later ones are added on request. */
export class StringIds {
  private readonly ids = new Map<string, number>();

  constructor(initial: Iterable<string> = []) {
    for (const value of initial) this.add(value);
  }

  /** The id of `value`, or -1. */
  get(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  add(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}
