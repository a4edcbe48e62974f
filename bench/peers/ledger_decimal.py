"""The peer a finance analyst would write instead of Outturn: Python 3's csv and decimal modules
(exact), summing a ledger export's budget and actual per heading. Used by `npm run bench`.
usage: python3 ledger_decimal.py EXPORT.csv MAPPING.json  (mapping: {cost centre: heading})
Prints {heading: [budget, actual]} as JSON text of exact decimals."""
import csv, json, sys
from decimal import Decimal

def main():
    mapping = json.load(open(sys.argv[2]))
    sums = {h: [Decimal(0), Decimal(0)] for h in set(mapping.values())}
    by_centre = {cc: sums[h] for cc, h in mapping.items()}
    with open(sys.argv[1], newline='', encoding='utf-8') as f:
        rows = csv.reader(f)
        header = next(rows)
        cc, b, a = header.index('Cost Centre'), header.index('Annual Budget'), header.index('YTD Actual')
        for row in rows:
            s = by_centre[row[cc]]
            s[0] += Decimal(row[b])
            s[1] += Decimal(row[a])
    json.dump({h: [str(x), str(y)] for h, (x, y) in sums.items()}, sys.stdout)

main()
