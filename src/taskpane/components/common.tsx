/** Small building blocks shared by the panels. */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";

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
  hiddenInput: { position: "absolute", width: "1px", height: "1px", padding: 0, margin: "-1px", overflow: "hidden", clip: "rect(0,0,0,0)", whiteSpace: "nowrap", border: 0 },
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

/**
 * A file picker with a visible label, its button and "no file chosen" in the pane's language (a
 * bare <input type="file"> speaks the browser's). The input stays in the page, labelled, for the
 * browser and the tests; people use the button.
 */
// Inline, not in panelStrings: the file page's bar shows a picker before the panels' words load.
const BROWSE = { vi: "Chọn tệp…", en: "Browse…" };
const NO_FILE = { vi: "Chưa chọn tệp nào", en: "No file chosen" };

export function FileField(props: { id: string; label: string; accept: string; multiple?: boolean; onFiles: (files: File[]) => void; hint?: string }) {
  const c = useCommon();
  const t = useT();
  const input = React.useRef<HTMLInputElement | null>(null);
  const [names, setNames] = React.useState("");
  return (
    <div className={c.form}>
      <label htmlFor={props.id} id={`${props.id}-label`}>
        {props.label}
      </label>
      <div className={c.row}>
        <Button onClick={() => input.current?.click()} aria-describedby={`${props.id}-label ${props.id}-chosen`}>
          {t.pick(BROWSE)}
        </Button>
        <span id={`${props.id}-chosen`} className={c.muted}>
          {names || t.pick(NO_FILE)}
        </span>
      </div>
      <input
        id={props.id}
        ref={input}
        className={c.hiddenInput}
        type="file"
        tabIndex={-1}
        accept={props.accept}
        multiple={props.multiple}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          setNames(files.map((f) => f.name).join(", "));
          props.onFiles(files);
        }}
      />
      {props.hint && (
        <span id={`${props.id}-hint`} className={c.muted}>
          {props.hint}
        </span>
      )}
    </div>
  );
}
