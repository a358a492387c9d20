#!/usr/bin/env python3
"""Write N observed channel paths (the attribution CSV: path;conversions;
value;nulls) for make bench: 12 channels, paths of 1 to 12 steps, every
path distinct in its counts.  usage: gen_paths.py N > paths.csv"""
import random
import sys

CHANNELS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu"]


def main():
    n = int(sys.argv[1])
    rnd = random.Random(1)
    out = ["path;total_conversions;total_conversion_value;total_null"]
    for _ in range(n):
        steps = rnd.randint(1, 12)
        path = " > ".join(rnd.choice(CHANNELS) for _ in range(steps))
        conv = rnd.randint(0, 3)
        value = round(conv * rnd.uniform(0.5, 4), 3)
        out.append(f"{path};{conv};{value};{rnd.randint(0, 8)}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
