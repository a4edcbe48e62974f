// The add-in's pages: the task pane, the ribbon's function file, and the engine worker.
// `npm run build` writes dist/ for production; `npm run dev-server` serves it on
// https://localhost:3000 with Office's development certificates.
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');
const { writeValidator } = require('./scripts/ajv-standalone.cjs');

const PORT = 3000;

/** Office's development certificates: made here if absent (trusting them is `npx office-addin-dev-certs install`). */
async function httpsOptions() {
  const defaults = require('office-addin-dev-certs/lib/defaults');
  const fresh = () => {
    try {
      const { X509Certificate } = require('node:crypto');
      const cert = new X509Certificate(fs.readFileSync(defaults.localhostCertificatePath));
      return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
    } catch {
      return false;
    }
  };
  if (!fresh()) {
    const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
    await generateCertificates();
    console.log(`Made development certificates in ${defaults.certificateDirectory}; trust ${defaults.caCertificatePath} (see docs/sideloading.md).`);
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const serving = !!process.env.WEBPACK_SERVE;
  // Ajv compiled ahead of time: no `new Function` and no copy of the schema in the add-in (see
  // scripts/ajv-standalone.cjs). The worker loads it only for a document from outside the input
  // templates, whose reader enforces every schema rule itself (src/taskpane/schema-validator-on-demand.ts).
  const fullValidator = writeValidator(path.join(__dirname, 'node_modules', '.cache', 'outturn', 'schema-validator-full.cjs'));
  return {
    mode: production ? 'production' : 'development',
    // Source maps as files in both modes: an eval-based map (webpack's development default) is
    // forbidden by the pane's Content-Security-Policy (no 'unsafe-eval'), and the pane never loaded.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
      // The worker loads its on-demand chunk (the report reader) with importScripts, as a worker must.
      'engine.worker': { import: './src/taskpane/engine.worker.ts', chunkLoading: 'import-scripts' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // Every chunk sits beside the page and the worker that load it: a relative path, no run-time
      // guess of the script's own address (webpack's 'auto', ~0.3 KB gzipped in each entry).
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `npm run typecheck`; here only transpiled, as ES modules for tree shaking.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
        {
          // decimal.js without the methods Outturn never calls (trigonometric, roots, base conversion):
          // the add-in's bundle only; the command line and the tests keep the whole library.
          test: /[\\/]node_modules[\\/]decimal\.js[\\/]decimal\.mjs$/,
          use: path.join(__dirname, 'scripts', 'decimal-trim.cjs'),
        },
      ],
    },
    plugins: [
      // No validator in the worker a build loads: the template reader's documents need none.
      new webpack.NormalModuleReplacementPlugin(/(^|\/)schema-validator$/, path.join(__dirname, 'src', 'taskpane', 'schema-validator-on-demand.ts')),
      // The whole validator, its error objects in: a chunk loaded, with its words, only for a document from elsewhere.
      new webpack.NormalModuleReplacementPlugin(/(^|\/)schema-validator-full$/, fullValidator),
      // The forecasting engine (src/engine/forecasting.ts, as engine/build.ts imports it: the ledger,
      // the MTFP, next year's capital and its financing) becomes a chunk of the worker's own, loaded
      // when an input has one of them: a build of the statutory tables alone never loads it
      // (src/taskpane/forecasting-on-demand.ts).
      // Only engine/build.ts's import: src/audit has a './forecasting' of its own.
      new webpack.NormalModuleReplacementPlugin(/^\.\/forecasting$/, (r) => {
        if (path.resolve(r.context) === path.join(__dirname, 'src', 'engine')) r.request = path.join(__dirname, 'src', 'taskpane', 'forecasting-on-demand.ts');
      }),
      // The same for the document's ledger and MTFP read into the model (src/format/forecast-model.ts, as validate.ts imports it).
      new webpack.NormalModuleReplacementPlugin(/^\.\/forecast-model$/, (r) => {
        if (path.resolve(r.context) === path.join(__dirname, 'src', 'format')) r.request = path.join(__dirname, 'src', 'taskpane', 'forecasting-on-demand.ts');
      }),
      // The words of a document's schema errors (src/format/schema-words.ts, as validate.ts imports it)
      // become a chunk loaded with the whole validator only when a document fails
      // (src/taskpane/schema-words-on-demand.ts): a build that writes its tables never loads them.
      new webpack.NormalModuleReplacementPlugin(/^\.\/schema-words$/, (r) => {
        if (path.resolve(r.context) === path.join(__dirname, 'src', 'format')) r.request = path.join(__dirname, 'src', 'taskpane', 'schema-words-on-demand.ts');
      }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/help/help.html', to: 'help.html' },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
          // pdf.js's own worker, served from the add-in's origin (never a CDN): the "Audit a report…"
          // PDF chunk starts it (src/pdf/browser.ts). Named .js so any web server sends it as JavaScript.
          { from: require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs'), to: 'pdf.worker.js' },
        ],
      }),
      {
        // The stylesheet is linked by hand: the pane needs no CSS loader in its bundle.
        apply(compiler) {
          compiler.hooks.compilation.tap('OutturnCss', (compilation) => {
            HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('OutturnCss', (data) => {
              if (data.outputName === 'taskpane.html') data.html = data.html.replace('</head>', '  <link rel="stylesheet" href="taskpane.css">\n</head>');
              return data;
            });
          });
        },
      },
    ],
    performance: { hints: false },
    // Each on-demand chunk carries its own libraries (docx, pdf.js, parse5) under its own name,
    // rather than in numbered vendor files: what loads when is then plain from dist/.
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
    devServer: serving
      ? {
          port: PORT,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
          static: false,
          // No injected client: it would also land in the worker, which has no window. Reload the pane by hand.
          hot: false,
          liveReload: false,
          client: false,
        }
      : undefined,
  };
};
