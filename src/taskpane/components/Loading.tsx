/**
 * "Loading…" with a small spinning ring: what the shell shows while a chunk arrives. Plain CSS
 * instead of Fluent's Spinner, which would weigh on the pane's initial bundle for a moment's use.
 */
import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: "8px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  ring: {
    width: "16px",
    height: "16px",
    boxSizing: "border-box",
    borderRadius: "50%",
    ...shorthands.border("2px", "solid", tokens.colorNeutralStroke2),
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "0.8s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationDuration: "3s" },
  },
});

export function Loading({ label }: { label: string }) {
  const s = useStyles();
  return (
    <div role="status" className={s.root}>
      <span className={s.ring} aria-hidden="true" />
      {label}
    </div>
  );
}
