import { activityName, splitSuggestion } from "../../src/taskpane/components/labels";
import { choiceOf, initialPeriod, tokenOf } from "../../src/taskpane/components/PeriodPicker";

describe("what the pane shows people", () => {
  test("an activity by its number and name, never its id", () => {
    const a = { id: "I-s0z7e", group: "I", no: "3.6", activity: "Tổ chức kiểm tra công tác cải cách hành chính tại các bộ phận" };
    expect(activityName(a, 30)).toBe("I 3.6 · Tổ chức kiểm tra công tác cải…");
    expect(activityName(a)).not.toContain("s0z7e");
  });
  test("a check's suggestion in one language", () => {
    expect(splitSuggestion("Thêm vào trang Đơn vị / add it to the Đơn vị sheet")).toEqual({ vi: "Thêm vào trang Đơn vị", en: "add it to the Đơn vị sheet" });
    expect(splitSuggestion('Có phải "Công an xã"? / Did you mean "Công an xã"?').en).toBe('Did you mean "Công an xã"?');
  });
  test("the period picker gives the command's tokens, and dd/mm/yyyy ad hoc dates", () => {
    const p = initialPeriod(2025);
    expect("choice" in choiceOf(p) && tokenOf((choiceOf(p) as any).choice)).toBe("Q2-2025");
    const adhoc = choiceOf({ ...p, kind: "adhoc", start: "01/03/2025", end: "15/04/2025" });
    expect("choice" in adhoc && tokenOf(adhoc.choice)).toBe("2025-03-01..2025-04-15");
    expect(choiceOf({ ...p, kind: "adhoc", start: "15/04/2025", end: "01/03/2025" })).toHaveProperty("error");
    expect(choiceOf({ ...p, year: "25" })).toHaveProperty("error");
  });
});
