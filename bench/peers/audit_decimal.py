"""The peer an auditor would write instead of `outturn audit`: Python 3's csv and decimal modules
casting a printed table (each block of lines against the sub-total under it, the sub-totals
against the grand total), every column. Used by `npm run bench` on the table bench/peers.ts prints.
usage: python3 audit_decimal.py TABLE.csv   Prints the number of differences found."""
import csv, sys
from decimal import Decimal

def num(s):
    s = s.replace(',', '').strip()
    neg = s.startswith('(') and s.endswith(')')
    d = Decimal(s.strip('()') or '0')
    return -d if neg else d

def main():
    with open(sys.argv[1], newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    body = rows[2:]
    width = len(rows[1]) - 1
    block = [Decimal(0)] * width
    subtotals = [Decimal(0)] * width
    differences = 0
    for row in body:
        label, figures = row[0], [num(x) for x in row[1:]]
        if label.startswith('Total'):
            differences += sum(1 for i in range(width) if block[i] != figures[i])
            subtotals = [s + x for s, x in zip(subtotals, figures)]
            block = [Decimal(0)] * width
        elif label.isupper():
            differences += sum(1 for i in range(width) if subtotals[i] != figures[i])
        else:
            block = [s + x for s, x in zip(block, figures)]
    print(differences)

main()
