/** OWNER: names as written → the canonical unit, through core's matcher. */
import * as F from "../../src/functions/functions";
import { unitsToSheetRows, DEFAULT_UNITS } from "../../src/core/units";
import { codes, col, err, expectBilingual, one } from "./helpers";

describe("CCHC.OWNER", () => {
  test("the many spellings of one unit give its canonical name", () => {
    const tp = one(F.owner([["Tư pháp - Hộ tịch"]]));
    expect(one(F.owner([["TP-HT"]]))).toBe(tp);
    expect(one(F.owner([["Tư pháp"]]))).toBe(tp);
    expect(one(F.owner([["tư pháp – hộ tịch"]]))).toBe(tp);
    expect(one(F.owner([["Công chức Tư pháp-Hộ tịch"]]))).toBe(tp);
    const vh = one(F.owner([["Văn hóa - Xã hội"]]));
    expect(one(F.owner([["Văn hoá - Xã hội"]]))).toBe(vh);
  });

  test("unknown names are #N/A naming the closest suggestion", () => {
    const e = err(F.owner([["Văn phòng thống kee"]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/có phải “Văn phòng - Thống kê”\?/);
    expect(e.message).toMatch(/did you mean/);
    expectBilingual(e.message);
    const none = err(F.owner([["Hợp tác xã nông nghiệp Quyết Thắng"]]));
    expect(none.code).toBe("#N/A");
    expectBilingual(none.message);
  });

  test("blank → blank; a Chủ trì column in one call", () => {
    const r = codes(F.owner(col("VP-TK", "", "Công an xã", "xyz", "Địa chính")));
    expect(r).toHaveLength(5);
    expect(r[1][0]).toBe("");
    expect(r[3][0]).toBe("#N/A");
    expect(typeof r[0][0]).toBe("string");
    expect(r[2][0]).toMatch(/Công an/);
  });

  test("the Đơn vị sheet's range replaces the built-in directory", () => {
    const rows = unitsToSheetRows([
      ...DEFAULT_UNITS,
      { name: "Hợp tác xã Quyết Thắng", aliases: ["HTX Quyết Thắng"], abbreviations: ["HTXQT"], kind: "outside" },
    ]);
    expect(one(F.owner([["HTXQT"]], rows))).toBe("Hợp tác xã Quyết Thắng");
    expect(one(F.owner([["htx quyết thắng"]], rows))).toBe("Hợp tác xã Quyết Thắng");
    expect(err(F.owner([["HTXQT"]])).code).toBe("#N/A");
    expect(() => F.owner([["x"]], [["Tên đơn vị"], [""]])).toThrow(/không có tên đơn vị/);
  });
});
