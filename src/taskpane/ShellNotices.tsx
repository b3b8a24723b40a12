/**
 * The shell's status area — the running operation (progress, cancel), the last notice — and the
 * notice of what this Excel cannot do. A chunk of its own (MessageBar, ProgressBar and Button are
 * not needed for the pane's first paint), fetched right after the shell shows.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { missingFeatures, FEATURE_SETS, type Capabilities } from "../render/officejs/capabilities";
import { useT } from "./i18n";
import { useApp } from "./state";

const useStyles = makeStyles({
  busy: { display: "flex", flexDirection: "column", gap: "4px", padding: "8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  busyRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  list: { margin: "4px 0 0 0", paddingLeft: "18px" },
});

function BusyArea() {
  const { busy } = useApp();
  const t = useT();
  const s = useStyles();
  if (!busy) return null;
  return (
    <div className={s.busy} aria-busy="true">
      <div className={s.busyRow}>
        <Text weight="semibold">{t.pick(busy.label)}</Text>
        {busy.cancel && (
          <Button size="small" onClick={busy.cancel}>
            {t("cancel")}
          </Button>
        )}
      </div>
      <ProgressBar value={busy.progress && busy.progress > 0 ? busy.progress : undefined} aria-label={t.pick(busy.label)} thickness="large" />
      {busy.detail && <Text size={200}>{t.pick(busy.detail)}</Text>}
    </div>
  );
}

function NoticeArea() {
  const { notice, setNotice } = useApp();
  const t = useT();
  const s = useStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{t.pick(notice.title)}</MessageBarTitle>}
        {t.pick(notice.text)}
        {notice.lines && notice.lines.length > 0 && (
          <ul className={s.list}>
            {notice.lines.map((l, i) => (
              <li key={i}>{t.pick(l)}</li>
            ))}
          </ul>
        )}
        {notice.link && (
          <div>
            <a href={notice.link.href} download={notice.link.download} style={{ color: tokens.colorBrandForegroundLink }}>
              {t.pick(notice.link.label)}
            </a>
          </div>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={() => setNotice(null)} aria-label={t("dismiss")}>
          ✕
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function CapabilityNotice({ caps }: { caps: Capabilities }) {
  const t = useT();
  const s = useStyles();
  const { skipped } = useApp();
  const missing = missingFeatures(caps);
  if (!missing.length && !skipped.length) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="capabilities">
      <MessageBarBody>
        <MessageBarTitle>{t("missingTitle")}</MessageBarTitle>
        {caps.formulaMode === "native" ? t("nativeMode") : t("missingIntro")}
        <ul className={s.list}>
          {missing
            .filter((f) => f !== "customFunctions")
            .map((f) => (
              <li key={f}>
                {t.pick(FEATURE_SETS[f])} ({FEATURE_SETS[f].set} {FEATURE_SETS[f].version})
              </li>
            ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function StatusArea() {
  return (
    <>
      <BusyArea />
      <NoticeArea />
    </>
  );
}
