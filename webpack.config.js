/* Builds the task pane, the custom functions, the manifest and the file page (app.html) into dist/.
 * The production URL comes from ADDIN_PUBLIC_URL (e.g. https://example.github.io/cchc/);
 * every occurrence of the dev URL in manifest.xml is replaced by it. */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { DEV_URL, publicUrl, withPublicUrl } = require("./scripts/manifestUrl");

/**
 * Writes dist/sw.js: the file page's service worker with the list of what the page loads (its
 * HTML, entry, every chunk it can import, manifest, icons) and a version from their hashes, so a
 * new build replaces the cache and an unchanged one keeps it.
 */
class PagePrecachePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PagePrecachePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PagePrecachePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const entry = compilation.entrypoints.get("app");
        if (!entry) return;
        const chunks = new Set(entry.chunks);
        for (const c of entry.chunks) for (const a of c.getAllAsyncChunks()) chunks.add(a);
        const files = new Set(["app.html", "app.webmanifest"]);
        for (const c of chunks) for (const f of c.files) if (f.endsWith(".js")) files.add(f);
        for (const name of Object.keys(assets)) if (/^assets\/icon-/.test(name)) files.add(name);
        const list = [...files].sort();
        const hash = require("crypto").createHash("sha256");
        for (const f of list) hash.update(f).update(assets[f] ? assets[f].source() : "");
        const template = fs.readFileSync(path.join(__dirname, "src/page/sw.js"), "utf8");
        const body = template.replace("__VERSION__", hash.digest("hex").slice(0, 12)).replace("__FILES__", JSON.stringify(list));
        compilation.emitAsset("sw.js", new sources.RawSource(body));
      });
    });
  }
}

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    console.warn("Could not load the Office dev certificates (run `npx office-addin-dev-certs install`):", err.message);
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  if (!dev) publicUrl(); // fail early on a bad ADDIN_PUBLIC_URL
  const functionsInput = "./src/functions/functions.ts";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: functionsInput,
      app: "./src/page/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionsInput }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({ filename: "app.html", template: "./src/page/app.html", chunks: ["app"] }),
      new PagePrecachePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/page/app.webmanifest", to: "app.webmanifest" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : withPublicUrl(content)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: dev ? await devServerHttps() : undefined },
      port: 3000,
    },
  };
};
