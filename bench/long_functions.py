"""List the functions of pipeline/ longer than a limit (default 60 lines), longest first.

.venv/bin/python bench/long_functions.py [--limit 60]
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    found = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > args.limit:
                    found.append((n, f"{path.relative_to(ROOT)}:{node.lineno}", node.name))
    for n, where, name in sorted(found, reverse=True):
        print(f"{n:4d}  {where}  {name}")


if __name__ == "__main__":
    main()
