/**
 * The page's own controls, above the pane's tabs: open a workbook the product made, and download
 * the workbook as it is now ("Tải sổ Excel về máy"). Everything stays in the browser.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../taskpane/i18n";
import { useApp } from "../taskpane/state";
import { FileField } from "../taskpane/components/common";
import { blobUrl } from "../adapters/xlsx/download";
import { currentWorkbook, onWorkbookChange, setWorkbook } from "./fileWorkbook";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px" },
});

function useFileWorkbook() {
  return React.useSyncExternalStore(onWorkbookChange, currentWorkbook);
}

export function FileBar() {
  const t = useT();
  const app = useApp();
  const s = useStyles();
  const wb = useFileWorkbook();
  const [picker, setPicker] = React.useState(0);

  // The page keeps nothing once closed: the browser asks before closing with changes not downloaded.
  React.useEffect(() => {
    if (!wb?.changed) return undefined;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [wb?.changed]);

  const open = async (files: File[]) => {
    const file = files[0];
    if (!file) return;
    const ok = await app.run({ vi: `Đang mở ${file.name}…`, en: `Opening ${file.name}…` }, async () => {
      const { openWorkbook } = await import(/* webpackChunkName: "page-ops" */ "./fileOps");
      await openWorkbook(file.name, new Uint8Array(await file.arrayBuffer()));
      return true;
    });
    setPicker((n) => n + 1); // the same file can be chosen again
    if (ok) {
      app.setNotice({ intent: "success", text: { vi: `Đã mở sổ ${file.name}.`, en: `${file.name} opened.` } });
      await app.refreshWorkbook();
    }
  };

  const download = () => {
    if (!wb) return;
    const url = blobUrl(wb.bytes);
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = wb.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setWorkbook({ ...wb, changed: false });
    app.announce({ vi: `Đã tải ${wb.name} về máy.`, en: `${wb.name} downloaded.` });
  };

  return (
    <section className={s.bar} aria-label={t.pick({ vi: "Sổ Excel đang làm việc", en: "The workbook being worked on" })}>
      <Text size={200} data-testid="file-status">
        {wb
          ? t.pick({ vi: `Sổ: ${wb.name}${wb.changed ? " (có thay đổi chưa tải về)" : ""}`, en: `Workbook: ${wb.name}${wb.changed ? " (changes not downloaded yet)" : ""}` })
          : t.pick({ vi: "Chưa mở sổ nào: mở sổ Excel đã có, hoặc nhập kế hoạch ở mục Nhập. Tệp không rời khỏi máy này.", en: "No workbook open: open an existing one, or import a plan from the Import tab. Files never leave this computer." })}
      </Text>
      <div className={s.row}>
        <FileField key={picker} id="open-workbook" label={t.pick({ vi: "Mở sổ Excel do phần bổ trợ tạo (.xlsx)", en: "Open a workbook made by the add-in (.xlsx)" })} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFiles={(f) => void open(f)} />
      </div>
      <div className={s.row}>
        <Button appearance="primary" onClick={download} disabled={!wb || Boolean(app.busy)}>
          {t.pick({ vi: "Tải sổ Excel về máy", en: "Tải sổ Excel về máy (download the workbook)" })}
        </Button>
      </div>
    </section>
  );
}
