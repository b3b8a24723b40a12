/**
 * What the panels' buttons do on the page: the application's operations (src/app/operations.ts,
 * the same as the task pane's) on the workbook held in memory (fileWorkbook.ts) through the .xlsx
 * adapter. Loaded on first use (its own chunk: exceljs, the readers and the layout live here).
 * What a file has no part in — a selection, a cell to go to, edits to watch — is said plainly.
 */
import { createOperations, type OperationsHost } from "../app/operations";
import { readWorkbook } from "../app/readWorkbook";
import type { WorkbookPort } from "../app/port";
import { xlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { CchcError } from "../core/errors";
import { communeSlug } from "../export/districtExport";
import type { Ops } from "../taskpane/state";
import { blobUrl } from "../adapters/xlsx/download";
import { currentWorkbook, setWorkbook } from "./fileWorkbook";

/** A failure the panels show as it is (the product's one error type: describeError reads its messages). */
function failure(code: string, vi: string, en: string): CchcError {
  return new CchcError(code, { vi, en });
}

/**
 * The workbook in memory as a port: reading what is there (nothing before a plan is imported or a
 * workbook opened), and each write replacing it, marked as changed until it is downloaded. A new
 * workbook is named after its commune and year.
 */
function memoryWorkbook(): WorkbookPort {
  const file = () => xlsxWorkbook(currentWorkbook()?.bytes ?? null);
  return {
    read: () => file().read(),
    async apply(layout, options) {
      const before = currentWorkbook();
      const target = file();
      const applied = await target.apply(layout, options);
      const bytes = target.bytes()!;
      let name = before?.name;
      if (!name) {
        const { model } = await readWorkbook(target);
        name = `ke-hoach-cchc-${communeSlug(model.settings.commune || model.settings.unit)}-${model.settings.year}.xlsx`;
      }
      setWorkbook({ name, bytes, changed: true });
      return applied;
    },
  };
}

export const pageHost: OperationsHost = {
  workbook: memoryWorkbook,
  async readSelection() {
    throw failure("no-selection", "Trang này không có vùng chọn của Excel: hãy lưu vùng đó thành tệp .xlsx rồi chọn tệp.", "This page has no Excel selection: save the range as an .xlsx file and choose that file.");
  },
  selectedCell: async () => null,
  async goToCell(reference) {
    throw failure(
      "no-cell-selection",
      `Trang này không mở được ô trong Excel. Hãy tải sổ về, mở bằng Excel hoặc LibreOffice rồi tới ô ${reference}.`,
      `This page cannot select a cell in Excel. Download the workbook, open it in Excel or LibreOffice, and go to ${reference}.`,
    );
  },
  // A file does not change under the page: nothing to watch.
  watchPlanEdits: async () => null,
  deliver: async (file) => ({ fileName: file.fileName, opened: false, url: blobUrl(file.bytes), bytes: file.bytes.length }),
};

/** Opens a workbook the product made; anything else is refused with what to do instead. */
export async function openWorkbook(name: string, bytes: Uint8Array): Promise<void> {
  try {
    await readWorkbook(xlsxWorkbook(bytes));
  } catch (e) {
    const why = e as Partial<CchcError>;
    throw failure(
      "not-product-workbook",
      `Tệp "${name}" không phải sổ kế hoạch do phần bổ trợ hoặc lệnh cchc tạo (${why.messageVi ?? "không đọc được"}). Nếu đó là phụ lục kế hoạch (.docx hoặc bảng .xlsx), hãy nhập nó ở mục Nhập.`,
      `"${name}" is not a plan workbook made by the add-in or the cchc command (${why.messageEn ?? "unreadable"}). If it is a plan appendix (.docx or an .xlsx table), import it from the Import tab.`,
    );
  }
  setWorkbook({ name, bytes, changed: false });
}

export const fileOps: Ops = createOperations(pageHost);
export const {
  readWorkbookState, previewImport, applyImport, runChecks, watchPlanEdits, goToCell, activityAtSelection, addLogEntry, buildReport,
  exportForDistrict, describeCommuneFiles, rollupCommunes, saveSettings,
} = fileOps;
