// The Home Office's reserve categories (MTFP, beyond MTFP, contingency) are a police body's: a fire
// authority's or a council's reserves get no "no Home Office category" note one by one. The kind of
// body is known from the organisation's name (isPoliceBody). Real inputs: Nottinghamshire and City of
// Nottingham FRA's earmarked reserves 2023-25 (test/fixtures/published/bodies/nottsfire-2023-25-reserves,
// source in its notes.md), 14 reserves with no category, as the authority publishes them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from '../../src/engine/build';
import { isPoliceBody } from '../../src/engine/reserves';
import { toModel } from '../../src/format/validate';

const notts = JSON.parse(readFileSync('test/fixtures/bodies-inputs/nottsfire-2023-25-reserves.json', 'utf8')) as Record<string, unknown>;
const categoryFindings = (doc: Record<string, unknown>) => {
  const r = build(toModel(doc));
  return { notes: r.findings.filter((f) => f.rule === 'reserves.categories'), checks: r.checks.filter((c) => c.rule === 'reserves.categories') };
};

describe('reserves: Home Office categories only for a police body', () => {
  it('a fire and rescue authority: no note per reserve, no category check', () => {
    const { notes, checks } = categoryFindings(notts);
    assert.deepEqual(notes, []);
    assert.deepEqual(checks, []);
  });

  it('the same reserves under a PCC: one note per reserve without a category, and the check fails', () => {
    const { notes, checks } = categoryFindings({ ...notts, organisation: 'Police and Crime Commissioner for Nottinghamshire' });
    assert.equal(notes.length, 14);
    assert.match(notes[0].message, /^Resilience Crewing and Training has no Home Office category; it is shown as "Not categorised"$/);
    assert.equal(checks.length, 1);
    assert.equal(checks[0].passed, false);
  });

  it('the kind of body from its name', () => {
    for (const o of ['Police and Crime Commissioner for Derbyshire', 'Essex Police, Fire and Crime Commissioner', 'Test PCC', "Mayor's Office for Policing and Crime (MOPAC)", 'Chief Constable of Surrey Police']) assert.equal(isPoliceBody(o), true, o);
    for (const o of ['Nottinghamshire and City of Nottingham Fire and Rescue Authority', 'Devon and Somerset Fire and Rescue Authority', 'Bath and North East Somerset Council', 'Hyndburn Borough Council']) assert.equal(isPoliceBody(o), false, o);
  });
});
