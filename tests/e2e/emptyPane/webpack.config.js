/*
 * Builds the empty React + Fluent UI v9 pane the same way as the add-in's pane (production mode,
 * ts-loader with ES modules so tree shaking applies, HtmlWebpackPlugin with the office.js CDN
 * script) into test-output/empty-pane/:
 *
 *   npx webpack --config tests/e2e/emptyPane/webpack.config.js --mode production
 *   node tests/e2e/bundleSize.js dist/taskpane.html test-output/empty-pane/taskpane.html
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.resolve(__dirname, "../../..");

module.exports = (_env, options) => ({
  mode: options.mode || "production",
  context: root,
  devtool: false,
  entry: { taskpane: path.join(__dirname, "index.tsx") },
  output: { path: path.join(root, "test-output/empty-pane"), filename: "[name].js", chunkFilename: "chunks/[name].[contenthash:8].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } } },
      },
    ],
  },
  performance: { hints: false },
  plugins: [new HtmlWebpackPlugin({ filename: "taskpane.html", template: path.join(__dirname, "taskpane.html"), chunks: ["taskpane"] })],
});
