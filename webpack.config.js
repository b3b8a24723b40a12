/* Builds the task pane, the custom functions and the manifest into dist/.
 * The production URL comes from ADDIN_PUBLIC_URL (e.g. https://example.github.io/cchc/);
 * every occurrence of the dev URL in manifest.xml is replaced by it. */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { DEV_URL, publicUrl, withPublicUrl } = require("./scripts/manifestUrl");

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
      new CopyWebpackPlugin({
        patterns: [
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
