"""Regenerate every golden snapshot (`make snapshot`): runs each tools/snapshot_*.py.

Review the result as a diff (`git diff snapshots/`) before committing it.
"""

import runpy
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    for path in sorted(HERE.glob("snapshot_*.py")):
        print(f"snapshot: {path.stem.removeprefix('snapshot_')}")
        runpy.run_path(str(path), run_name="__main__")


if __name__ == "__main__":
    main()
