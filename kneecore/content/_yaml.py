"""Safe YAML reading that refuses duplicate keys and yields tuples for sequences.

Plain PyYAML keeps the last of two equal keys without a word; a clinic editing a file
by hand deserves to hear about it. Sequences become tuples so that frozen, strict
pydantic models can take them as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, SequenceNode

__all__ = ["YamlError", "read_yaml"]


class YamlError(Exception):
    """The file is not valid YAML (or has a duplicate key); the message says where."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate mapping keys and builds tuples."""


def _construct_mapping(loader: _StrictLoader, node: MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as exc:
            raise ConstructorError(
                None, None, "a mapping key must be plain text", key_node.start_mark
            ) from exc
        if key in seen:
            raise ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first at line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _StrictLoader, node: SequenceNode) -> tuple[Any, ...]:
    return tuple(loader.construct_object(child, deep=True) for child in node.value)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path) -> Any:
    """Read one YAML file strictly.

    Parameters
    ----------
    path:
        The file to read.

    Returns
    -------
    The parsed document (mappings as dicts, sequences as tuples).

    Raises
    ------
    YamlError
        The file cannot be read, is not UTF-8, is not valid YAML or repeats a key.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise YamlError("file is missing") from exc
    except UnicodeDecodeError as exc:
        raise YamlError("file is not UTF-8 text") from exc
    except OSError as exc:
        raise YamlError(f"cannot read the file ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        what = exc.problem or exc.context or "not valid YAML"
        raise YamlError(f"{where}{what}") from exc
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML ({exc})") from exc
