import { listIndicators } from "../../src/core/indicatorList";
import { parsePeriodToken } from "../../src/core/periods";
import { reportSheetWithInfo } from "../../src/layout/reportSheet";
import { demoLog, demoModel } from "./fixtures";

describe("section IV of the report of an imported appendix (no indicators in the plan's body)", () => {
  test("lists the targets the Chỉ tiêu sheet read from the appendix, not 'no quantitative targets'", () => {
    const base = demoModel("custom");
    const model = { ...base, plan: { ...base.plan, indicators: [] } };
    const listed = listIndicators(model.plan);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((i) => i.origin === "appendix")).toBe(true);
    const { sheet, info } = reportSheetWithInfo({ model, log: demoLog(), period: parsePeriodToken("Q2-2024") });
    expect(info.report.indicators.map((i) => i.id)).toEqual(listed.map((i) => i.id));
    const table = sheet.tables.find((t) => t.name.endsWith("ChiTieu"))!;
    expect(table.rows.map((r) => r[1].v)).toEqual(listed.map((i) => i.text));
    expect(JSON.stringify(sheet)).not.toContain("Kế hoạch không có chỉ tiêu định lượng");
  });

  test("a plan that states its targets in the body keeps listing only those (appendix ones once they have figures)", () => {
    const model = demoModel("custom");
    const { info } = reportSheetWithInfo({ model, log: demoLog(), period: parsePeriodToken("Q2-2024") });
    const bodyIds = listIndicators(model.plan).filter((i) => i.origin === "body").map((i) => i.id);
    expect(info.report.indicators.map((i) => i.id)).toEqual(expect.arrayContaining(bodyIds));
  });
});
