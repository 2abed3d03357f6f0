/**
 * A small, non-validating XML scanner for the parts of an XLSX workbook: it reports start tags (local
 * name and attributes by local name), end tags and decoded text, fed in chunks of any size. Its cost
 * is linear in the input and it keeps nothing but the unfinished tail of a chunk, so a sheet of any
 * shape costs what its bytes cost. Comments, processing instructions and the DOCTYPE are skipped
 * (no entity of a DOCTYPE is ever expanded); CDATA is text.
 */
export interface XmlHandler {
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Attributes by local name (`r:id` → `id`); namespace declarations are left out. */
export type XmlAttributes = Record<string, string>;

export class XmlFormatError extends Error {
  constructor(reason: string) {
    super(`Broken XML: ${reason}`);
    this.name = 'XmlFormatError';
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x2f /* / */ || c === 0x3e; /* > */
}

function isAttributeNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x3d /* = */ || c === 0x2f || c === 0x3e;
}
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z]+));/g;

/** Replaces the five predefined entities and character references; anything else is left as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

export class XmlScanner {
  private carry = '';
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** Scans what can be scanned of `chunk` (after what was left of the previous one). */
  write(chunk: string): void {
    const input = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = input.slice(this.scan(input));
  }

  /** The input is complete: anything unfinished is damage. */
  end(): void {
    if (this.carry.trim() !== '') throw new XmlFormatError('the document ends inside a tag');
    if (this.depth > 0) throw new XmlFormatError('the document ends before its elements are closed');
  }

  /** Scans complete tokens; returns where the first unfinished one starts. */
  private scan(input: string): number {
    const handler = this.handler;
    let at = 0;
    const length = input.length;
    while (at < length) {
      const lt = input.indexOf('<', at);
      if (lt < 0) {
        // Text may go on in the next chunk; it is reported when its end is seen.
        return at;
      }
      if (lt > at && this.depth > 0) handler.text(decodeXmlEntities(input.slice(at, lt)));
      at = lt;
      const next = input.charCodeAt(at + 1);
      if (Number.isNaN(next)) return at;
      if (next === 0x21 /* ! */) {
        if (input.startsWith('<!--', at)) {
          const end = input.indexOf('-->', at + 4);
          if (end < 0) return at;
          at = end + 3;
        } else if (input.startsWith('<![CDATA[', at)) {
          const end = input.indexOf(']]>', at + 9);
          if (end < 0) return at;
          if (this.depth > 0) handler.text(input.slice(at + 9, end));
          at = end + 3;
        } else if (input.length - at < 9) {
          return at; // too short yet to tell what it is
        } else if (input.startsWith('<!DOCTYPE', at)) {
          const end = doctypeEnd(input, at);
          if (end < 0) return at;
          at = end;
        } else {
          throw new XmlFormatError('an unknown declaration');
        }
        continue;
      }
      if (next === 0x3f /* ? */) {
        const end = input.indexOf('?>', at + 2);
        if (end < 0) return at;
        at = end + 2;
        continue;
      }
      if (next === 0x2f /* / */) {
        const end = input.indexOf('>', at + 2);
        if (end < 0) return at;
        const name = input.slice(at + 2, end).trim();
        if (this.depth === 0) throw new XmlFormatError(`an end tag </${name}> without a start`);
        this.depth--;
        handler.close(localName(name));
        at = end + 1;
        continue;
      }
      // A start tag: its name, then attributes up to `>` or `/>`, read character by character.
      let cursor = at + 1;
      while (cursor < length && !isNameEnd(input.charCodeAt(cursor))) cursor++;
      if (cursor >= length) return at;
      const qualifiedName = input.slice(at + 1, cursor);
      const attributes: XmlAttributes = {};
      let selfClosing = false;
      for (;;) {
        while (cursor < length && isSpace(input.charCodeAt(cursor))) cursor++;
        if (cursor >= length) return at;
        const c = input.charCodeAt(cursor);
        if (c === 0x3e /* > */) {
          cursor++;
          break;
        }
        if (c === 0x2f /* / */) {
          if (cursor + 1 >= length) return at;
          if (input.charCodeAt(cursor + 1) !== 0x3e) throw new XmlFormatError(`a malformed tag <${qualifiedName}>`);
          selfClosing = true;
          cursor += 2;
          break;
        }
        const nameStart = cursor;
        while (cursor < length && !isAttributeNameEnd(input.charCodeAt(cursor))) cursor++;
        const attributeName = input.slice(nameStart, cursor);
        while (cursor < length && isSpace(input.charCodeAt(cursor))) cursor++;
        if (cursor >= length) return at;
        if (input.charCodeAt(cursor) !== 0x3d /* = */ || attributeName === '') throw new XmlFormatError(`a malformed tag <${qualifiedName}>`);
        cursor++;
        while (cursor < length && isSpace(input.charCodeAt(cursor))) cursor++;
        if (cursor >= length) return at;
        const quote = input.charCodeAt(cursor);
        if (quote !== 0x22 && quote !== 0x27) throw new XmlFormatError(`a malformed tag <${qualifiedName}>`);
        const valueEnd = input.indexOf(quote === 0x22 ? '"' : "'", cursor + 1);
        if (valueEnd < 0) return at;
        if (attributeName !== 'xmlns' && !attributeName.startsWith('xmlns:'))
          attributes[localName(attributeName)] = decodeXmlEntities(input.slice(cursor + 1, valueEnd));
        cursor = valueEnd + 1;
      }
      const name = localName(qualifiedName);
      if (!selfClosing) this.depth++;
      handler.open(name, attributes, selfClosing);
      if (selfClosing) handler.close(name);
      at = cursor;
    }
    return at;
  }
}

/** The end of a DOCTYPE declaration, past its internal subset if it has one; -1 when not in the input yet. */
function doctypeEnd(input: string, at: number): number {
  let bracket = 0;
  for (let i = at + 9; i < input.length; i++) {
    const c = input[i];
    if (c === '[') bracket++;
    else if (c === ']') bracket--;
    else if (c === '>' && bracket <= 0) return i + 1;
  }
  return -1;
}
