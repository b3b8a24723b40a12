/**
 * Boot: wait for Office; inside Excel show the pane, anywhere else a friendly message (never a
 * blank page or a crash). Everything heavy is loaded later, on first use.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, webLightTheme } from "@fluentui/react-components";
import { detectHost, initialLang, type HostInfo, type Lang } from "./services/host";
import { translate } from "./i18n";
import { App } from "./App";

function browserLang(): Lang {
  return typeof navigator !== "undefined" && /^en/i.test(navigator.language || "") ? "en" : "vi";
}

/** Outside Excel: both languages, Vietnamese first (nothing tells us the user's Office language). */
export function NoOffice({ host }: { host: Exclude<HostInfo, { kind: "excel" }> | null }) {
  return (
    <main style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }} data-testid="no-office">
      <h1 style={{ fontSize: 20, margin: 0 }}>{translate("vi", "appTitle")}</h1>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{translate("vi", "noOfficeTitle")}</MessageBarTitle>
          {host?.kind === "other-host" ? translate("vi", "otherHostBody", { host: host.host }) : translate("vi", "noOfficeBody")}
        </MessageBarBody>
      </MessageBar>
      <div lang="en">
        <Text weight="semibold">{translate("en", "noOfficeTitle")}. </Text>
        <Text>{host?.kind === "other-host" ? translate("en", "otherHostBody", { host: host.host }) : translate("en", "noOfficeBody")}</Text>
      </div>
    </main>
  );
}

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
          <Spinner label={translate(browserLang(), "loading")} />
        </main>
      ) : host.kind === "excel" ? (
        <App caps={host.caps} initialLang={initialLang(host.displayLanguage)} />
      ) : (
        <NoOffice host={host} />
      )}
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Root />);
