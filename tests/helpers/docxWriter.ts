/**
 * Test helper: builds a real .docx (fflate zipSync: [Content_Types].xml, _rels/.rels,
 * word/document.xml, word/_rels/document.xml.rels, word/styles.xml) from a description of paragraphs and tables,
 * with real w:gridSpan / w:vMerge merges, optional w:sdt and w:customXml wrappers, w:gridBefore /
 * w:gridAfter, runs split mid-word with w:proofErr and bookmarks between them, several
 * paragraphs per cell, tabs and line breaks, and nested tables. Also `planToDocx`, which writes
 * a plan's appendix the way Word documents hold it (objective and task cells merged vertically
 * over their activities, group rows spanning the table).
 */
import { strToU8, zipSync } from "fflate";
import type { Activity, Group } from "../../src/core/plan";

export interface CellObject {
  /** Paragraphs: "\n" separates paragraphs, "\r" is a w:br inside one, "\t" a w:tab. */
  text?: string;
  span?: number;
  vMerge?: "restart" | "continue";
  /** Wrap the cell in a content control (w:sdt/w:sdtContent). */
  sdt?: boolean;
  /** Wrap the cell in w:customXml. */
  customXml?: boolean;
  /** A table nested in the cell, after its paragraphs. */
  nested?: TableSpec;
  /** Raw XML of the cell's content (paragraphs), used instead of `text`. */
  xml?: string;
  /** Split every paragraph's text into runs of this many characters (overrides the document's). */
  split?: number;
}
export type CellSpec = string | CellObject;

export interface RowObject {
  cells: CellSpec[];
  gridBefore?: number;
  gridAfter?: number;
  /** Wrap the whole row in a content control. */
  sdt?: boolean;
  /** Mark as a header row repeated on every page (w:tblHeader). */
  header?: boolean;
}
export type RowSpec = CellSpec[] | RowObject;

export interface TableSpec {
  rows: RowSpec[];
  /** Number of w:gridCol entries (default: the widest row). */
  cols?: number;
}

export type BlockSpec = string | { p: string } | { table: TableSpec } | { xml: string };

export interface DocxSpec {
  body: BlockSpec[];
  /** Split every text into runs of this many characters, with w:proofErr and bookmarks between (default: no split). */
  splitRuns?: number;
  /** Replace word/document.xml entirely. */
  documentXml?: string;
  /** Replace [Content_Types].xml (null: leave it out). */
  contentTypes?: string | null;
  /** Leave word/document.xml out. */
  omitDocument?: boolean;
  /** Extra entries. */
  extraFiles?: Record<string, string | Uint8Array>;
}

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

let bookmarkId = 0;

function runsXml(text: string, split: number): string {
  // "\t" → w:tab, "\r" → w:br; text pieces split into runs of `split` characters.
  const out: string[] = [];
  const tokens = text.split(/(\t|\r)/);
  for (const tok of tokens) {
    if (tok === "\t") out.push("<w:r><w:tab/></w:r>");
    else if (tok === "\r") out.push("<w:r><w:br/></w:r>");
    else if (tok) {
      const chars = Array.from(tok);
      const size = split > 0 ? split : chars.length;
      for (let i = 0; i < chars.length; i += size) {
        const piece = chars.slice(i, i + size).join("");
        if (split > 0 && i > 0) {
          const id = bookmarkId++;
          out.push(i % (2 * size) === 0 ? `<w:proofErr w:type="spellStart"/>` : `<w:bookmarkStart w:id="${id}" w:name="_bm${id}"/><w:bookmarkEnd w:id="${id}"/>`);
        }
        out.push(`<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${split > 0 && i % 2 ? "<w:b/>" : ""}<w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`);
      }
    }
  }
  return out.join("");
}

