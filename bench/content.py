"""Content: load + validation time of the real content, and scaling to 1,000 exercises and 200 stories.

Method
------
``kneecore.load_content`` (read every YAML file, validate, cross-check) is timed REPEATS
times in this process; the median is printed. Then, for each scaled domain whose model
exists (a domain whose content model still has no fields is a placeholder and is skipped
with a note), the real content folder is copied to a temporary folder and the domain's
items (the list of ``id``-carrying mappings under its plural key, e.g. ``exercises:``) are
cloned with new ids (``<id>_gen<n>``) and numbered titles until the domain holds the
target count: new files of 100 items each in a folder domain, or appended to a single-file
domain. The scaled folder is validated first (a clone that the domain's own rules refuse
is reported, not timed) and then timed the same way.

Run: ``.venv/bin/python bench/content.py [repeats]``
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from _lib import ROOT, median, ms

from kneecore import ContentError, load_content
from kneecore.content import exercises, library

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
TARGETS = (("exercises", exercises, "ExerciseContent", 1000), ("stories", library, "LibraryContent", 200))


def timed_load(folder: Path) -> float:
    """Median seconds of load_content(folder)."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        load_content(folder)
        times.append(time.perf_counter() - start)
    return median(times)


def _items(raw: Any, key: str) -> list[dict[str, Any]] | None:
    if isinstance(raw, dict) and isinstance(raw.get(key), list):
        items = [i for i in raw[key] if isinstance(i, dict) and "id" in i]
        return items or None
    return None


def _domain_files(folder: Path, key: str) -> list[Path]:
    """Every content file that holds a list of items under ``key``."""
    found = []
    for path in sorted(folder.rglob("*.yaml")):
        if _items(yaml.safe_load(path.read_text(encoding="utf-8")), key) is not None:
            found.append(path)
    return found


def _clone(item: dict[str, Any], n: int, ids: set[str]) -> dict[str, Any]:
    new = copy.deepcopy(item)
    new["id"] = f"{item['id']}_gen{n}"
    for field in ("title", "name"):
        if isinstance(new.get(field), str):
            new[field] = f"{new[field]} ({n})"
    for field, value in item.items():  # links to siblings (ladders) would need the sibling's answer
        if isinstance(value, list) and value and all(isinstance(v, str) and v in ids for v in value):
            new[field] = []
    return new


def _scale_one_per_file(folder: Path, target: int) -> int:
    """A folder of one-item files (``stories/<id>.yaml``): copy files with new ids."""
    originals = sorted(p for p in folder.glob("*.yaml") if not p.name.startswith(("_", "index")))
    items = [(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in originals]
    items = [(p, raw) for p, raw in items if isinstance(raw, dict) and "id" in raw]
    if not items:
        return 0
    ids = {raw["id"] for _, raw in items}
    for n in range(max(0, target - len(items))):
        clone = _clone(items[n % len(items)][1], n, ids)
        (folder / f"{clone['id']}.yaml").write_text(
            yaml.safe_dump(clone, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return max(target, len(items))


def scale(folder: Path, key: str, target: int) -> int:
    """Clone items under ``key`` in ``folder`` until there are ``target``; the count reached."""
    files = _domain_files(folder, key)
    if not files:
        return _scale_one_per_file(folder / key, target) if (folder / key).is_dir() else 0
    originals: list[dict[str, Any]] = []
    for path in files:
        originals += _items(yaml.safe_load(path.read_text(encoding="utf-8")), key) or []
    ids = {str(item["id"]) for item in originals}
    clones = [_clone(originals[n % len(originals)], n, ids) for n in range(max(0, target - len(originals)))]
    same_folder = all(p.parent == files[0].parent for p in files)
    if len(files) > 1 and same_folder:
        base = yaml.safe_load(files[0].read_text(encoding="utf-8"))
        for start in range(0, len(clones), 100):
            doc = {k: v for k, v in base.items()}
            doc[key] = clones[start : start + 100]
            out = files[0].parent / f"zz_generated_{start // 100:03d}.yaml"
            out.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    else:
        raw = yaml.safe_load(files[-1].read_text(encoding="utf-8"))
        raw[key] = list(raw[key]) + clones
        files[-1].write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return len(originals) + len(clones)


def main() -> None:
    """Print the figures."""
    base = timed_load(ROOT / "content")
    files = len(list((ROOT / "content").rglob("*.yaml")))
    print(f"real content: {files} files, load + validate median {ms(base)} (of {REPEATS})")
    summary = [f"real {ms(base)}"]
    for key, module, model_name, target in TARGETS:
        model = getattr(module, model_name)
        fields = getattr(model, "model_fields", None)
        if fields is None and dataclasses.is_dataclass(model):
            fields = dataclasses.fields(model)
        if not fields:
            print(f"{key}: skipped, the {model_name} model is still a placeholder")
            summary.append(f"{key} skipped (placeholder)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "content"
            shutil.copytree(ROOT / "content", folder)
            count = scale(folder, key, target)
            if count < target:
                print(f"{key}: skipped, no file with a list of {key} found")
                summary.append(f"{key} skipped (no items)")
                continue
            try:
                load_content(folder)
            except ContentError as exc:
                print(f"{key}: the generated content does not validate, not timed:")
                print("  " + "\n  ".join(exc.problems[:3]))
                summary.append(f"{key} not timed (generated content refused)")
                continue
            seconds = timed_load(folder)
            print(
                f"{key}: {count} items, load + validate median {ms(seconds)} "
                f"({seconds / base:.1f}x the real content)"
            )
            summary.append(f"{count} {key} {ms(seconds)}")
    print("\nSUMMARY content: " + ", ".join(summary))


if __name__ == "__main__":
    main()
