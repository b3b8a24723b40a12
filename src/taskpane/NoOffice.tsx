/** The page opened outside Excel: a friendly message in both languages, never a blank page. */
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { HostInfo } from "./services/host";
import { translate } from "./i18n";

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

