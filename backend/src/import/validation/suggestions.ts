import { foldText } from '../parsing/fold.ts';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * A code or id as "did you mean" compares it: case, Polish diacritics and everything but letters
 * and digits ignored (`ost 0005` = `OST-0005`, `A_12` = `a12`).
 */
export function normaliseCode(text: string): string {
  return foldText(text).replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * Whether `a` becomes `b` by at most one edit: inserting, deleting or replacing one character, or
 * swapping two adjacent ones (Damerau–Levenshtein distance ≤ 1). Linear in the length.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    if (sameFrom(a, i + 1, b, i + 1)) return true; // one character replaced
    return i + 1 < a.length && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
  }
  // One character more in the longer: it is the first one that differs.
  return a.length > b.length ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

function sameFrom(a: string, from: number, b: string, fromB: number): boolean {
  if (a.length - from !== b.length - fromB) return false;
  for (let k = 0; from + k < a.length; k++) if (a.charCodeAt(from + k) !== b.charCodeAt(fromB + k)) return false;
  return true;
}

/** One edit in a key of one or two characters changes half of it or more: too weak to suggest. */
const MIN_KEY_LENGTH_FOR_EDIT = 3;

/**
 * The one known value a mistyped key most likely meant. Keys are compared as given (normalise them
 * first). A value whose key equals the typed key wins; otherwise a value whose key is one edit away
 * (`withinOneEdit`). Only a single value at that distance is suggested: two people of the same
 * name, or two ids one edit away, give no suggestion. Values are told apart by identity (one value
 * may have several keys: a survey by its code and by its name).
 *
 * Every key and every key with one character deleted (its deletion neighbourhood) points to the
 * entries, so that two keys one edit apart share a neighbour: a look-up reads (length + 1)
 * buckets whatever the number of known values, instead of comparing with each of them. The
 * neighbours are kept as hashes in typed arrays, not as strings in a map (a 20,000-name register
 * has 400,000 of them); a hash shared by chance only adds a candidate that `withinOneEdit` refuses.
 */
export class NearestKnown<V extends object | string> {
  private readonly keys: string[] = [];
  private readonly values: V[] = [];
  // A multimap from neighbour hashes to entries in three typed arrays: the first posting of each
  // bucket, the next posting of the same bucket, and each posting's entry. Hashes of one bucket
  // are not told apart: that only adds candidates that are checked anyway.
  private readonly firstPosting: Int32Array;
  private readonly nextPosting: Int32Array;
  private readonly postingEntry: Int32Array;
  private readonly bucketMask: number;
  /** The look-up that last met each entry, so that an entry met in several buckets is checked once. */
  private readonly lastLookup: Int32Array;
  private lookupCount = 0;

  constructor(entries: Iterable<readonly [key: string, value: V]>) {
    let postings = 0;
    for (const [key, value] of entries) {
      this.keys.push(key);
      this.values.push(value);
      postings += key.length + 1;
    }
    let buckets = 16;
    while (buckets < postings * 2) buckets *= 2;
    this.bucketMask = buckets - 1;
    this.firstPosting = new Int32Array(buckets).fill(-1);
    this.nextPosting = new Int32Array(postings);
    this.postingEntry = new Int32Array(postings);
    this.lastLookup = new Int32Array(this.keys.length);
    let posting = 0;
    for (let entry = 0; entry < this.keys.length; entry++) {
      for (const hash of neighbourhoodHashes(this.keys[entry]!)) {
        const bucket = hash & this.bucketMask;
        this.nextPosting[posting] = this.firstPosting[bucket]!;
        this.postingEntry[posting] = entry;
        this.firstPosting[bucket] = posting++;
      }
    }
  }

  find(key: string): V | null {
    const stamp = ++this.lookupCount;
    const mayEdit = key.length >= MIN_KEY_LENGTH_FOR_EDIT;
    // The first value found at each distance, and whether another value is as close.
    let equal: V | undefined;
    let equalTie = false;
    let near: V | undefined;
    let nearTie = false;
    for (const hash of neighbourhoodHashes(key)) {
      for (let posting = this.firstPosting[hash & this.bucketMask]!; posting >= 0; posting = this.nextPosting[posting]!) {
        const entry = this.postingEntry[posting]!;
        if (this.lastLookup[entry] === stamp) continue;
        this.lastLookup[entry] = stamp;
        const candidate = this.keys[entry]!;
        const value = this.values[entry]!;
        if (candidate === key) {
          if (equal === undefined) equal = value;
          else if (equal !== value) equalTie = true;
        } else if (mayEdit && candidate.length >= MIN_KEY_LENGTH_FOR_EDIT && withinOneEdit(key, candidate)) {
          if (near === undefined) near = value;
          else if (near !== value) nearTie = true;
        }
      }
    }
    // A tie at the closest distance is no suggestion, and is not resolved by a farther candidate.
    if (equal !== undefined) return equalTie ? null : equal;
    return near === undefined || nearTie ? null : near;
  }
}

const HASH_BASE = 0x01000193;

/**
 * Hashes of the key and of each way of deleting one of its characters, computed from prefix and
 * suffix hashes without building those strings: the polynomial hash of `key` less character `i`
 * is hash(key[0, i)) · BASE^(n−1−i) + Σ_{j>i} key[j] · BASE^(n−1−j).
 */
export function neighbourhoodHashes(key: string): number[] {
  const n = key.length;
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, HASH_BASE) + key.charCodeAt(i)) | 0;
  const hashes = [finish(prefix[n]!, n)];
  let suffix = 0; // Σ_{j>i} key[j] · BASE^(n−1−j)
  let power = 1; // BASE^(n−1−i)
  for (let i = n - 1; i >= 0; i--) {
    hashes.push(finish((Math.imul(prefix[i]!, power) + suffix) | 0, n - 1));
    suffix = (suffix + Math.imul(key.charCodeAt(i), power)) | 0;
    power = Math.imul(power, HASH_BASE);
  }
  return hashes;
}

/** The length mixed in (keys of different lengths are rarely each other's neighbours by chance), and the bits spread. */
function finish(hash: number, length: number): number {
  let h = Math.imul(hash ^ length, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * "Did you mean" over `candidates` (the values the uploader may see, each with its key), built on
 * first use (most files need none) and remembered per distinct text: a file repeating one mistyped
 * value on many rows costs one look-up.
 */
export function suggester<V extends object | string>(
  candidates: () => Iterable<readonly [key: string, value: V]>,
  normalise: (text: string) => string,
): (text: string) => V | null {
  let index: NearestKnown<V> | null = null;
  const remembered = new Map<string, V | null>();
  return (text) => {
    let found = remembered.get(text);
    if (found === undefined) {
      index ??= new NearestKnown(candidates());
      found = index.find(normalise(text));
      remembered.set(text, found);
    }
    return found;
  };
}

/** Suggests a known code or id, as written in the register or the log, for a mistyped one. */
export function codeSuggester(codes: () => Iterable<string>): (text: string) => string | null {
  return suggester(function* () {
    for (const code of codes()) yield [normaliseCode(code), code] as const;
  }, normaliseCode);
}
