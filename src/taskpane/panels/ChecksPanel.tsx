/** Kiểm tra: findings by severity and rule; a click selects the cell; re-check rewrites the sheet. */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Switch, Text } from "@fluentui/react-components";
import { translate, useT } from "../i18n";
import { splitSuggestion } from "../components/labels";
import { loadOps, useApp } from "../state";
import { Heading, SubHeading, useCommon } from "../components/common";
import type { FindingView } from "../../app/viewTypes";

const SEVERITIES = ["error", "warning", "info"] as const;

export function ChecksPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const [findings, setFindings] = React.useState<FindingView[] | null>(null);

  const check = React.useCallback(async () => {
    const result = await app.run({ vi: "Đang kiểm tra…", en: "Checking…" }, ({ ops, progress, signal }) => ops.runChecks(app.caps, { onProgress: progress, signal }));
    if (!result) return;
    setFindings(result.findings);
    if (result.render) app.addSkipped(result.render.skipped);
    const n = { e: 0, w: 0, i: 0 };
    for (const f of result.findings) n[f.severity === "error" ? "e" : f.severity === "warning" ? "w" : "i"]++;
    app.announce({ vi: translate("vi", "findingsSummary", n), en: translate("en", "findingsSummary", n) });
  }, [app]);

  React.useEffect(() => {
    if (app.workbook?.hasPlan && findings === null && !app.busy) void check();
    // run once when the panel opens on a workbook with a plan
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app.workbook?.hasPlan]);

  // Re-check after edits: a person's changes to the plan sheet, debounced so typing a row checks once.
  const [auto, setAuto] = React.useState(true);
  const canWatch = app.caps.excelApiMinor >= 7;
  const latest = React.useRef({ check, busy: app.busy });
  latest.current = { check, busy: app.busy };
  React.useEffect(() => {
    if (!auto || !canWatch || !app.workbook?.hasPlan) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void loadOps().then((ops) => ops.watchPlanEdits(app.caps, () => {
      clearTimeout(timer);
      timer = setTimeout(() => { if (!latest.current.busy) void latest.current.check(); }, 1500);
    })).then((s) => {
      if (cancelled) void s?.();
      else stop = s;
    }).catch(() => undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [auto, canWatch, app.workbook?.hasPlan, app.workbook]);

  const go = async (f: FindingView) => {
    if (!f.cell) return;
    const ok = await app.run({ vi: "Đang chọn ô…", en: "Selecting the cell…" }, ({ ops }) => ops.goToCell(f.cell).then(() => true));
    if (!ok) return;
    // Visible, not only announced: the person sees which cell the finding is about.
    const m = /^'?(.*?)'?!([A-Z]+\d+)$/.exec(f.cell);
    const vars = { cell: m ? m[2] : f.cell, sheet: m ? m[1].replace(/''/g, "'") : "" };
    app.setNotice({ intent: "info", text: { vi: translate("vi", "selectedCell", vars), en: translate("en", "selectedCell", vars) } });
  };

  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings ?? []) counts[f.severity]++;
  const sevLabel = { error: t("sevError"), warning: t("sevWarning"), info: t("sevInfo") };
  const sevColor = { error: "danger", warning: "warning", info: "informative" } as const;

  return (
    <section aria-labelledby="checks-heading" className={c.form}>
      <Heading id="checks-heading">{t("headChecks")}</Heading>
      {!app.workbook?.hasPlan && <Text>{t("noPlanYet")}</Text>}
      <div className={c.row}>
        <Button appearance="primary" onClick={check} disabled={Boolean(app.busy) || !app.workbook?.hasPlan}>
          {findings ? t("recheck") : t("check")}
        </Button>
      </div>
      {canWatch ? (
        <Switch checked={auto} onChange={(_, d) => setAuto(d.checked)} label={t("autoRecheck")} data-testid="auto-recheck" />
      ) : (
        <Text size={200}>{t("autoRecheckUnavailable")}</Text>
      )}
      {findings && (
        <div data-testid="findings">
          <Text role="status">{t("findingsSummary", { e: counts.error, w: counts.warning, i: counts.info })}</Text>
          {findings.length === 0 && <Text>{t("noFindings")}</Text>}
          <Accordion multiple collapsible defaultOpenItems={["error"]}>
            {SEVERITIES.filter((sev) => counts[sev] > 0).map((sev) => {
              const ofSev = findings.filter((f) => f.severity === sev);
              const byRule = new Map<string, FindingView[]>();
              for (const f of ofSev) byRule.set(f.code, [...(byRule.get(f.code) ?? []), f]);
              return (
                <AccordionItem value={sev} key={sev}>
                  <AccordionHeader as="h3">
                    <Badge color={sevColor[sev]} appearance="filled" style={{ marginRight: 6 }}>
                      {counts[sev]}
                    </Badge>
                    {sevLabel[sev]}
                  </AccordionHeader>
                  <AccordionPanel>
                    {[...byRule.entries()].map(([code, list]) => (
                      <div key={code}>
                        <SubHeading>
                          {t.pick(list[0].rule)} ({list.length})
                        </SubHeading>
                        <ul className={c.list} style={{ listStyle: "none", paddingLeft: 0 }}>
                          {list.map((f, i) => (
                            <li key={`${f.activityId}-${i}`}>
                              <Button
                                appearance="subtle"
                                className={c.findingButton}
                                onClick={() => go(f)}
                                disabled={!f.cell}
                                data-finding={f.code}
                                data-cell={f.cell}
                              >
                                <span>
                                  {t.pick(f.message)}
                                  {f.suggestion ? (
                                    <span className={c.muted}>
                                      {" "}
                                      — {t("suggestion")}: {t.pick(splitSuggestion(f.suggestion))}
                                    </span>
                                  ) : null}
                                  {f.cell ? (
                                    <span className={c.muted}>
                                      {" "}
                                      ({t("goToCell")} {f.cell.replace(/^.*!/, "")})
                                    </span>
                                  ) : null}
                                </span>
                              </Button>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </div>
      )}
    </section>
  );
}
