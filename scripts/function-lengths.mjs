// `node scripts/function-lengths.mjs [N]`: the N longest functions in src/ (lines from the function's
// first to its last line), read with the TypeScript compiler's parser. Used to measure issue #9.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const n = Number(process.argv[2] ?? 15);

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(p) ? [p] : [];
  });
}

const rows = [];
for (const f of files(SRC)) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const a = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const b = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      let name = node.name?.getText(sf);
      if (!name && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText(sf);
      if (!name && ts.isPropertyAssignment(node.parent)) name = node.parent.name.getText(sf);
      rows.push({ lines: b - a + 1, name: name ?? '(anonymous)', where: `${relative(ROOT, f)}:${a + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
rows.sort((x, y) => y.lines - x.lines);
for (const r of rows.slice(0, n)) console.log(`${String(r.lines).padStart(5)}  ${r.name.padEnd(28)} ${r.where}`);
