/**
 * A small pull tokenizer for the XML that Office writes (WordprocessingML, content types, rels).
 *
 * What it does: elements (with a synthetic close event after a self-closing tag), attributes,
 * text and CDATA; the five predefined entities and numeric character references; comments and
 * processing instructions skipped. What it refuses: any `<!DOCTYPE` (ImportError "xml-doctype":
 * no DTD means no internal or external entities, hence no billion-laughs and no XXE) and
 * anything malformed (ImportError "bad-xml": unknown entities, mismatched or unclosed tags,
 * text outside the root, duplicate attributes, characters XML forbids in references).
 * It never recurses: open elements live in an array, capped by `maxDepth`.
 *
 * Usage:
 *   const t = new XmlTokenizer(text);
 *   for (let k = t.next(); k !== XML_END; k = t.next()) { if (k === XML_OPEN) … t.name, t.attr("w:val") }
 */
import { errors } from "./errors";

export const XML_END = 0;
export const XML_OPEN = 1;
export const XML_CLOSE = 2;
export const XML_TEXT = 3;
export type XmlTokenKind = typeof XML_END | typeof XML_OPEN | typeof XML_CLOSE | typeof XML_TEXT;

export interface XmlLimits {
  /** Deepest element nesting accepted (default 4096). */
  maxDepth?: number;
  /** Most attributes on one element (default 256). */
  maxAttributes?: number;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =
const QUOT = 34; // "
const APOS = 39; // '
const BANG = 33; // !
const QMARK = 63; // ?

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Ends a name: whitespace, / > = < quotes, or end of input (NaN). */
function endsName(c: number): boolean {
  return c !== c /* NaN */ || c === 32 || c === 10 || c === 13 || c === 9 || c === SLASH || c === GT || c === EQ || c === LT || c === QUOT || c === APOS;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Decodes the predefined entities and numeric references; anything else is malformed. */
export function decodeEntities(s: string, at = 0): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw errors.badXml(`unterminated entity reference near offset ${at + amp}`);
    const ref = s.slice(amp + 1, semi);
    let ch: string;
    switch (ref) {
      case "lt": ch = "<"; break;
      case "gt": ch = ">"; break;
      case "amp": ch = "&"; break;
      case "quot": ch = '"'; break;
      case "apos": ch = "'"; break;
      default: {
        let cp = NaN;
        if (/^#[0-9]{1,7}$/.test(ref)) cp = parseInt(ref.slice(1), 10);
        else if (/^#x[0-9a-fA-F]{1,6}$/.test(ref)) cp = parseInt(ref.slice(2), 16);
        else throw errors.badXml(`unknown entity &${ref.slice(0, 20)}; near offset ${at + amp}`);
        if (!isXmlChar(cp)) throw errors.badXml(`character reference &${ref}; is not allowed in XML`);
        ch = String.fromCodePoint(cp);
      }
    }
    out += s.slice(last, amp) + ch;
    last = semi + 1;
    amp = s.indexOf("&", last);
  }
  return out + s.slice(last);
}

export class XmlTokenizer {
  /** The kind of the current token. */
  kind: XmlTokenKind = XML_END;
  /** Qualified element name ("w:tc") for open and close tokens. */
  name = "";
  /** For an open token: the element is `<x/>`; a close token for it follows immediately. */
  selfClosing = false;
  /** Decoded text for a text token. */
  text = "";
  /** Number of open elements, including the current one for an open token. */
  depth = 0;

  private readonly src: string;
  private readonly maxDepth: number;
  private readonly maxAttributes: number;
  private pos = 0;
  private readonly stack: string[] = [];
  private pendingClose: string | null = null;
  private rootSeen = false;
  private rootClosed = false;
  private attrNames: string[] = [];
  private attrValues: string[] = [];
  private attrCount = 0;

  constructor(src: string, limits: XmlLimits = {}) {
    this.src = src;
    this.maxDepth = limits.maxDepth ?? 4096;
    this.maxAttributes = limits.maxAttributes ?? 256;
  }

  /** Value of an attribute of the current open token, by qualified name. */
  attr(name: string): string | undefined {
    for (let i = 0; i < this.attrCount; i++) if (this.attrNames[i] === name) return this.attrValues[i];
    return undefined;
  }

  /** Attributes of the current open token as an object (allocates; for tests and rare use). */
  attributes(): Record<string, string> {
    const o: Record<string, string> = {};
    for (let i = 0; i < this.attrCount; i++) o[this.attrNames[i]] = this.attrValues[i];
    return o;
  }

  /** Byte-independent position (UTF-16 offset) of the tokenizer, for error messages. */
  get offset(): number {
    return this.pos;
  }

  next(): XmlTokenKind {
    if (this.pendingClose !== null) {
      this.name = this.pendingClose;
      this.pendingClose = null;
      this.depth = this.stack.length;
      this.selfClosing = false;
      return (this.kind = XML_CLOSE);
    }
    const src = this.src;
    for (;;) {
      const pos = this.pos;
      if (pos >= src.length) {
        if (this.stack.length) throw errors.badXml(`unclosed element <${this.stack[this.stack.length - 1]}> at end of input`);
        if (!this.rootSeen) throw errors.badXml("no root element");
        return (this.kind = XML_END);
      }
      if (src.charCodeAt(pos) !== LT) {
        let end = src.indexOf("<", pos);
        if (end < 0) end = src.length;
        const raw = src.slice(pos, end);
        this.pos = end;
        if (this.stack.length === 0) {
          if (!/^[ \t\r\n]*$/.test(raw)) throw errors.badXml(`text outside the root element at offset ${pos}`);
          continue;
        }
        this.text = raw.indexOf("&") >= 0 ? decodeEntities(raw, pos) : raw;
        return (this.kind = XML_TEXT);
      }
      const c1 = src.charCodeAt(pos + 1);
      if (c1 === QMARK) {
        const end = src.indexOf("?>", pos + 2);
        if (end < 0) throw errors.badXml(`unterminated processing instruction at offset ${pos}`);
        this.pos = end + 2;
        continue;
      }
      if (c1 === BANG) {
        if (src.startsWith("<!--", pos)) {
          const end = src.indexOf("-->", pos + 4);
          if (end < 0) throw errors.badXml(`unterminated comment at offset ${pos}`);
          this.pos = end + 3;
          continue;
        }
        if (src.startsWith("<![CDATA[", pos)) {
          const end = src.indexOf("]]>", pos + 9);
          if (end < 0) throw errors.badXml(`unterminated CDATA section at offset ${pos}`);
          if (this.stack.length === 0) throw errors.badXml(`CDATA outside the root element at offset ${pos}`);
          this.text = src.slice(pos + 9, end);
          this.pos = end + 3;
          return (this.kind = XML_TEXT);
        }
        if (src.slice(pos + 2, pos + 9).toUpperCase() === "DOCTYPE") throw errors.doctype();
        throw errors.badXml(`unexpected markup declaration at offset ${pos}`);
      }
      if (c1 === SLASH) return this.readClose(pos);
      return this.readOpen(pos);
    }
  }

  private readClose(pos: number): XmlTokenKind {
    const src = this.src;
    let i = pos + 2;
    const start = i;
    while (!endsName(src.charCodeAt(i))) i++;
    const name = src.slice(start, i);
    while (isSpace(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) !== GT) throw errors.badXml(`malformed end tag at offset ${pos}`);
    const open = this.stack.pop();
    if (open !== name) throw errors.badXml(open === undefined ? `end tag </${name}> without a start tag at offset ${pos}` : `end tag </${name}> does not match <${open}> at offset ${pos}`);
    if (this.stack.length === 0) this.rootClosed = true;
    this.pos = i + 1;
    this.name = name;
    this.depth = this.stack.length;
    this.selfClosing = false;
    return (this.kind = XML_CLOSE);
  }

  private readOpen(pos: number): XmlTokenKind {
    const src = this.src;
    let i = pos + 1;
    const start = i;
    while (!endsName(src.charCodeAt(i))) i++;
    if (i === start) throw errors.badXml(`malformed start tag at offset ${pos}`);
    const name = src.slice(start, i);
    if (this.stack.length === 0) {
      if (this.rootClosed) throw errors.badXml(`second root element <${name}> at offset ${pos}`);
      this.rootSeen = true;
    }
    this.attrCount = 0;
    let selfClosing = false;
    for (;;) {
      const hadSpace = isSpace(src.charCodeAt(i));
      while (isSpace(src.charCodeAt(i))) i++;
      const c = src.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (src.charCodeAt(i + 1) !== GT) throw errors.badXml(`malformed start tag <${name}> at offset ${pos}`);
        i += 2;
        selfClosing = true;
        break;
      }
      if (c !== c) throw errors.badXml(`unterminated start tag <${name}> at offset ${pos}`);
      if (!hadSpace) throw errors.badXml(`missing space before attribute in <${name}> at offset ${i}`);
      const aStart = i;
      while (!endsName(src.charCodeAt(i))) i++;
      if (i === aStart) throw errors.badXml(`malformed attribute in <${name}> at offset ${i}`);
      const aName = src.slice(aStart, i);
      while (isSpace(src.charCodeAt(i))) i++;
      if (src.charCodeAt(i) !== EQ) throw errors.badXml(`attribute ${aName} without a value in <${name}> at offset ${i}`);
      i++;
      while (isSpace(src.charCodeAt(i))) i++;
      const q = src.charCodeAt(i);
      if (q !== QUOT && q !== APOS) throw errors.badXml(`unquoted attribute ${aName} in <${name}> at offset ${i}`);
      const vEnd = src.indexOf(q === QUOT ? '"' : "'", i + 1);
      if (vEnd < 0) throw errors.badXml(`unterminated attribute ${aName} in <${name}>`);
      const raw = src.slice(i + 1, vEnd);
      if (raw.indexOf("<") >= 0) throw errors.badXml(`'<' in attribute ${aName} of <${name}>`);
      const value = raw.indexOf("&") >= 0 ? decodeEntities(raw, i + 1) : raw;
      for (let k = 0; k < this.attrCount; k++) if (this.attrNames[k] === aName) throw errors.badXml(`duplicate attribute ${aName} in <${name}>`);
      if (this.attrCount >= this.maxAttributes) throw errors.badXml(`too many attributes in <${name}>`);
      this.attrNames[this.attrCount] = aName;
      this.attrValues[this.attrCount] = value;
      this.attrCount++;
      i = vEnd + 1;
    }
    this.pos = i;
    this.name = name;
    this.selfClosing = selfClosing;
    if (selfClosing) {
      this.pendingClose = name;
      this.depth = this.stack.length + 1;
      if (this.stack.length === 0) this.rootClosed = true;
    } else {
      if (this.stack.length >= this.maxDepth) throw errors.badXml(`elements nested deeper than ${this.maxDepth}`);
      this.stack.push(name);
      this.depth = this.stack.length;
    }
    return (this.kind = XML_OPEN);
  }
}

/** Decodes XML bytes: UTF-8 (BOM optional, invalid sequences refused) or UTF-16 with a BOM. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  try {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw errors.badXml("the XML is not valid UTF-8/UTF-16 text");
  }
}
