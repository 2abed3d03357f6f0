import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { FileRejectedError } from '../import.errors.ts';

export type CsvEncoding = 'utf-8' | 'windows-1250' | 'iso-8859-2' | 'cp852';
type EightBitEncoding = Exclude<CsvEncoding, 'utf-8'>;

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Set when the 8-bit code page chosen is not certain: Polish letters may be wrong. */
  doubt: EncodingDoubt | null;
}

export interface EncodingDoubt {
  /** The characters whose reading is in doubt, as decoded (a few at most). */
  characters: string[];
  /** The first line holding one of them. */
  line: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const REPLACEMENT_CHAR = '\uFFFD';
const LF = 0x0a;

/**
 * The 8-bit code pages a Polish CSV is found in, the first preferred: Windows-1250 is what Polish
 * Excel writes as "CSV"; ISO-8859-2 comes from older Linux and web tools, CP852 from DOS programs.
 */
const EIGHT_BIT: readonly EightBitEncoding[] = ['windows-1250', 'iso-8859-2', 'cp852'];

const POLISH_LETTERS = 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ';
/** Other non-ASCII characters a Polish table may well hold: typography, and letters of foreign names. */
const PLAUSIBLE = '\u00a0\u00ad€‚„…‘’“”•–—™«»§°©®×·áÁäÄâÂéÉëËěĚíÍîÎôÔöÖúÚůŮüÜýÝçÇčČřŘšŠžŽß';

/** What a byte 0x80–0xFF becomes in a code page: a Polish letter, something plausible, what a wrong code page gives, or nothing valid. */
type CharClass = 'polish' | 'plausible' | 'unlikely' | 'invalid';

/**
 * An unlikely character costs two Polish letters: reading a file in the wrong one of the three code
 * pages turns most Polish letters into symbols (`ą` → `±`), so the right one wins by a wide margin.
 */
const UNLIKELY_WEIGHT = 2;
/** A code page other than Windows-1250 is clearly right when it beats every other reading by two letters' worth. */
const CLEAR_MARGIN = 2 * (1 + UNLIKELY_WEIGHT);
/** Fewest Polish letters to read a file Windows-1250 cannot read in another code page (one letter could be chance). */
const MIN_LETTERS_FOR_ANOTHER_CODE_PAGE = 2;
const MAX_DOUBTED_CHARACTERS = 6;

interface CodePage {
  encoding: EightBitEncoding;
  /** Indexed by byte − 0x80, as every table here. */
  chars: string[];
  classes: CharClass[];
}

const codePages: readonly CodePage[] = EIGHT_BIT.map((encoding) => {
  const chars = [...iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i)), encoding)];
  return { encoding, chars, classes: chars.map(classify) };
});

function classify(char: string): CharClass {
  const code = char.charCodeAt(0);
  if (char === REPLACEMENT_CHAR || (code >= 0x80 && code < 0xa0)) return 'invalid'; // undefined, or a C1 control
  if (POLISH_LETTERS.includes(char)) return 'polish';
  if (PLAUSIBLE.includes(char)) return 'plausible';
  return 'unlikely';
}

/**
 * Text of a CSV file: valid UTF-8 (with or without BOM) is UTF-8. Anything else is read in the
 * 8-bit code page whose reading gives the most Polish letters and the fewest unlikely characters,
 * Windows-1250 unless another is better (`doubt` says when that choice is not certain). Bytes that
 * no code page reads plausibly reject the file.
 */
export function decodeCsv(buffer: Buffer, fileName: string): DecodedCsv {
  const hasBom = buffer.length >= 3 && buffer[0] === UTF8_BOM[0] && buffer[1] === UTF8_BOM[1] && buffer[2] === UTF8_BOM[2];
  const body = hasBom ? buffer.subarray(3) : buffer;
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8', doubt: null };
  const damagedUtf8 = firstInvalidUtf8IfPolishUtf8(body);
  if (damagedUtf8 >= 0) throw new FileRejectedError('mixed_encoding', fileName, { row: lineOfByte(body, damagedUtf8) });
  const counts = highByteCounts(body);
  const readings = codePages.map((page) => readingOf(page, counts));
  const chosen = chooseReading(readings);
  if (!chosen) throw new FileRejectedError('undecodable', fileName, { row: lineOfByte(body, firstOffsetOf(body, invalidBytes(readings[0]))) });
  return { text: iconv.decode(body, chosen.page.encoding), encoding: chosen.page.encoding, doubt: doubtOf(body, chosen, readings) };
}

/** How a file's bytes 0x80–0xFF read in one code page. */
interface Reading {
  page: CodePage;
  /** How many times each byte 0x80–0xFF occurs (indexed by byte − 0x80). */
  counts: Uint32Array;
  valid: boolean;
  polish: number;
  unlikely: number;
  score: number;
}

function highByteCounts(body: Buffer): Uint32Array {
  const counts = new Uint32Array(128);
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (byte >= 0x80) counts[byte - 0x80]++;
  }
  return counts;
}

function readingOf(page: CodePage, counts: Uint32Array): Reading {
  let valid = true;
  let polish = 0;
  let unlikely = 0;
  for (let b = 0; b < 128; b++) {
    if (counts[b] === 0) continue;
    const kind = page.classes[b];
    if (kind === 'invalid') valid = false;
    else if (kind === 'polish') polish += counts[b];
    else if (kind === 'unlikely') unlikely += counts[b];
  }
  return { page, counts, valid, polish, unlikely, score: polish - UNLIKELY_WEIGHT * unlikely };
}

