"""kneecore: the pure logic behind the knee app (no Streamlit in here).

Public surface (kept honest by ``tests/unit/test_exports.py``)::

    load_content, Content        validated YAML content
    KneecoreError                base of kneecore's errors
    ├── InputError               wrong input: names the key and what was expected
    └── ContentError             broken content: every problem, one line each
"""

from __future__ import annotations

from kneecore.content import Content, load_content
from kneecore.errors import ContentError, InputError, KneecoreError

__all__ = ["Content", "ContentError", "InputError", "KneecoreError", "load_content"]
