// openpyxl (python3-openpyxl) as the third program that writes workbooks in the tests: python scripts
// make xlsx files the way a finance team's scripts do. See ../shared/TOOLING.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { requireOrSkip } from './libreoffice';

/** Debian's python3 (where python3-openpyxl is installed), not a version manager's shim. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** In CI openpyxl must be there (the test fails); elsewhere the test skips with a printed reason. */
export function requireOpenpyxl(ctx: Mocha.Context): void {
  const there = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
  requireOrSkip(ctx, there ? PYTHON : undefined, 'python3-openpyxl');
}
