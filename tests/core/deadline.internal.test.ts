/**
 * parseDeadline reports a defect in its own grammar apart from bad input (issue 12 item 4): a
 * deadline cell never crashes a sheet, yet a program error is not passed off as the user's.
 * The text module is wrapped so that one sentinel text makes the grammar throw.
 */
import { parseDeadline } from "../../src/core/deadline";

const SENTINEL = "⟦simulated defect⟧";

jest.mock("../../src/core/text", () => {
  const actual = jest.requireActual("../../src/core/text");
  return {
    ...actual,
    stripDiacritics: (s: string) => {
      if (s.includes(SENTINEL)) throw new Error("simulated defect");
      return actual.stripDiacritics(s);
    },
  };
});

test("a failure inside the grammar is internal, worded as a program error, and still asks for a date", () => {
  const d = parseDeadline(`Quý II/2024 ${SENTINEL}`, 2024);
  expect(d.kind).toBe("invalid");
  expect(d.internal).toBe(true);
  expect(d.reason).toMatch(/^Lỗi chương trình/);
  expect(d.reasonEn).toMatch(/^Program error/);
  // a user date still gives it a date
  expect(parseDeadline(`Quý II/2024 ${SENTINEL}`, 2024, "2024-06-30").kind).toBe("date");
});

test("invalid input is not internal", () => {
  const d = parseDeadline("Quý V/2024", 2024);
  expect(d.kind).toBe("invalid");
  expect(d.internal).toBeUndefined();
  expect(d.reason).toMatch(/Quý không hợp lệ/);
});
