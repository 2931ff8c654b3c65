"""Run every benchmark under bench/ (`make bench`); each prints its own figures and ratios."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    wanted = set(sys.argv[1:])
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        print(f"== {name} ==", flush=True)
        runpy.run_path(str(path), run_name="__main__")
        print(flush=True)


if __name__ == "__main__":
    main()
