// decimal.js for the add-in, without the methods Outturn never calls (issue 14: the add-in's
// JavaScript within 80 KB gzipped). A webpack loader over node_modules/decimal.js/decimal.mjs, for the
// add-in's bundle only (webpack.config.js): the file in node_modules is never edited, and the command
// line, the tests and tsx keep the whole library. What goes: the trigonometric, hyperbolic and root
// methods, base conversion (toBinary/toHex/toOctal), toFraction, toNearest, random, hypot and their
// statics — their `P.name = …` and `Decimal.name = …` assignments are removed here, and terser then
// drops the helpers only they used (cosine, sine, taylorSeries, toStringBinary, …). What stays: all
// the arithmetic, comparison, rounding and text the engine uses, and pow, log, ln and exp (the audit
// and the report reader call them). test/taskpane/decimal-trim.test.ts fails if any src/ code calls a
// removed method, or if the engine, the audit or the report reader does on the examples at run time.
'use strict';
const acorn = require('acorn');

/** Prototype methods removed (every alias of each). */
const REMOVED_METHODS = [
  'cosine', 'cos', 'cubeRoot', 'cbrt', 'hyperbolicCosine', 'cosh', 'hyperbolicSine', 'sinh', 'hyperbolicTangent', 'tanh',
  'inverseCosine', 'acos', 'inverseHyperbolicCosine', 'acosh', 'inverseHyperbolicSine', 'asinh', 'inverseHyperbolicTangent', 'atanh',
  'inverseSine', 'asin', 'inverseTangent', 'atan', 'sine', 'sin', 'squareRoot', 'sqrt', 'tangent', 'tan',
  'toBinary', 'toFraction', 'toHexadecimal', 'toHex', 'toNearest', 'toOctal',
];

/** Static methods of the constructor removed. */
const REMOVED_STATICS = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'atan2', 'cbrt', 'cos', 'cosh', 'hypot', 'random', 'sin', 'sinh', 'sqrt', 'tan', 'tanh'];

/** Methods that must stay whatever else is trimmed (the audit and the report reader call them). */
const KEPT = ['pow', 'toPower', 'log', 'logarithm', 'ln', 'naturalLogarithm', 'exp', 'naturalExponential'];

/** The names assigned by a chain `A.x = A.y = value` whose objects are all `object`. */
function chainNames(expr, object) {
  const names = [];
  let e = expr;
  while (e && e.type === 'AssignmentExpression' && e.left.type === 'MemberExpression' && e.left.object.type === 'Identifier' && e.left.object.name === object && !e.left.computed) {
    names.push(e.left.property.name);
    e = e.right;
  }
  return names;
}

/**
 * decimal.mjs's text without REMOVED_METHODS' and REMOVED_STATICS' assignments. Throws when an
 * expected assignment is not found (a new decimal.js laid out otherwise must be looked at, not
 * trimmed blindly) or a chain mixes a removed name with a kept one.
 */
function trimDecimal(source) {
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const cuts = [];
  const seenMethods = new Set();
  const seenStatics = new Set();
  const visit = (statements, object, removed, seen) => {
    for (const st of statements) {
      if (st.type !== 'ExpressionStatement') continue;
      const names = chainNames(st.expression, object);
      if (!names.length) continue;
      const hit = names.filter((n) => removed.includes(n));
      if (!hit.length) continue;
      if (hit.length !== names.length || names.some((n) => KEPT.includes(n))) throw new Error(`decimal-trim: ${object}.${names.join(' = ')} mixes removed and kept names`);
      for (const n of names) seen.add(n);
      cuts.push([st.start, st.end]);
    }
  };
  visit(ast.body, 'P', REMOVED_METHODS, seenMethods);
  const clone = ast.body.find((st) => st.type === 'FunctionDeclaration' && st.id.name === 'clone');
  if (!clone) throw new Error('decimal-trim: no clone() in decimal.mjs');
  visit(clone.body.body, 'Decimal', REMOVED_STATICS, seenStatics);
  const missing = [...REMOVED_METHODS.filter((n) => !seenMethods.has(n)), ...REMOVED_STATICS.filter((n) => !seenStatics.has(n)).map((n) => `Decimal.${n}`)];
  if (missing.length) throw new Error(`decimal-trim: not found in decimal.mjs: ${missing.join(', ')}`);
  let out = '';
  let at = 0;
  for (const [s, e] of cuts.sort((a, b) => a[0] - b[0])) {
    out += source.slice(at, s);
    at = e;
  }
  return out + source.slice(at);
}

/** The webpack loader. */
function loader(source) {
  return trimDecimal(source);
}

module.exports = loader;
module.exports.trimDecimal = trimDecimal;
module.exports.REMOVED_METHODS = REMOVED_METHODS;
module.exports.REMOVED_STATICS = REMOVED_STATICS;
module.exports.KEPT = KEPT;
