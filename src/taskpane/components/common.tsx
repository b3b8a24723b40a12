/** Small building blocks shared by the panels. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

export const useCommon = makeStyles({
  h2: { margin: "4px 0 0 0", fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: "6px 0 2px 0", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  form: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "120px" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left", verticalAlign: "top" },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "4px 0" },
  },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "8px", display: "flex", flexDirection: "column", gap: "6px" },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: "18px" },
  fileInput: {
    fontSize: tokens.fontSizeBase300,
    "&:focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  select: { width: "100%", minWidth: 0, maxWidth: "100%", "& select": { width: "100%", maxWidth: "100%", textOverflow: "ellipsis" } },
  findingButton: { textAlign: "left", height: "auto", paddingTop: "4px", paddingBottom: "4px", justifyContent: "flex-start", width: "100%" },
});

export function Heading({ children, id }: { children: React.ReactNode; id?: string }) {
  const c = useCommon();
  return (
    <h2 className={c.h2} id={id}>
      {children}
    </h2>
  );
}

export function SubHeading({ children, id }: { children: React.ReactNode; id?: string }) {
  const c = useCommon();
  return (
    <h3 className={c.h3} id={id}>
      {children}
    </h3>
  );
}

export function Bullets({ items, max = 12, more }: { items: React.ReactNode[]; max?: number; more?: (n: number) => string }) {
  const c = useCommon();
  const shown = items.slice(0, max);
  return (
    <ul className={c.list}>
      {shown.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
      {items.length > max && <li>{more ? more(items.length - max) : `… +${items.length - max}`}</li>}
    </ul>
  );
}

/** A native file input with a visible label (Fluent v9 has none). */
export function FileField(props: { id: string; label: string; accept: string; multiple?: boolean; onFiles: (files: File[]) => void; hint?: string }) {
  const c = useCommon();
  return (
    <div className={c.form}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className={c.fileInput}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onFiles(Array.from(e.currentTarget.files ?? []))}
      />
      {props.hint && (
        <span id={`${props.id}-hint`} className={c.muted}>
          {props.hint}
        </span>
      )}
    </div>
  );
}
