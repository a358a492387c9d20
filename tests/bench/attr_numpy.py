#!/usr/bin/env python3
"""The measuring stick for `cjm attribution`: a straightforward numpy
version of first-order Markov removal effects on the same CSV (path;
total_conversions; total_conversion_value; total_null).  Transition counts
per channel pair, then for the chain and for each channel removed, the
probability of conversion from start by a dense linear solve.  Prints the
removal effects, one line a channel, and is timed by make bench.
usage: attr_numpy.py PATHS.csv"""
import sys

import numpy as np


def main():
    rows = []
    with open(sys.argv[1], encoding="utf-8-sig") as f:
        head = f.readline().strip().split(";")
        ip, ic, inull = head.index("path"), head.index("total_conversions"), head.index("total_null")
        for line in f:
            if line.strip():
                x = line.rstrip("\n").split(";")
                rows.append(([c.strip() for c in x[ip].split(">")], float(x[ic]), float(x[inull])))
    channels = sorted({c for p, _, _ in rows for c in p})
    idx = {c: k + 1 for k, c in enumerate(channels)}
    n = len(channels) + 3                       # start, channels, conversion, null
    conv, null = n - 2, n - 1
    counts = np.zeros((n, n))
    for path, c, nl in rows:
        s = [0] + [idx[x] for x in path]
        w = c + nl
        np.add.at(counts, (s[:-1], s[1:]), w)
        counts[s[-1], conv] += c
        counts[s[-1], null] += nl

    def p_convert(removed):
        q = counts.copy()
        if removed:
            q[:, null] += q[:, removed]         # entering the channel is a null
            q[:, removed] = 0
            q[removed, :] = 0
        out = q.sum(axis=1, keepdims=True)
        p = np.divide(q, out, out=np.zeros_like(q), where=out > 0)
        t = list(range(conv))                   # transient: start and channels
        a = np.eye(len(t)) - p[np.ix_(t, t)]
        x = np.linalg.solve(a, p[t, conv])
        return x[0]

    base = p_convert(0)
    for c in channels:
        print(c, 1 - p_convert(idx[c]) / base)


if __name__ == "__main__":
    main()
