"""``python -m kneecore validate [content_dir]`` and ``python -m kneecore schema``."""

from __future__ import annotations

import argparse
import json
import sys

from kneecore.content import default_root, json_schemas, validate


def main(argv: list[str] | None = None) -> int:
    """Run the content command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m kneecore", description="Content tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="validate the content folder (exit 1 on problems)")
    check.add_argument("content_dir", nargs="?", default=None)
    sub.add_parser("schema", help="print the JSON Schema of every content file")
    args = parser.parse_args(argv)
    if args.command == "schema":
        json.dump(json_schemas(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    root = args.content_dir or default_root()
    problems = validate(root)
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    print(f"content OK: {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
