/** One palette for both renderers: what each style key looks like. */
import type { StyleKey } from "./types";

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center";
  numberFormat?: string;
  border?: boolean;
  underline?: boolean;
}

export const FONT_NAME = "Times New Roman";
export const FONT_SIZE = 12;

export const STYLES: Record<StyleKey, StyleSpec> = {
  title: { bold: true, size: 14, horizontal: "center", vertical: "center", wrap: true },
  subtitle: { italic: true, horizontal: "center", wrap: true },
  header: { bold: true, fill: "#DDEBF7", wrap: true, horizontal: "center", vertical: "center", border: true },
  groupRow: { bold: true, fill: "#F2F2F2", wrap: true, vertical: "top", border: true },
  text: { vertical: "top", numberFormat: "@" },
  wrap: { wrap: true, vertical: "top", numberFormat: "@" },
  center: { horizontal: "center", vertical: "top" },
  bold: { bold: true, vertical: "top" },
  italic: { italic: true },
  date: { numberFormat: "dd/mm/yyyy", horizontal: "center", vertical: "top" },
  percent: { numberFormat: "0.0%", horizontal: "right", vertical: "top" },
  number: { numberFormat: "#,##0.##", horizontal: "right", vertical: "top" },
  integer: { numberFormat: "0", horizontal: "right", vertical: "top" },
  input: { fill: "#FFF9E5", vertical: "top", wrap: true },
  inputDate: { fill: "#FFF9E5", numberFormat: "dd/mm/yyyy", horizontal: "center", vertical: "top" },
  inputPercent: { fill: "#FFF9E5", numberFormat: "0.0%", horizontal: "right", vertical: "top" },
  note: { italic: true, color: "#595959", wrap: true, vertical: "top" },
  hidden: { color: "#808080" },
  link: { color: "#0563C1", underline: true, vertical: "top", wrap: true },
};
