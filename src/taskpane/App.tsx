/** The pane's shell: header, language switch, the task tabs, the busy indicator and notices. */
import * as React from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { Loading } from "./components/Loading";
import type { Capabilities } from "../render/officejs/capabilities";
import { LangContext, useT, pick, type Bilingual } from "./i18n";
import { AppContext, useApp, useAppState } from "./state";
import type { Lang } from "./services/host";

// The panels' words (panelStrings.ts) come with the panels, not in the initial bundle.
const loadStrings = () => import(/* webpackChunkName: "panel-strings" */ "./panelStrings");
/** A chunk that shows text, loaded together with the words it shows. */
function withStrings<T>(load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadStrings()]).then(([m]) => m);
}

// Each part of the pane is its own chunk, fetched right after the shell shows (see prefetchPanels).
const loaders = {
  import: () => withStrings(() => import(/* webpackChunkName: "panel-import" */ "./panels/ImportPanel")).then((m) => ({ default: m.ImportPanel })),
  checks: () => withStrings(() => import(/* webpackChunkName: "panel-checks" */ "./panels/ChecksPanel")).then((m) => ({ default: m.ChecksPanel })),
  progress: () => withStrings(() => import(/* webpackChunkName: "panel-progress" */ "./panels/ProgressPanel")).then((m) => ({ default: m.ProgressPanel })),
  report: () => withStrings(() => import(/* webpackChunkName: "panel-report" */ "./panels/ReportPanel")).then((m) => ({ default: m.ReportPanel })),
  export: () => withStrings(() => import(/* webpackChunkName: "panel-export" */ "./panels/ExportPanel")).then((m) => ({ default: m.ExportPanel })),
  rollup: () => withStrings(() => import(/* webpackChunkName: "panel-rollup" */ "./panels/RollupPanel")).then((m) => ({ default: m.RollupPanel })),
  settings: () => withStrings(() => import(/* webpackChunkName: "panel-settings" */ "./panels/SettingsPanel")).then((m) => ({ default: m.SettingsPanel })),
};
const ImportPanel = React.lazy(loaders.import);
const ChecksPanel = React.lazy(loaders.checks);
const ProgressPanel = React.lazy(loaders.progress);
const ReportPanel = React.lazy(loaders.report);
const ExportPanel = React.lazy(loaders.export);
const RollupPanel = React.lazy(loaders.rollup);
const SettingsPanel = React.lazy(loaders.settings);

// The busy bar, notices and the capability notice (MessageBar, ProgressBar, Button) are a chunk of
// their own too: the shell's first paint needs none of them, and they keep the initial bundle small.
const loadNotices = () => withStrings(() => import(/* webpackChunkName: "shell-notices" */ "./ShellNotices"));
const StatusArea = React.lazy(() => loadNotices().then((m) => ({ default: m.StatusArea })));
const CapabilityNotice = React.lazy(() => loadNotices().then((m) => ({ default: m.CapabilityNotice })));

/** Warms the panel chunks (and the operations chunk) so switching tabs never waits. */
function prefetchPanels(): void {
  void loadNotices().catch(() => undefined);
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}

