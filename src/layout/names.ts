/** Workbook-level defined names: formulas say CCHC_ASOF, not 'Cài đặt'!$B$6. */
export const NAMES = {
  unit: "CCHC_UNIT",
  commune: "CCHC_COMMUNE",
  year: "CCHC_YEAR",
  asOf: "CCHC_ASOF",
  cutoffStart: "CCHC_CUTOFF_START",
  cutoffEnd: "CCHC_CUTOFF_END",
  parFull: "CCHC_PAR_FULL",
  parPartial: "CCHC_PAR_PARTIAL",
  parPoints: "CCHC_PAR_POINTS",
} as const;
