"""THE INEXACT PEER: the same sums in Python floats (what float(x) on money gives). Used by `npm run bench`
only to show what exactness costs; never the product's arithmetic.
usage: python3 ledger_float.py EXPORT.csv MAPPING.json"""
import csv, json, sys

def main():
    mapping = json.load(open(sys.argv[2]))
    sums = {h: [0.0, 0.0] for h in set(mapping.values())}
    by_centre = {cc: sums[h] for cc, h in mapping.items()}
    with open(sys.argv[1], newline='', encoding='utf-8') as f:
        rows = csv.reader(f)
        header = next(rows)
        cc, b, a = header.index('Cost Centre'), header.index('Annual Budget'), header.index('YTD Actual')
        for row in rows:
            s = by_centre[row[cc]]
            s[0] += float(row[b])
            s[1] += float(row[a])
    json.dump({h: [repr(x), repr(y)] for h, (x, y) in sums.items()}, sys.stdout)

main()
