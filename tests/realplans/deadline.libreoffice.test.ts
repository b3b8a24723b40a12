/**
 * The plan sheet's status formula (native mode: Excel 2016/2019, files for the level above) over
 * every deadline text of the real 2025 plans, recalculated by LibreOffice: it gives the status
 * core computes (the cached value) for the new kinds too — open-ended starts not yet started,
 * yearly deadlines, events with a start, durations, multi-year periods — at two as-of dates.
 * Skips (with a message) when soffice is missing, except under CI=true, where it fails.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import type { Plan } from "../../src/core/plan";
import { defaultSettings } from "../../src/core/settings";
import { STATUS_LABELS } from "../../src/core/status";
import type { WorkbookModel } from "../../src/layout/model";
import { PLAN_COLUMNS, PLAN_SHEET } from "../../src/layout/planColumns";
import { deriveActivity } from "../../src/layout/planSheet";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import { writeXlsx } from "../../src/render/exceljs";
import { phrasingActivities, phrasings } from "./deadlinePhrasings";
import { CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, sheetCsvs, soffice } from "../helpers/libreoffice";

const maybe = libreOfficeAvailable("tests/realplans/deadline.libreoffice.test.ts") ? describe : describe.skip;

maybe("the plan's status formula over the real plans' deadlines, in LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-deadlines-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const texts = phrasings();
  const plan: Plan = {
    ...HONG_LOC_2024, year: 2025, decision: undefined, indicators: [],
    activities: phrasingActivities(),
  };
  // a few completed, on time and late, so the done branches are exercised too
  const progress: WorkbookModel["progress"] = {};
  plan.activities.forEach((a, i) => {
    if (i % 9 === 4) progress[a.id] = { completedOn: i % 2 ? "2025-03-10" : "2025-12-20" };
  });
  const asOfs = ["2025-06-14", "2026-01-15"];
  const models = asOfs.map((asOf): WorkbookModel => ({ plan, settings: defaultSettings(plan, asOf), progress, mode: "native" }));
  const recalc = new Map<string, string[][]>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const [i, model] of models.entries()) {
      const file = path.join(dir, `asof${i}.xlsx`);
      fs.writeFileSync(file, await writeXlsx(buildWorkbookLayout(model)));
      files.push(file);
    }
    soffice(libreOfficeProfile(true), CSV_ALL_SHEETS, path.join(dir, "recalc"), files);
    models.forEach((_, i) => recalc.set(asOfs[i], sheetCsvs(path.join(dir, "recalc"), `asof${i}`).get(PLAN_SHEET)!));
  }, 300_000);

  it.each(asOfs)("as of %s, every row's status is the one core computes", (asOf) => {
    const model = models[asOfs.indexOf(asOf)];
    const rows = recalc.get(asOf)!;
    const status = PLAN_COLUMNS.findIndex((c) => c.key === "status");
    const deadline = PLAN_COLUMNS.findIndex((c) => c.key === "deadline");
    const got = rows.filter((r) => texts.includes(r[deadline])).map((r) => [r[deadline], r[status]]);
    const want = plan.activities.map((a) => [a.deadline, STATUS_LABELS[deriveActivity(a, progress[a.id] ?? {}, 2025, model.settings.asOf).status].vi]);
    expect(got).toEqual(want);
    // the cases this suite is for are present
    const seen = new Set(want.map(([, s]) => s));
    for (const s of ["not-due", "recurring", "overdue", "in-progress", "done-on-time"] as const) if (asOf === asOfs[0]) expect(seen).toContain(STATUS_LABELS[s].vi);
  });
});
