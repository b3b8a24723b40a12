/**
 * Boot: wait for Office; inside Excel show the pane, anywhere else a friendly message (never a
 * blank page or a crash). Everything heavy is loaded later, on first use.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Loading } from "./components/Loading";
import { detectHost, initialLang, type HostInfo, type Lang } from "./services/host";
import { translate } from "./i18n";
import { App } from "./App";
import { provideOps } from "./state";

// What the panels' buttons do, on the live workbook (layout, renderer, readers): a chunk fetched on first use.
provideOps(() => import(/* webpackChunkName: "ops" */ "./services/ops"));

function browserLang(): Lang {
  return typeof navigator !== "undefined" && /^en/i.test(navigator.language || "") ? "en" : "vi";
}

// Outside Excel only: its own chunk (MessageBar is not needed inside Excel's first paint).
const NoOffice = React.lazy(() =>
  Promise.all([import(/* webpackChunkName: "no-office" */ "./NoOffice"), import(/* webpackChunkName: "panel-strings" */ "./panelStrings")]).then(([m]) => ({ default: m.NoOffice })),
);

function Root() {
  const [host, setHost] = React.useState<HostInfo | null>(null);
  React.useEffect(() => {
    let alive = true;
    void detectHost(window as never).then((h) => alive && setHost(h));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      {host === null ? (
        <main style={{ padding: 24 }}>
          <Loading label={translate(browserLang(), "loading")} />
        </main>
      ) : host.kind === "excel" ? (
        <App caps={host.caps} initialLang={initialLang(host.displayLanguage)} />
      ) : (
        <React.Suspense fallback={null}>
          <NoOffice host={host} />
        </React.Suspense>
      )}
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Root />);
