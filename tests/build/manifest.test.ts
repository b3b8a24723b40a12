/**
 * office-addin-manifest's validator calls a Microsoft web service that is unreachable here, so
 * the manifest is checked locally: well-formed XML, required elements in order, one shared
 * runtime resid used everywhere, icons that exist, and consistent URLs (dev and production).
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";
import { readDist } from "./distBuilt";

const ROOT = path.resolve(__dirname, "../..");

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => { if (level !== "warning") errors.push(msg); },
  } as never).parseFromString(xml, "text/xml");
  if (errors.length) throw new Error(errors.join("\n"));
  return doc as unknown as Document;
}

const children = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const byTag = (el: Document | Element, tag: string) => Array.from(el.getElementsByTagName(tag));

function checkManifest(xml: string, baseUrl: string) {
  const doc = parse(xml);
  const root = doc.documentElement;
  expect(root.tagName).toBe("OfficeApp");
  expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
  const order = children(root).map((e) => e.tagName);
  const required = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
  expect(order).toEqual(required);
  expect(byTag(doc, "Id")[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

  // Base requirements: the ExcelApi floor only, so Excel 2019 still loads the task pane.
  const baseSets = byTag(children(root).find((e) => e.tagName === "Requirements")!, "Set");
  expect(baseSets.map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`)).toEqual(["ExcelApi 1.4"]);
  // The ribbon button and custom functions need the shared runtime: declared in VersionOverrides.
  const vo = byTag(doc, "VersionOverrides")[0];
  expect(children(vo).map((e) => e.tagName)).toEqual(["Requirements", "Hosts", "Resources"]);
  expect(byTag(vo, "bt:Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`)).toEqual(["SharedRuntime 1.1"]);

  // One long-lived runtime, right after <Host>, and the same resid wherever a page is named.
  const host = byTag(vo, "Host")[0];
  expect(children(host)[0].tagName).toBe("Runtimes");
  const runtime = byTag(host, "Runtime");
  expect(runtime).toHaveLength(1);
  expect(runtime[0].getAttribute("lifetime")).toBe("long");
  const resid = runtime[0].getAttribute("resid");
  expect(resid).toBe("Taskpane.Url");
  const page = byTag(byTag(host, "Page")[0], "SourceLocation")[0].getAttribute("resid");
  const functionFile = byTag(host, "FunctionFile")[0].getAttribute("resid");
  const action = byTag(byTag(host, "Action")[0], "SourceLocation")[0].getAttribute("resid");
  expect([page, functionFile, action]).toEqual([resid, resid, resid]);
  expect(byTag(host, "TaskpaneId")).toHaveLength(0);
  expect(byTag(host, "OfficeTab")[0].getAttribute("id")).toBe("TabHome");

  // Every resid refers to a defined resource, and the namespace is CCHC.
  const resources = new Map<string, string>();
  for (const el of [...byTag(vo, "bt:Image"), ...byTag(vo, "bt:Url"), ...byTag(vo, "bt:String")]) {
    if (el.getAttribute("id")) resources.set(el.getAttribute("id")!, el.getAttribute("DefaultValue")!);
  }
  for (const el of byTag(vo, "*")) {
    const r = el.getAttribute("resid");
    if (r) expect(resources.has(r)).toBe(true);
  }
  expect(resources.get("Functions.Namespace")).toBe("CCHC");

  // All URLs share one origin, are https, and name files the build produces.
  const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) {
    expect(url.startsWith(baseUrl) || url === baseUrl.replace(/\/$/, "")).toBe(true);
    const file = url.slice(baseUrl.length);
    if (file) expect(fs.existsSync(path.join(ROOT, "dist", file))).toBe(true);
  }
  // Icons of every size the ribbon and the store ask for.
  for (const size of [16, 32, 64, 80]) {
    const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
  }
}

describe("manifest.xml", () => {
  test("the source manifest is valid for the dev server", () => {
    checkManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), "https://localhost:3000/");
  });

  test("the production build's manifest is valid", () => {
    const xml = readDist("manifest.xml");
    const m = /<SourceLocation DefaultValue="(https:\/\/[^"]+\/)taskpane.html"/.exec(xml);
    checkManifest(xml, m![1]);
  });

  test("ADDIN_PUBLIC_URL replaces every occurrence of the dev URL, as the build does", () => {
    const { withPublicUrl } = require("../../scripts/manifestUrl");
    const xml = withPublicUrl(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), "https://cchc.example.org/addin");
    expect(xml).not.toContain("localhost");
    expect(xml).toContain("https://cchc.example.org/addin/taskpane.html");
    expect(xml).toContain("<AppDomain>https://cchc.example.org/addin</AppDomain>");
    checkManifest(xml, "https://cchc.example.org/addin/");
    expect(() => withPublicUrl("x", "http://insecure.example.org/")).toThrow(/https/);
    // The build applies the same function.
    expect(fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8")).toMatch(/withPublicUrl\(content\)/);
  });
});
