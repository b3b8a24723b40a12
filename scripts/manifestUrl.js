/** The production manifest: every occurrence of the dev URL replaced by ADDIN_PUBLIC_URL. */
const DEV_URL = "https://localhost:3000/";

function publicUrl(value = process.env.ADDIN_PUBLIC_URL) {
  const url = value || DEV_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PUBLIC_URL must be an https:// URL, got ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** With and without the trailing slash (AppDomain is written without it). */
function withPublicUrl(manifest, url) {
  const target = publicUrl(url);
  return String(manifest).split(DEV_URL).join(target).split(DEV_URL.slice(0, -1)).join(target.slice(0, -1));
}

module.exports = { DEV_URL, publicUrl, withPublicUrl };
