// The CSV/TSV reader's own scan (plainRecords) against csv-parse, which it stands in for on the files
// it can read (issue 14: csv-parse's state machine was a fifth of a 100,000-row audit): on every file
// it reads, the very records csv-parse gives with readDelimited's options; on the rest it declines.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { type Delimiter, plainRecords, readDelimited } from '../../src/audit/delimited';
import { printedText } from '../../src/base/cells';
import { NIL_WORD, readCell } from '../../src/audit/grid';
import { parsePrinted } from '../../src/base/printed';

const OPTIONS = { comment: '#', comment_no_infix: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false };
const csvParse = (text: string, delimiter: Delimiter) => parse(text, { ...OPTIONS, delimiter }) as string[][];

describe('audit: plainRecords reads a CSV/TSV file as csv-parse does', () => {
  it('printed tables as people save them: quoted figures, CRLF, empty lines and fields, a quote doubled, a line break in a cell', () => {
    const cases: [string, Delimiter][] = [
      ['Heading,Budget,Outturn\nPolice pay,"1,234","1,300"\n\nTotal,"1,234","1,300"\n', ','],
      ['Heading,Budget\r\nA,1\r\n\r\nB,2\r\n', ','],
      ['a,b,\n,\n', ','],
      ['a,b,', ','],
      ['"Say ""no""",1\n"two\nlines",2', ','],
      ['Heading\tBudget\nA\t"1\t2"\n', '\t'],
      ['Heading;Budget\nA;1.234,5\n', ';'],
      ['\n', ','],
    ];
    for (const [text, d] of cases) assert.deepEqual(plainRecords(text, d), csvParse(text, d), JSON.stringify(text));
  });

  it('declines what csv-parse reads with its relaxations: a lone CR, mixed line ends, a quote inside a field, text after a closing quote, a quote left open', () => {
    for (const text of ['a,b\rc,d\r', 'a\r\nb\nc', 'a,b"c\n', ' "a",b\n', 'a,"b" \n', 'a,"b\n']) assert.equal(plainRecords(text, ','), undefined, JSON.stringify(text));
  });

  it('on random text: the records csv-parse gives whenever it reads the text, and readDelimited unchanged', () => {
    const alphabet = fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', '\r\n', '\r', ' ', '£');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((x) => x.join('')), fc.constantFrom<Delimiter>(',', ';', '\t'), (text, d) => {
        const mine = plainRecords(text, d);
        if (mine === undefined) return;
        let theirs: string[][] | undefined;
        try {
          theirs = csvParse(text, d);
        } catch {
          assert.fail(`csv-parse refuses ${JSON.stringify(text)}, which plainRecords reads as ${JSON.stringify(mine)}`);
        }
        assert.deepEqual(mine, theirs, JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('a printed table read through the scan: its grid and the line of each row', () => {
    const text = 'Revenue outturn,,\nHeading,Budget £\'000,Outturn £\'000\r\n'.replace('\r\n', '\n') + 'Police pay,"1,234","1,300"\n"Staff, ""other""",10,(5)\n\nTotal,"1,244","1,295"\n';
    const g = readDelimited(text, 't.csv');
    assert.deepEqual(g.cells, [
      ['Revenue outturn', null, null],
      ['Heading', "Budget £'000", "Outturn £'000"],
      ['Police pay', '1,234', '1,300'],
      ['Staff, "other"', '10', '(5)'],
      [null],
      ['Total', '1,244', '1,295'],
    ]);
    assert.deepEqual(g.lines, [1, 2, 3, 4, 5, 6]);
  });
});

describe('audit: printedText, a cell read as printed', () => {
  it('every run of white space one space, trimmed — with or without its scan of text already so', () => {
    const slow = (v: string) => v.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
    assert.equal(printedText('Police  pay\n(note 3) '), 'Police pay (note 3)');
    assert.equal(printedText("Budget\u00a0£'000"), "Budget £'000");
    assert.equal(printedText('Cost line 1'), 'Cost line 1');
    assert.equal(printedText(''), '');
    const ch = fc.constantFrom('a', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u2003', '\u3000', '\ufeff', '\u0085', '\u0001', '£', '1');
    fc.assert(fc.property(fc.array(ch, { maxLength: 12 }).map((x) => x.join('')), (v) => assert.equal(printedText(v), slow(v), JSON.stringify(v))), { numRuns: 20_000 });
  });
});

describe('audit: readCell, a cell of words', () => {
  it('text starting with a letter is text, with the reason parsePrinted gives, whatever follows it (a mark, a footnote, a unit, a %)', () => {
    assert.deepEqual(readCell('Police pay'), { kind: 'text', text: 'Police pay', reason: '"Police pay" is not a number as printed' });
    assert.equal(readCell('nil').kind, 'number');
    assert.equal(readCell('None ').kind, 'number');
    const head = fc.constantFrom('A', 'z', 'Cost line ', 'CR', 'Total ', 'm', 'x1');
    const tail = fc.constantFrom('', '1', '1,234', ' 12', ' CR', 'DR.', '-', ' (a)', '*', '†', ' [2]', 'm', ' bn', 'k', '%', ' %', ')', '(1)', ' ', '\u00a0', 'nil');
    fc.assert(
      fc.property(head, fc.array(tail, { maxLength: 3 }), (h, t) => {
        const v = h + t.join('');
        if (NIL_WORD.test(v)) return;
        const p = parsePrinted(v);
        assert.equal(p.kind, 'unreadable', v);
        assert.deepEqual(readCell(v), { kind: 'text', text: v, reason: (p as { reason: string }).reason }, JSON.stringify(v));
      }),
      { numRuns: 5_000 },
    );
  });
});
