/**
 * Browser entry of the fake host (bundled by build-browser.js as the global `FakeOfficeHost`).
 * `FakeOfficeHost.installFakeOffice(window, options)` installs Office/Excel and keeps the fake
 * on `window.__fakeExcel` (read it from playwright: `window.__fakeExcel.snapshot()`,
 * `window.__fakeExcel.stats`). If `window.__FAKE_OFFICE_OPTIONS__` is set before the bundle
 * loads, the fake installs itself with those options — handy when the bundle is served in
 * place of office.js.
 */
import { installFakeOffice } from "./index";

export * from "./index";

declare const window: any;

if (typeof window !== "undefined" && window.__FAKE_OFFICE_OPTIONS__ && !window.__fakeExcel) {
  installFakeOffice(window, window.__FAKE_OFFICE_OPTIONS__);
}