/**
 * Windows-1250 unless another code page reads the file better. When Windows-1250 cannot read it at
 * all (bytes it leaves undefined), another one only if it reads the file cleanly with Polish letters
 * to show for it (a DOS file's `ł` and `ś` are such bytes); else nothing (the file is refused).
 */
function chooseReading(readings: readonly Reading[]): Reading | null {
  const [standard, ...others] = readings;
  if (standard.valid) return others.reduce((best, r) => (r.valid && r.score > best.score ? r : best), standard);
  const clean = others.filter((r) => r.valid && r.unlikely === 0 && r.polish >= MIN_LETTERS_FOR_ANOTHER_CODE_PAGE);
  return clean.reduce<Reading | null>((best, r) => (best === null || r.score > best.score ? r : best), null);
}

function doubtOf(body: Buffer, chosen: Reading, readings: readonly Reading[]): EncodingDoubt | null {
  const doubted = doubtedBytes(chosen, readings);
  if (doubted.length === 0) return null;
  return { characters: doubted.slice(0, MAX_DOUBTED_CHARACTERS).map((i) => chosen.page.chars[i]), line: lineOfByte(body, firstOffsetOf(body, doubted)) };
}

/**
 * The bytes whose reading is in doubt: those the chosen code page reads as unlikely characters; or,
 * when it is not Windows-1250 and another valid reading comes close, those the two read differently.
 */
function doubtedBytes(chosen: Reading, readings: readonly Reading[]): number[] {
  if (chosen.unlikely > 0) return bytesPresent(chosen.counts, (i) => chosen.page.classes[i] === 'unlikely');
  if (chosen === readings[0]) return [];
  const differing = (r: Reading) => bytesPresent(chosen.counts, (i) => r.page.chars[i] !== chosen.page.chars[i]);
  const rivals = readings.filter((r) => r !== chosen && r.valid && differing(r).length > 0);
  const rival = rivals.reduce<Reading | null>((best, r) => (best === null || r.score > best.score ? r : best), null);
  if (rival === null || chosen.score - rival.score >= CLEAR_MARGIN) return [];
  return differing(rival);
}

function invalidBytes(reading: Reading): number[] {
  return bytesPresent(reading.counts, (i) => reading.page.classes[i] === 'invalid');
}

/** The bytes 0x80–0xFF (as byte − 0x80) that the file holds and `test` accepts. */
function bytesPresent(counts: Uint32Array, test: (index: number) => boolean): number[] {
  const found: number[] = [];
  for (let i = 0; i < 128; i++) if (counts[i] > 0 && test(i)) found.push(i);
  return found;
}

/** Offset of the first of the bytes 0x80–0xFF (given as byte − 0x80) in `body`. */
function firstOffsetOf(body: Buffer, indexes: readonly number[]): number {
  let first = body.length;
  for (const i of indexes) {
    const at = body.indexOf(0x80 + i);
    if (at >= 0 && at < first) first = at;
  }
  return first;
}

/**
 * A file that is not valid UTF-8 but holds Polish letters written as UTF-8 (`ł` as C5 82) is UTF-8
 * with some damage (a stray byte, two files pasted together), not Windows-1250: read as Windows-1250
 * every Polish letter would turn into two wrong ones (`ł` → `Ĺ‚`), which Windows-1250 text never
 * contains. Returns the offset of the first byte that is not UTF-8, or -1 when the file shows no
 * UTF-8 Polish letters. Native `indexOf` scans: Windows-1250 Polish text rarely holds 0xC3–0xC5.
 */
function firstInvalidUtf8IfPolishUtf8(body: Buffer): number {
  if (!hasPolishUtf8Letter(body)) return -1;
  const text = body.toString('utf8');
  const bad = text.indexOf(REPLACEMENT_CHAR);
  return bad < 0 ? -1 : Buffer.byteLength(text.slice(0, bad), 'utf8');
}

function isPolishUtf8Pair(lead: number, next: number): boolean {
  switch (lead) {
    case 0xc3: // ó Ó
      return next === 0xb3 || next === 0x93;
    case 0xc4: // Ą ą Ć ć Ę ę
      return (next >= 0x84 && next <= 0x87) || next === 0x98 || next === 0x99;
    case 0xc5: // Ł ł Ń ń Ś ś Ź ź Ż ż
      return (next >= 0x81 && next <= 0x84) || next === 0x9a || next === 0x9b || (next >= 0xb9 && next <= 0xbc);
    default:
      return false;
  }
}

function hasPolishUtf8Letter(body: Buffer): boolean {
  for (const lead of [0xc5, 0xc4, 0xc3]) {
    for (let at = body.indexOf(lead); at >= 0 && at + 1 < body.length; at = body.indexOf(lead, at + 1)) {
      if (isPolishUtf8Pair(lead, body[at + 1])) return true;
    }
  }
  return false;
}

function lineOfByte(buffer: Buffer, offset: number): number {
  let line = 1;
  for (let at = buffer.indexOf(LF); at >= 0 && at < offset; at = buffer.indexOf(LF, at + 1)) line++;
  return line;
}
