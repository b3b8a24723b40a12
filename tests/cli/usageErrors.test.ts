/**
 * The command's usage errors are the product's one error type (issue 12 item 4): each is a
 * CchcError with a stable code and a Vietnamese and English sentence saying what to write, printed
 * with the command's usage and `cchc help <command>`; the exit code stays 2.
 */
import * as path from "path";
import { CchcError } from "../../src/core/errors";
import { COMMANDS } from "../../src/cli/commands";
import { periodArg } from "../../src/cli/commands/report";
import { nodeIo, type Io } from "../../src/cli/io";
import { UsageError } from "../../src/cli/usageErrors";
import { defaultSettings } from "../../src/core/settings";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { runCli } from "../helpers/cli";

const WORKBOOK = path.join(__dirname, "..", "fixtures", "corpus", "edited-workbook.xlsx");
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** What a command's run throws, without printing anything. */
async function thrownBy(argv: string[]): Promise<unknown> {
  const command = COMMANDS.find((c) => c.name === argv[0])!;
  const io: Io = { ...nodeIo, out: () => undefined, err: () => undefined, writeFile: () => undefined };
  try {
    await command.run(argv.slice(1), io);
  } catch (e) {
    return e;
  }
  throw new Error(`cchc ${argv.join(" ")} did not throw`);
}

const CASES: [string[], string][] = [
  [["import"], "usage-plan-source"],
  [["import", "a.docx", "b.docx", "--json"], "usage-plan-source"],
  [["import", "--default", "--bogus"], "usage-unknown-option"],
  [["import", "--default", "--json=yes"], "usage-option-takes-no-value"],
  [["import", "--default"], "usage-no-output"],
  [["import", "--default", "--json", "--year", "20x4"], "usage-bad-year"],
  [["import", "--default", "--out", "x.xlsx", "--formulas", "builtin"], "usage-bad-formulas"],
  [["validate", "a.docx", "--default"], "usage-default-with-file"],
  [["validate", "--default", "--year", "1800"], "usage-bad-year"],
  [["validate", "--default", "--as-of", "31/02/2024"], "usage-bad-date"],
  [["demo", "--out"], "usage-option-needs-value"],
  [["demo", "extra"], "usage-unexpected-argument"],
  [["demo", "--as-of", "hôm qua"], "usage-bad-date"],
  [["deadline"], "usage-deadline-text"],
  [["deadline", "Quý II", "--year", "abc"], "usage-bad-year"],
  [["report"], "usage-workbook"],
  [["report", WORKBOOK], "usage-missing-period"],
  [["report", WORKBOOK, "--period", "Q5-2024"], "usage-bad-period"],
  [["report", WORKBOOK, "--period", "Q1-2024", "--as-of", "31/02/2024"], "usage-bad-date"],
  [["export", "a.xlsx", "b.xlsx"], "usage-workbook"],
  [["export", WORKBOOK], "usage-missing-period"],
  [["export", WORKBOOK, "--period", "Q2-2024", "--exported-at", "hôm nay"], "usage-bad-date-time"],
  [["rollup"], "usage-exports"],
  [["rollup", "a.xlsx"], "usage-no-output"],
];

describe("every usage error is a CchcError with a code, Vietnamese and English", () => {
  test.each(CASES)("cchc %j → %s", async (argv, code) => {
    const e = await thrownBy(argv);
    expect(e).toBeInstanceOf(UsageError);
    expect(e).toBeInstanceOf(CchcError);
    const u = e as UsageError;
    expect(u.code).toBe(code);
    expect(u.messageVi).toMatch(VIETNAMESE);
    expect(u.messageEn).toMatch(/[a-z]{3,}/i);
  });

  test("the command prints both sentences, its own usage and where to read more, and exits 2", async () => {
    const r = await runCli(["report", WORKBOOK, "--period", "Q5-2024"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.split("\n");
    expect(lines[0]).toMatch(/^Sai tham số: --period "Q5-2024" không phải là kỳ báo cáo: viết một trong Q1-2024/);
    expect(lines[1]).toMatch(/^Bad arguments: --period "Q5-2024" is not a reporting period: write one of Q1-2024/);
    expect(r.err).toContain("Cách dùng / Usage: cchc report WORKBOOK.xlsx --period Q2-2024");
    expect(r.err).toContain("cchc help report");
    expect(r.err).not.toContain("cchc rollup"); // the command's usage, not every command's
  });

  test("a parse error is reported the same way as a command's own check", async () => {
    const r = await runCli(["demo", "--out"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Sai tham số: Tùy chọn --out cần một giá trị: viết --out <giá trị>\.\nBad arguments: --out needs a value: write --out <value>\./);
    expect(r.err).toContain("cchc help demo");
  });

  test("an unknown command lists every command", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Sai tham số: Không có lệnh "frobnicate"/);
    expect(r.err).toMatch(/Bad arguments: There is no command "frobnicate"/);
    for (const c of COMMANDS) expect(r.err).toContain(`  ${c.usage}`);
  });
});

describe("cchc help <command>", () => {
  test("prints that command's usage and exits 0", async () => {
    const r = await runCli(["help", "export"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cách dùng / Usage: cchc export WORKBOOK.xlsx --period Q2-2024");
    expect(r.out).toContain("Mã thoát / exit codes");
    expect(r.out).not.toContain("cchc rollup");
  });

  test("the whole usage points to it; an unknown topic is a usage error", async () => {
    expect((await runCli(["help"])).out).toContain("cchc help <lệnh>");
    const r = await runCli(["help", "frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không có lệnh "frobnicate"/);
  });
});

describe("a period the workbook's cut-off days cannot place is the workbook's error, not a usage error", () => {
  test("bad cut-off days: a CchcError naming the settings, not a usage error (so the command exits 1)", () => {
    const settings = { ...defaultSettings(HONG_LOC_2024), cutoffStartDay: 40 };
    let e: unknown;
    try {
      periodArg("Q2-2024", { model: { settings } } as Parameters<typeof periodArg>[1]);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(CchcError);
    expect(e).not.toBeInstanceOf(UsageError);
    expect(e).toMatchObject({ code: "bad-cutoff-days", messageVi: expect.stringContaining("Cài đặt"), messageEn: expect.stringContaining("settings") });
  });

  test("the same token reads with good days", () => {
    const settings = { ...defaultSettings(HONG_LOC_2024), cutoffStartDay: 1, cutoffEndDay: 31 };
    expect(periodArg("Q2-2024", { model: { settings } } as Parameters<typeof periodArg>[1])).toMatchObject({ cutoffStart: "2024-04-01", cutoffEnd: "2024-06-30" });
  });
});
