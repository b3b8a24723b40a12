/** The XML tokenizer: what it reads, and what it refuses (DOCTYPE, malformed input, depth). */
import { isImportError } from "../../src/import/errors";
import { decodeEntities, decodeXmlBytes, XML_CLOSE, XML_END, XML_OPEN, XML_TEXT, XmlTokenizer } from "../../src/import/xml";

type Tok = [string, string, Record<string, string>?];

function tokens(xml: string): Tok[] {
  const t = new XmlTokenizer(xml);
  const out: Tok[] = [];
  for (let k = t.next(); k !== XML_END; k = t.next()) {
    if (k === XML_OPEN) out.push(["open", t.name, t.attributes()]);
    else if (k === XML_CLOSE) out.push(["close", t.name]);
    else if (k === XML_TEXT) out.push(["text", t.text]);
  }
  return out;
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isImportError(e)) return e.code;
    throw e;
  }
  return "no error";
}

describe("XmlTokenizer", () => {
  test("elements, attributes (both quotes), text, self-closing elements get a close event", () => {
    expect(tokens(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a x="1" y='two'><b/>hi<c z="&lt;&amp;&quot;"></c></a>`)).toEqual([
      ["open", "a", { x: "1", y: "two" }],
      ["open", "b", {}],
      ["close", "b"],
      ["text", "hi"],
      ["open", "c", { z: `<&"` }],
      ["close", "c"],
      ["close", "a"],
    ]);
  });

  test("the five entities and numeric character references, CDATA, comments and PIs skipped", () => {
    expect(tokens(`<a>&lt;&gt;&amp;&quot;&apos; &#7853;&#x1EA1;<!-- no --><?pi x?><![CDATA[<raw & text>]]></a>`)).toEqual([
      ["open", "a", {}],
      ["text", `<>&"' ậạ`],
      ["text", "<raw & text>"],
      ["close", "a"],
    ]);
  });

  test("depth is reported and attr() reads by qualified name", () => {
    const t = new XmlTokenizer(`<w:document><w:gridSpan w:val="3"/></w:document>`);
    expect(t.next()).toBe(XML_OPEN);
    expect(t.depth).toBe(1);
    expect(t.next()).toBe(XML_OPEN);
    expect(t.name).toBe("w:gridSpan");
    expect(t.selfClosing).toBe(true);
    expect(t.attr("w:val")).toBe("3");
    expect(t.attr("val")).toBeUndefined();
    expect(t.depth).toBe(2);
    expect(t.next()).toBe(XML_CLOSE);
    expect(t.depth).toBe(1);
  });

  test("any DOCTYPE is refused: billion laughs, external entities, even an empty one", () => {
    const lol =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
      `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>`;
    expect(codeOf(() => tokens(lol))).toBe("xml-doctype");
    expect(codeOf(() => tokens(`<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>`))).toBe("xml-doctype");
    expect(codeOf(() => tokens(`<!doctype html><a/>`))).toBe("xml-doctype");
  });

  test("malformed input is bad-xml", () => {
    const bad = [
      `<a><b></a></b>`, // mismatched
      `<a><b></b>`, // unclosed
      `<a>&lol;</a>`, // unknown entity (no DTD to define it)
      `<a>&amp</a>`, // unterminated reference
      `<a>&#0;</a>`, // not an XML character
      `<a>&#xD800;</a>`, // surrogate
      `<a x="1" x="2"/>`, // duplicate attribute
      `<a x="<"/>`, // < in attribute
      `<a x=1/>`, // unquoted
      `<a x="1"y="2"/>`, // no space between attributes
      `text<a/>`, // text outside the root
      `<a/><b/>`, // two roots
      `</a>`, // end tag first
      `<a><!-- unterminated </a>`,
      `<a><![CDATA[ unterminated </a>`,
      `<a><!ENTITY x "y"></a>`,
      ``, // no root
      `<a`, // truncated
    ];
    for (const xml of bad) expect([xml, codeOf(() => tokens(xml))]).toEqual([xml, "bad-xml"]);
  });

  test("deep nesting is iterative and capped: no stack overflow, a clean bad-xml", () => {
    const n = 200000;
    const deep = "<a>".repeat(n) + "</a>".repeat(n);
    expect(codeOf(() => tokens(deep))).toBe("bad-xml");
    const ok = "<a>".repeat(1000) + "x" + "</a>".repeat(1000);
    expect(tokens(ok).filter((t) => t[0] === "text")).toEqual([["text", "x"]]);
  });

  test("decodeEntities leaves text without & untouched and decodes astral references", () => {
    expect(decodeEntities("plain")).toBe("plain");
    expect(decodeEntities("&#x1F600;")).toBe("😀");
  });

  test("decodeXmlBytes: UTF-8 with or without BOM, UTF-16 with BOM, invalid UTF-8 refused", () => {
    const utf8 = new TextEncoder().encode("<a>Hồng Lộc</a>");
    expect(decodeXmlBytes(utf8)).toBe("<a>Hồng Lộc</a>");
    expect(decodeXmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("<a>Hồng Lộc</a>");
    const s = "<a>ộ</a>";
    const u16 = new Uint8Array(2 + s.length * 2);
    u16[0] = 0xff;
    u16[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      u16[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      u16[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    expect(decodeXmlBytes(u16)).toBe(s);
    expect(codeOf(() => decodeXmlBytes(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0xfd])))).toBe("bad-xml");
  });

  // Speed is measured by `npm run bench`, never asserted here.
  test("a large document tokenizes completely", () => {
    const row = `<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">Xây dựng &amp; ban hành</w:t></w:r></w:p></w:tc></w:tr>`;
    const xml = `<w:tbl>${row.repeat(50000)}</w:tbl>`;
    let n = 0;
    const t = new XmlTokenizer(xml);
    for (let k = t.next(); k !== XML_END; k = t.next()) n++;
    expect(n).toBe(50000 * 15 + 2); // 7 elements (open + close) and one text per row
  });
});
