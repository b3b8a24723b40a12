/**
 * Native charts for the exceljs output, which cannot write charts: the parts are added to the
 * zip after exceljs wrote it (xl/charts/chartN.xml, xl/drawings/drawingN.xml and their rels,
 * [Content_Types].xml overrides, a <drawing r:id> in the sheet), so Excel and LibreOffice show a
 * real, live chart over the sheet's cells. Each series caches its values (ChartLayout.data), so
 * a reader that does not recalculate still draws it.
 */
import { strFromU8, strToU8 } from "fflate";
import { parseAddress, sheetRef } from "../layout/address";
import type { ChartLayout } from "../layout/types";
import { isRateChart } from "./chartLook";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const COLORS = ["0F6CBD", "C239B3", "107C10", "FFB900", "D13438", "038387"];

type Files = Record<string, Uint8Array>;

function qualify(sheetName: string, ref: string): string {
  return ref.includes("!") ? ref : sheetRef(sheetName, ref);
}

export function chartXml(chart: ChartLayout, sheetName: string): string {
  const rate = isRateChart(chart);
  const fmt = rate ? "0%" : "General";
  const barDir = chart.type === "barClustered" ? "bar" : "col";
  const grouping = chart.type === "columnStacked" ? "stacked" : "clustered";
  const cats = chart.data?.categories ?? [];
  const series = chart.series
    .map((s, i) => {
      const values = chart.data?.series[i]?.values ?? [];
      const strCache = `<c:strCache><c:ptCount val="${cats.length}"/>${cats.map((c, k) => `<c:pt idx="${k}"><c:v>${esc(String(c))}</c:v></c:pt>`).join("")}</c:strCache>`;
      const numCache = `<c:numCache><c:formatCode>${rate ? "0.0%" : "General"}</c:formatCode><c:ptCount val="${values.length}"/>${values
        .map((v, k) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : ""))
        .join("")}</c:numCache>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLORS[i % COLORS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="${rate ? "0%" : "General"}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat><c:strRef><c:f>${esc(qualify(sheetName, chart.categories))}</c:f>${strCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(qualify(sheetName, s.values))}</c:f>${numCache}</c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1">` +
    `<a:latin typeface="Times New Roman"/></a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const axisText = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${barDir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/>${grouping === "stacked" ? '<c:overlap val="100"/>' : ""}<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${barDir === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${barDir === "bar" ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${rate ? '<c:max val="1"/><c:min val="0"/>' : ""}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${barDir === "bar" ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${axisText}<c:crossAx val="50010"/><c:crosses val="${barDir === "bar" ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${axisText}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr></c:chartSpace>`
  );
}

function anchorXml(chart: ChartLayout, index: number, relId: string): string {
  const from = parseAddress(chart.from);
  const to = parseAddress(chart.to);
  const pos = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(from.col, from.row)}</xdr:from><xdr:to>${pos(to.col + 1, to.row + 1)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${esc(`Biểu đồ ${index + 1}`)}" descr="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function read(files: Files, path: string): string | null {
  const f = files[path];
  return f ? strFromU8(f) : null;
}

/** "worksheets/sheet3.xml" (relative to xl/) of each sheet name, from workbook.xml and its rels. */
export function sheetPaths(files: Files): Map<string, string> {
  const wb = read(files, "xl/workbook.xml") ?? "";
  const rels = read(files, "xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && rid && targets.has(rid)) out.set(unescapeXml(name), `xl/${targets.get(rid)}`);
  }
  return out;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

function nextFree(files: Files, dir: string, stem: string): number {
  let n = 1;
  while (files[`${dir}/${stem}${n}.xml`]) n++;
  return n;
}

function addOverride(files: Files, partName: string, contentType: string): void {
  let ct = read(files, "[Content_Types].xml") ?? "";
  if (ct.includes(`PartName="${partName}"`)) return;
  ct = ct.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
  files["[Content_Types].xml"] = strToU8(ct);
}

/** Adds a relationship to a .rels part (created if absent); returns its id. */
export function addRelationship(files: Files, relsPath: string, type: string, target: string): string {
  let xml = read(files, relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  xml = xml.replace(/<Relationships([^>]*?)\/>/, "<Relationships$1></Relationships>");
  const used = new Set([...xml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rIdCchc${n}`)) n++;
  const id = `rIdCchc${n}`;
  xml = xml.replace(/<\/Relationships>\s*$/, `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  files[relsPath] = strToU8(xml);
  return id;
}

/** Elements that must come after <drawing> in a worksheet (CT_Worksheet order). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function insertDrawing(sheetXml: string, relId: string): string {
  if (!/xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet")) + 1))) {
    sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  }
  const tag = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s>/]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  return sheetXml.slice(0, at) + tag + sheetXml.slice(at);
}

/**
 * Adds the charts of each named sheet to an unzipped xlsx (in place). Sheets not found are
 * skipped; a sheet that already has a drawing keeps it and is skipped too.
 */
export function injectCharts(files: Files, sheets: ReadonlyArray<{ name: string; charts: readonly ChartLayout[] }>): void {
  const paths = sheetPaths(files);
  for (const sheet of sheets) {
    if (!sheet.charts.length) continue;
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath || !files[sheetPath]) continue;
    let sheetXml = strFromU8(files[sheetPath]);
    if (/<drawing\s/.test(sheetXml)) continue;
    const d = nextFree(files, "xl/drawings", "drawing");
    const drawingPath = `xl/drawings/drawing${d}.xml`;
    const drawingRels = `xl/drawings/_rels/drawing${d}.xml.rels`;
    const anchors: string[] = [];
    sheet.charts.forEach((chart, i) => {
      const c = nextFree(files, "xl/charts", "chart");
      files[`xl/charts/chart${c}.xml`] = strToU8(chartXml(chart, sheet.name));
      addOverride(files, `/xl/charts/chart${c}.xml`, CT_CHART);
      const rel = addRelationship(files, drawingRels, REL_CHART, `../charts/chart${c}.xml`);
      anchors.push(anchorXml(chart, i, rel));
    });
    files[drawingPath] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`);
    addOverride(files, `/xl/drawings/drawing${d}.xml`, CT_DRAWING);
    const dir = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const file = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
    const relId = addRelationship(files, `${dir}/_rels/${file}.rels`, REL_DRAWING, `../drawings/drawing${d}.xml`);
    sheetXml = insertDrawing(sheetXml, relId);
    files[sheetPath] = strToU8(sheetXml);
  }
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/"));
const relsPathOf = (path: string) => `${dirOf(path)}/_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`;

/** A relationship target (relative to `fromDir`, or absolute from the package root) as a part path. */
function resolvePart(fromDir: string, target: string): string {
  const parts = target.startsWith("/") ? [] : fromDir.split("/");
  for (const p of target.replace(/^\//, "").split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** `to` relative to the directory `fromDir` ("xl/drawings", "xl/charts/chart3.xml" → "../charts/chart3.xml"). */
function relativePart(fromDir: string, to: string): string {
  const a = fromDir.split("/");
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/**
 * The drawings (charts, pictures) of sheets an .xlsx rewrite left in place, carried from the file
 * as it was into the rewritten one (in place): exceljs drops charts when it rewrites a workbook, so
 * a report sheet's chart, or a chart a person drew on their own sheet, would be lost by an
 * operation that rewrote only other sheets. `sheets` pairs a sheet's name before and after (a
 * person's sheet renamed aside keeps its drawing). A sheet that already has a drawing is left alone.
 */
export function carryDrawings(original: Files, files: Files, sheets: ReadonlyArray<{ from: string; to: string }>): void {
  const before = sheetPaths(original);
  const after = sheetPaths(files);
  const types = read(original, "[Content_Types].xml") ?? "";
  const copied = new Map<string, string>();
  const copy = (path: string): string | null => {
    if (copied.has(path)) return copied.get(path)!;
    if (!original[path]) return null;
    const dir = dirOf(path);
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(path.slice(dir.length + 1));
    const [stem, ext] = m ? [m[1], m[3]] : [path.slice(dir.length + 1), ""];
    let n = 1;
    while (files[`${dir}/${stem}${n}${ext}`]) n++;
    const next = `${dir}/${stem}${n}${ext}`;
    copied.set(path, next);
    files[next] = original[path];
    const override = new RegExp(`<Override\\b[^>]*PartName="/${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*ContentType="([^"]+)"`).exec(types);
    if (override) addOverride(files, `/${next}`, override[1]);
    else if (ext) {
      const def = new RegExp(`<Default\\b[^>]*Extension="${ext.slice(1)}"[^>]*/>`, "i").exec(types);
      const ct = read(files, "[Content_Types].xml") ?? "";
      if (def && !new RegExp(`Extension="${ext.slice(1)}"`, "i").test(ct)) files["[Content_Types].xml"] = strToU8(ct.replace(/<Types([^>]*)>/, `<Types$1>${def[0]}`));
    }
    const rels = read(original, relsPathOf(path));
    if (rels) {
      const rewritten = rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
        const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
        if (!target || /\bTargetMode="External"/.test(tag)) return tag;
        const child = copy(resolvePart(dir, target));
        return child ? tag.replace(/\bTarget="[^"]+"/, `Target="${relativePart(dirOf(next), child)}"`) : tag;
      });
      files[relsPathOf(next)] = strToU8(rewritten);
    }
    return next;
  };
  for (const { from, to } of sheets) {
    const was = before.get(from);
    const now = after.get(to);
    if (!was || !now || !files[now]) continue;
    const rid = /<drawing\s+r:id="([^"]+)"/.exec(read(original, was) ?? "")?.[1];
    if (!rid || /<drawing\s/.test(read(files, now) ?? "")) continue;
    const rel = [...(read(original, relsPathOf(was)) ?? "").matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => new RegExp(`\\bId="${rid}"`).test(t));
    const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
    const drawing = target ? copy(resolvePart(dirOf(was), target)) : null;
    if (!drawing) continue;
    const relId = addRelationship(files, relsPathOf(now), REL_DRAWING, relativePart(dirOf(now), drawing));
    files[now] = strToU8(insertDrawing(read(files, now)!, relId));
  }
}
