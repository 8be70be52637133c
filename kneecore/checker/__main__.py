"""``python -m kneecore.checker answers.json | - | --schema``: the contract's command line.

Prints one JSON object on stdout and exits 0. Bad input prints one line on stderr naming
the key and what was expected, and exits 2. Broken content exits 1 with one line. It
never prints a traceback. The error's words come from ``content/messages.yaml``
(:mod:`kneecore.messages`); if that file itself is missing or broken, bad input still
gives one line and exit 2: a fixed short English line naming the key, the message code
and the broken file.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kneecore.checker.answers import answers_schema, parse_json
from kneecore.checker.engine import assess
from kneecore.content.checker import load_checker
from kneecore.errors import ContentError, InputError

USAGE = "usage: python -m kneecore.checker ANSWERS.json | - | --schema"


def _read(arg: str) -> bytes:
    if arg == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(arg).read_bytes()
    except OSError as exc:
        reason = exc.strerror or "cannot read"
        raise InputError("", "readable_json_file", None, reason=reason, path=arg) from None


def main(argv: list[str] | None = None) -> int:
    """Run the checker command line; returns the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if args in (["-h"], ["--help"]):
        print(USAGE)
        print("Prints the checker's result as JSON; --schema prints the answers' JSON Schema.")
        return 0
    if args == ["--schema"]:
        json.dump(answers_schema(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    try:
        if len(args) != 1 or (args[0].startswith("-") and args[0] != "-"):
            raise InputError("arguments", "arguments", " ".join(args) or None)
        answers = parse_json(_read(args[0]))
        content = load_checker()
    except InputError as exc:
        print("error: " + " ".join(exc.message.splitlines()), file=sys.stderr)
        return 2
    except ContentError as exc:
        first = exc.problems[0] if exc.problems else "unknown problem"
        print(f"content error ({len(exc.problems)} problem(s)): {first}", file=sys.stderr)
        return 1
    json.dump(assess(content, answers).to_json(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def run() -> None:
    """Entry point that turns any unexpected failure into one line, never a traceback."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    except Exception as exc:
        print(f"internal error: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        code = 1
    sys.exit(code)


if __name__ == "__main__":
    run()