class PanelBoundary extends React.Component<{ children: React.ReactNode; fallback: React.ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", padding: "12px", minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: "8px" },
  headerEnd: { display: "flex", flexDirection: "column", alignItems: "flex-end", gap: "2px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  tabs: { flexWrap: "wrap", rowGap: "2px" },
  panel: { display: "flex", flexDirection: "column", gap: "10px", paddingTop: "4px" },
  srOnly: { position: "absolute", width: "1px", height: "1px", padding: 0, margin: "-1px", overflow: "hidden", clip: "rect(0,0,0,0)", whiteSpace: "nowrap", border: 0 },
  link: { color: tokens.colorBrandForegroundLink, fontSize: tokens.fontSizeBase300 },
  // The language switch: a native checkbox with the switch role (Fluent's Switch costs initial bundle).
  language: { display: "flex", alignItems: "center", gap: "6px", fontSize: tokens.fontSizeBase300, cursor: "pointer" },
  switch: { width: "16px", height: "16px", margin: 0, accentColor: tokens.colorBrandBackground, cursor: "pointer" },
  failed: { padding: "8px 12px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
});

export type TabKey = "import" | "checks" | "progress" | "report" | "export" | "rollup" | "settings";
const TABS: Array<{ key: TabKey; label: "tabImport" | "tabChecks" | "tabProgress" | "tabReport" | "tabExport" | "tabRollup" | "tabSettings" }> = [
  { key: "import", label: "tabImport" },
  { key: "checks", label: "tabChecks" },
  { key: "progress", label: "tabProgress" },
  { key: "report", label: "tabReport" },
  { key: "export", label: "tabExport" },
  { key: "rollup", label: "tabRollup" },
  { key: "settings", label: "tabSettings" },
];

/** `toolbar`: what another host adds under the title (the file page's open and download buttons). */
export function App({ caps, initialLang, toolbar }: { caps: Capabilities; initialLang: Lang; toolbar?: React.ReactNode }) {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const [tab, setTab] = React.useState<TabKey>("import");
  const { value, liveMessage } = useAppState(caps);
  const s = useStyles();
  const { refreshWorkbook } = value;

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  React.useEffect(() => {
    void refreshWorkbook();
    prefetchPanels();
  }, [refreshWorkbook]);

  return (
    <LangContext.Provider value={lang}>
      <AppContext.Provider value={value}>
        <Shell lang={lang} setLang={setLang} tab={tab} setTab={setTab} liveMessage={liveMessage} caps={caps} styles={s} toolbar={toolbar} />
      </AppContext.Provider>
    </LangContext.Provider>
  );
}

function Shell(props: { lang: Lang; setLang: (l: Lang) => void; tab: TabKey; setTab: (t: TabKey) => void; liveMessage: Bilingual | null; caps: Capabilities; styles: ReturnType<typeof useStyles>; toolbar?: React.ReactNode }) {
  const { lang, setLang, tab, setTab, liveMessage, caps, styles: s, toolbar } = props;
  const t = useT();
  const { workbook, setNotice } = useApp();
  const panelId = `panel-${tab}`;
  // A message belongs to the tab that produced it: switching tabs clears it.
  const switchTab = (next: TabKey) => {
    if (next !== tab) setNotice(null);
    setTab(next);
  };
  return (
    <div className={s.root}>
      <header className={s.header}>
        <div>
          <h1 className={s.title}>{t("appTitle")}</h1>
          <span className={s.subtitle} data-testid="workbook-status">
            {workbook ? (workbook.hasPlan ? t("workbookPlan", { n: workbook.activities.length }) : t("workbookEmpty")) : t("appSubtitle")}
          </span>
        </div>
        <div className={s.headerEnd}>
          <a href="help.html" target="_blank" rel="noopener" data-testid="help-link" className={s.link}>
            {t("help")}
          </a>
          <label className={s.language}>
            <input type="checkbox" role="switch" className={s.switch} checked={lang === "en"} onChange={(e) => setLang(e.currentTarget.checked ? "en" : "vi")} aria-label={t("languageSwitch")} />
            {t("english")}
          </label>
        </div>
      </header>
      {toolbar}
      <React.Suspense fallback={null}>
        <CapabilityNotice caps={caps} />
      </React.Suspense>
      <nav aria-label={t("tasks")}>
        <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => switchTab(d.value as TabKey)} size="small">
          {TABS.map((x) => (
            <Tab key={x.key} value={x.key} id={`tab-${x.key}`} aria-controls={`panel-${x.key}`}>
              {t(x.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <React.Suspense fallback={null}>
        <StatusArea />
      </React.Suspense>
      <main id={panelId} role="tabpanel" aria-labelledby={`tab-${tab}`} className={s.panel}>
        <PanelBoundary
          key={tab}
          fallback={
            <div role="alert" className={s.failed}>
              {t.pick({ vi: "Không tải được phần này của phần bổ trợ (mất mạng?). Hãy đóng rồi mở lại ngăn tác vụ.", en: "This part of the add-in could not be loaded (offline?). Close and reopen the task pane." })}
            </div>
          }
        >
          <React.Suspense fallback={<Loading label={t("loading")} />}>
            {tab === "import" && <ImportPanel goTo={switchTab} />}
            {tab === "checks" && <ChecksPanel />}
            {tab === "progress" && <ProgressPanel />}
            {tab === "report" && <ReportPanel />}
            {tab === "export" && <ExportPanel />}
            {tab === "rollup" && <RollupPanel />}
            {tab === "settings" && <SettingsPanel />}
          </React.Suspense>
        </PanelBoundary>
      </main>
      <div className={s.srOnly} aria-live="polite" role="status" data-testid="live">
        {liveMessage ? pick(lang, liveMessage) : ""}
      </div>
    </div>
  );
}
