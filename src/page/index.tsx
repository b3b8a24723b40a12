/**
 * The file page (dist/app.html): the pane's application on a workbook file in the browser, for
 * people whose Excel cannot load the add-in (Excel 2016/2019, LibreOffice, WPS) and for the level
 * above. No Office, no server: files are read and written in the page and downloaded.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { provideOps } from "../taskpane/state";
import { FileBar } from "./FileBar";
import { FILE_CAPS } from "./caps";

provideOps(() => import(/* webpackChunkName: "page-ops" */ "./fileOps").then((m) => m.fileOps));

// Offline after the first visit: the service worker keeps the page's files (not on file://).
if (typeof navigator !== "undefined" && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  window.addEventListener("load", () => void navigator.serviceWorker.register("sw.js").catch(() => undefined));
}

const lang = typeof navigator !== "undefined" && /^en/i.test(navigator.language || "") ? "en" : "vi";
const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <div style={{ maxWidth: 760, margin: "0 auto" }}>
        <App caps={FILE_CAPS} initialLang={lang} toolbar={<FileBar />} />
      </div>
    </FluentProvider>,
  );
}
