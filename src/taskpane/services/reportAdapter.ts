/**
 * Report sheets in the live workbook: which period a report sheet is (from its name, as
 * core/periods reads sheet names), the texts a person edited on it (number line, date line,
 * signer, recipients, remarks: kept across rebuilds), and the layouts to (re)write.
 */
import { parsePeriodToken, type Period } from "../../core/periods";
import type { LogEntry } from "../../core/progress";
import type { WorkbookModel } from "../../layout/model";
import { reportSheetWithInfo, type ReportFields } from "../../layout/reportSheet";
import type { SheetLayout } from "../../layout/types";
import type { Message } from "../../render/officejs/render";

export function periodOfSheet(name: string, model: WorkbookModel): Period | null {
  try {
    return parsePeriodToken(name, { startDay: model.settings.cutoffStartDay, endDay: model.settings.cutoffEndDay });
  } catch {
    return null;
  }
}

/** Reads the editable texts of existing report sheets (one sync for all of them). */
export async function readReportFields(ctx: Excel.RequestContext, model: WorkbookModel, log: readonly LogEntry[], sheets: string[]): Promise<Map<string, ReportFields>> {
  const pending: Array<{ name: string; load: () => ReportFields }> = [];
  for (const name of sheets) {
    const period = periodOfSheet(name, model);
    if (!period) continue;
    let info;
    try {
      info = reportSheetWithInfo({ model, log, period }).info;
    } catch {
      continue;
    }
    const ws = ctx.workbook.worksheets.getItem(name);
    const cell = (a1: string) => {
      const r = ws.getRange(a1);
      r.load("values");
      return r;
    };
    const number = cell(info.fieldCells.number);
    const dateLine = cell(info.fieldCells.dateLine);
    const signer = cell(info.fieldCells.signer);
    const remarks = cell(info.fieldCells.remarks);
    const recipients = info.fieldCells.recipients.map(cell);
    const text = (r: Excel.Range) => {
      const v = r.values?.[0]?.[0];
      return v === null || v === undefined ? "" : String(v);
    };
    pending.push({
      name,
      load: () => ({ number: text(number), dateLine: text(dateLine), signer: text(signer), remarks: text(remarks), recipients: recipients.map(text).filter((x) => x.trim()) }),
    });
  }
  if (!pending.length) return new Map();
  await ctx.sync();
  const out = new Map<string, ReportFields>();
  for (const p of pending) out.set(p.name, p.load());
  return out;
}

export function reportSheetsToRebuild(model: WorkbookModel, log: readonly LogEntry[], names: string[], fields: Map<string, ReportFields> = new Map()): { sheets: SheetLayout[]; messages: Message[] } {
  const sheets: SheetLayout[] = [];
  const messages: Message[] = [];
  for (const name of names) {
    const period = periodOfSheet(name, model);
    if (!period) {
      messages.push({
        vi: `Không nhận ra kỳ báo cáo của trang "${name}", nên trang này không được lập lại; các công thức của nó có thể báo lỗi #REF!. Hãy lập lại báo cáo kỳ đó ở mục Báo cáo.`,
        en: `The period of sheet "${name}" was not recognised, so it was not rebuilt; its formulas may show #REF!. Rebuild that report from the Report tab.`,
      });
      continue;
    }
    sheets.push(reportSheetWithInfo({ model, log, period, fields: fields.get(name) }).sheet);
  }
  return { sheets, messages };
}

export function reportLayout(model: WorkbookModel, log: readonly LogEntry[], period: Period, fields?: ReportFields) {
  return reportSheetWithInfo({ model, log, period, fields });
}
