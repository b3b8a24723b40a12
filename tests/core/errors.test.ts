/**
 * One error type (issue 12 item 4): every failure the product raises is a CchcError with a code
 * and a Vietnamese and an English message, whatever module raised it, and keeps the fields its
 * callers read (ImportError's code, RenderError's step and unchanged flag, the missing table).
 */
import { CchcError } from "../../src/core/errors";
import { ImportError, errors } from "../../src/import/errors";
import { RenderError } from "../../src/render/officejs/render";
import { SelectionError } from "../../src/adapters/officejs/selection";
import { XlsxFile, XlsxReadError } from "../../src/export/xlsxCells";
import { noPlan } from "../../src/taskpane/services/ops";

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

const bilingual = { messageVi: expect.stringMatching(/\S/), messageEn: expect.stringMatching(/\S/) };

describe("the product's errors are CchcErrors", () => {
  it.each([
    ["ImportError", () => errors.empty("file"), "empty"],
    ["RenderError", () => new RenderError("write", "Đã hủy.", "Cancelled.", { unchanged: true, cancelled: true }), "cancelled"],
    ["SelectionError", () => new SelectionError("Vùng chọn trống.", "The selection is empty."), "bad-selection"],
    ["XlsxReadError", () => caught(() => XlsxFile.open(new Uint8Array([1, 2, 3, 4, 5]))), "unreadable-xlsx"],
    ["the pane's no-plan", () => noPlan(), "no-plan"],
  ])("%s", (_name, make, code) => {
    const e = make();
    expect(e).toBeInstanceOf(CchcError);
    expect(e).toMatchObject({ code, ...bilingual });
  });

  it("keeps the subclasses' own fields and messages", () => {
    const r = new RenderError("swap", "Lỗi.", "Failed.", { unchanged: false, detail: "x" });
    expect(r).toMatchObject({ code: "render-swap", step: "swap", unchanged: false, cancelled: false, detail: "x", message: "Lỗi. / Failed. [x]" });
    expect(errors.empty("file")).toBeInstanceOf(ImportError);
    expect(caught(() => XlsxFile.open(new Uint8Array([1, 2, 3, 4, 5])))).toBeInstanceOf(XlsxReadError);
  });
});
