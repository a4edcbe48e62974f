// V8's code cache for the bundled command line (lib/outturn.cjs, lib/deps/*.cjs): so that a command
// does not compile ~6 MB of JavaScript from scratch on every run. `npm run build:cli` (the prepare
// script) runs the commands once (scripts/bundle-cli.mjs: --help, a build of the worked example, an
// audit) and saves what V8 compiled for each bundle in lib/cache/; every later run hands it back to
// V8 (vm.Script cachedData) instead of compiling. Node 22 has this built in (module.enableCompileCache);
// Node 20, which Outturn supports, does not.
//
// A cache file is named after its bundle's size and modification time, so a rebuilt bundle never
// meets an old cache (V8 itself checks only the length of the source). A cache V8 refuses (another
// Node, other flags) is ignored: the bundle is compiled as usual. Nothing else changes: the module
// is wrapped and run exactly as Node's own loader does (Module.wrap), with the same require.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const lib = path.join(__dirname, '..', 'lib');
const dir = path.join(lib, 'cache');

function cacheFile(filename) {
  const st = fs.statSync(filename);
  return path.join(dir, `${path.relative(lib, filename).replace(/[\\/]/g, '+')}.${st.size}-${Math.floor(st.mtimeMs)}.v8`);
}

/**
 * Compiles the files under lib/ with their code cache from now on. With `write`, keeps the scripts
 * and returns a function that saves what V8 has compiled of each (call it at the end of the run).
 */
function useCodeCache(write = false) {
  const compiled = [];
  const original = Module.prototype._compile;
  Module.prototype._compile = function compile(content, filename) {
    if (!filename.startsWith(lib + path.sep) || !filename.endsWith('.cjs')) return original.call(this, content, filename);
    const file = cacheFile(filename);
    let cachedData;
    if (!write) {
      try {
        cachedData = fs.readFileSync(file);
      } catch {
        cachedData = undefined;
      }
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (write) compiled.push({ script, file });
    const fn = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    require.main = process.mainModule;
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  return () => {
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    for (const { script, file } of compiled) fs.writeFileSync(file, script.createCachedData());
  };
}

module.exports = { useCodeCache };
