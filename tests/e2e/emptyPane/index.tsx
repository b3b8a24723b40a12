/**
 * An "empty" React + Fluent UI v9 task pane: the baseline the bench compares the real pane's
 * initial bundle with. FluentProvider, a heading, a text and a button, mounted after
 * Office.onReady — what every Fluent pane starts from.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

function EmptyPane() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        <h1>Task pane</h1>
        <Text>Hello</Text>
        <Button appearance="primary">OK</Button>
      </main>
    </FluentProvider>
  );
}

const office = (window as unknown as { Office?: { onReady?: () => Promise<unknown> } }).Office;
const mount = () => createRoot(document.getElementById("root")!).render(<EmptyPane />);
if (office?.onReady) void office.onReady().then(mount);
else mount();
