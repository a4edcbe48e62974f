// "Cannot happen" is told apart from bad input: a broken invariant is an InternalError whose
// message says "internal error" and that it is not the input's fault, and the command line exits
// with its own code 3 (README: exit codes), not 2 (invalid input), writing nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTables } from '../../src/app/build';
import { InternalError, invariant } from '../../src/base/invariant';
import { fail } from '../../src/cli/build';
import { EXIT } from '../../src/cli/io';
import { toModel } from '../../src/format/validate';

const ROOT = join(__dirname, '..', '..');

describe('internal errors', () => {
  it('invariant() passes when the condition holds and throws an InternalError naming the fault when not', () => {
    assert.doesNotThrow(() => invariant(1 + 1 === 2, 'arithmetic'));
    assert.throws(() => invariant(false, () => 'Table 9 has no column x'), (e: unknown) => e instanceof InternalError && /^internal error: Table 9 has no column x \(this is a fault in Outturn, not in your input/.test(e.message));
  });

  it('the engine reports a broken promise of validation as an internal error, not as bad input', () => {
    const model = toModel(JSON.parse(readFileSync(join(ROOT, 'examples', 'derbyshire-2021-22-month6.json'), 'utf8')));
    // What validation never lets through: a ledger mapping to a heading Table 1 does not have.
    const ledger = model.revenue!.ledger!;
    const broken = { ...model, revenue: { ...model.revenue!, ledger: { ...ledger, mapping: [{ ...ledger.mapping[0], heading: 'No such heading' }, ...ledger.mapping.slice(1)] } } };
    assert.throws(() => buildTables(broken), (e: unknown) => e instanceof InternalError && /No such heading/.test(e.message));
  });

  it('the command line exits 3 for an internal error and 2 for invalid input, each saying which', () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (l: string) => err.push(l) };
    assert.equal(fail(new InternalError('the plan lost Table 2'), io).code, EXIT.INTERNAL);
    assert.equal(EXIT.INTERNAL, 3);
    assert.match(err.join('\n'), /internal error: the plan lost Table 2 .*nothing was written/);
    assert.notEqual(EXIT.INTERNAL, EXIT.INVALID);
  });
});
