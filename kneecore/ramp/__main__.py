"""``python -m kneecore.ramp inputs.json`` (or ``-`` for stdin), and ``--schema``.

Prints one JSON plan on stdout and exits 0. Anything wrong with the input prints one
line naming the key on stderr and exits 2, never a traceback. The line's words come from
``content/messages.yaml`` (:mod:`kneecore.messages`); if that file itself is missing or
broken, the line is a fixed short English one naming the key, the message code and the
broken file, and the exit code is still 2.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from kneecore.errors import ContentError, InputError

USAGE = "usage: python -m kneecore.ramp INPUTS.json | - | --schema"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise InputError(key, "key_only_once")
        data[key] = value
    return data


def _no_constant(name: str) -> Any:
    raise InputError("input", "json_numbers", None, name=name)


def _read(arg: str) -> Any:
    try:
        raw = sys.stdin.buffer.read() if arg == "-" else open(arg, "rb").read()
    except OSError as exc:
        raise InputError("input", "readable_file_or_stdin", exc.strerror or str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("input", "utf8_text") from exc
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError("input", "json_object_invalid", None, line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise InputError("input", "json_object_deep") from exc


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 plan printed, 2 bad input)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        if args in (["-h"], ["--help"]):
            print(USAGE)
            return 0
        if args == ["--schema"]:
            from kneecore.ramp.inputs import input_schema

            json.dump(input_schema(), sys.stdout, indent=2)
            sys.stdout.write("\n")
            return 0
        if len(args) != 1 or (args[0].startswith("-") and args[0] != "-"):
            raise InputError("arguments", "arguments", " ".join(args))
        from kneecore.ramp import build_plan, parse_inputs

        plan = build_plan(parse_inputs(_read(args[0])))
    except InputError as exc:
        print(exc.message.replace("\n", " "), file=sys.stderr)
        return 2
    except ContentError as exc:
        print(
            f"content: {exc.problems[0] if exc.problems else 'ramp.yaml could not be read'}", file=sys.stderr
        )
        return 1
    json.dump(plan.to_dict(), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