export function paragraphXml(text: string, split = 0): string {
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/><w:rPr><w:sz w:val="26"/></w:rPr></w:pPr>${runsXml(text, split)}</w:p>`;
}

function cellObject(c: CellSpec): CellObject {
  return typeof c === "string" ? { text: c } : c;
}

function rowObject(r: RowSpec): RowObject {
  return Array.isArray(r) ? { cells: r } : r;
}

function tableXml(t: TableSpec, split: number): string {
  const rows = t.rows.map(rowObject);
  const width = t.cols ?? Math.max(1, ...rows.map((r) => (r.gridBefore ?? 0) + (r.gridAfter ?? 0) + r.cells.map(cellObject).reduce((n, c) => n + (c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${Array.from({ length: width }, () => `<w:gridCol w:w="1200"/>`).join("")}</w:tblGrid>`;
  const body = rows
    .map((r) => {
      const trPr = [r.gridBefore ? `<w:gridBefore w:val="${r.gridBefore}"/>` : "", r.gridAfter ? `<w:gridAfter w:val="${r.gridAfter}"/>` : "", r.header ? "<w:tblHeader/>" : "", "<w:cantSplit/>"].join("");
      const cells = r.cells
        .map(cellObject)
        .map((c) => {
          const tcPr = `<w:tcPr><w:tcW w:w="${1200 * (c.span ?? 1)}" w:type="dxa"/>${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ""}${c.vMerge === "restart" ? `<w:vMerge w:val="restart"/>` : c.vMerge === "continue" ? "<w:vMerge/>" : ""}<w:vAlign w:val="center"/></w:tcPr>`;
          const paras = c.xml ?? (c.text ?? "").split("\n").map((p) => paragraphXml(p, c.split ?? split)).join("");
          const nested = c.nested ? tableXml(c.nested, split) + "<w:p/>" : "";
          let tc = `<w:tc>${tcPr}${paras || (nested ? "" : "<w:p/>")}${nested}</w:tc>`;
          if (c.customXml) tc = `<w:customXml w:uri="urn:x" w:element="cell">${tc}</w:customXml>`;
          if (c.sdt) tc = `<w:sdt><w:sdtPr><w:alias w:val="Ô"/><w:id w:val="${bookmarkId++}"/></w:sdtPr><w:sdtContent>${tc}</w:sdtContent></w:sdt>`;
          return tc;
        })
        .join("");
      let tr = `<w:tr><w:trPr>${trPr}</w:trPr>${cells}</w:tr>`;
      if (r.sdt) tr = `<w:sdt><w:sdtPr><w:id w:val="${bookmarkId++}"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>${tr}</w:sdtContent></w:sdt>`;
      return tr;
    })
    .join("");
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr>${grid}${body}</w:tbl>`;
}

const NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"';

export function documentXml(spec: Pick<DocxSpec, "body" | "splitRuns">): string {
  const split = spec.splitRuns ?? 0;
  const blocks = spec.body
    .map((b) => {
      if (typeof b === "string") return paragraphXml(b, split);
      if ("p" in b) return paragraphXml(b.p, split);
      if ("xml" in b) return b.xml;
      return tableXml(b.table, split) + "<w:p/>";
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${blocks}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

export const CONTENT_TYPES_DOCX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="26"/></w:rPr></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>' +
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style></w:styles>';

/** A real .docx from a description. */
export function buildDocx(spec: DocxSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  if (spec.contentTypes !== null) files["[Content_Types].xml"] = strToU8(spec.contentTypes ?? CONTENT_TYPES_DOCX);
  files["_rels/.rels"] = strToU8(ROOT_RELS);
  if (!spec.omitDocument) {
    files["word/document.xml"] = strToU8(spec.documentXml ?? documentXml(spec));
    files["word/_rels/document.xml.rels"] = strToU8(DOC_RELS);
    files["word/styles.xml"] = strToU8(STYLES);
  }
  for (const [name, data] of Object.entries(spec.extraFiles ?? {})) files[name] = typeof data === "string" ? strToU8(data) : data;
  return zipSync(files, { level: 6 });
}

// ---------------------------------------------------------------------------------------------
// A plan's appendix as Word holds it.

export const SEED_HEADER = ["TT", "1- Mục tiêu/Chỉ tiêu/nội dung", "2- Nhiệm vụ", "3- Hoạt động", "4- Kết quả, sản phẩm", "5- Chủ trì", "6- Phối hợp", "7- Thời gian hoàn thành", "8- Kinh phí"];

export interface PlanDocxOptions {
  /** Title paragraphs before the table. */
  title?: string[];
  /** Put consecutive numbered activities that share every other field in one cell (one paragraph each, or inline). */
  combine?: "none" | "paragraphs" | "inline";
  /** Add the "(1) (2) …" numbering row under the header. */
  numberingRow?: boolean;
  splitRuns?: number;
}

function numbered(no: string, text: string): string {
  if (!no) return text;
  return text ? `${no}. ${text}` : `${no}.`;
}

/** The cell rows of the appendix table for these groups and activities (one row per grid row). */
export function appendixRows(groups: Group[], activities: Activity[], opts: Pick<PlanDocxOptions, "combine" | "numberingRow"> = {}): RowSpec[] {
  const rows: RowSpec[] = [SEED_HEADER.map((h) => ({ text: h }))];
  if (opts.numberingRow) rows.push(SEED_HEADER.map((_, i) => `(${i + 1})`));
  for (const g of groups) {
    const letter = /\.([A-Z])$/.exec(g.id);
    rows.push([{ text: letter ? letter[1] : g.id }, { text: g.title, span: 8 }]);
    const acts = activities.filter((a) => a.group === g.id);
    // Rows: consecutive activities sharing everything but the activity may share one cell.
    const lines: Activity[][] = [];
    for (const a of acts) {
      const prev = lines[lines.length - 1];
      const last = prev?.[prev.length - 1];
      const same =
        opts.combine && opts.combine !== "none" && last &&
        (["objectiveNo", "objective", "taskNo", "task", "output", "lead", "partners", "deadline", "budget"] as const).every((f) => last[f] === a[f]) &&
        /^\d+\.\d+$/.test(a.activityNo) && /^\d+\.\d+$/.test(last.activityNo) &&
        a.activityNo.split(".")[0] === last.activityNo.split(".")[0] && Number(a.activityNo.split(".")[1]) > Number(last.activityNo.split(".")[1]) &&
        (opts.combine === "paragraphs" || /^\p{Lu}/u.test(a.activity));
      if (same) prev.push(a);
      else lines.push([a]);
    }
    let objectiveCount = 0;
    lines.forEach((line, i) => {
      const a = line[0];
      const before = i > 0 ? lines[i - 1][0] : null;
      const sameObjective = before !== null && before.objectiveNo === a.objectiveNo && before.objective === a.objective;
      const sameTask = sameObjective && before!.taskNo === a.taskNo && before!.task === a.task;
      if (!sameObjective) objectiveCount++;
      const activityText = line.map((x) => numbered(x.activityNo, x.activity)).join(opts.combine === "inline" ? " " : "\n");
      rows.push([
        sameObjective ? { vMerge: "continue" } : { text: String(objectiveCount), vMerge: "restart" },
        sameObjective ? { vMerge: "continue" } : { text: numbered(a.objectiveNo, a.objective), vMerge: "restart" },
        sameTask ? { vMerge: "continue" } : { text: a.taskNo.includes(",") ? a.task : numbered(a.taskNo, a.task), vMerge: "restart" },
        { text: activityText },
        { text: a.output },
        { text: a.lead },
        { text: a.partners },
        { text: a.deadline },
        { text: a.budget },
      ]);
    });
  }
  return rows;
}

/** The appendix of a plan as a .docx: title paragraphs, then the table. */
export function planToDocx(plan: { groups: Group[]; activities: Activity[] }, opts: PlanDocxOptions = {}): Uint8Array {
  const title = opts.title ?? [];
  return buildDocx({ body: [...title, { table: { rows: appendixRows(plan.groups, plan.activities, opts) } }], splitRuns: opts.splitRuns });
}
