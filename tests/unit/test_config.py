"""Server configuration and pinned dependencies: privacy and safety settings stay as decided."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    """.streamlit/config.toml, parsed."""
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("section", "option", "expected"),
    [
        ("browser", "gatherUsageStats", False),
        ("client", "showErrorDetails", "none"),
        ("client", "showErrorLinks", False),
        ("client", "toolbarMode", "viewer"),
        ("server", "enableXsrfProtection", True),
        ("runner", "magicEnabled", False),
        ("runner", "postScriptGC", False),
    ],
)
def test_privacy_and_safety_options(
    config: dict[str, Any], section: str, option: str, expected: object
) -> None:
    """No usage statistics, no tracebacks or error links for users, XSRF on, no magic output, no
    full garbage collection after every run (bench/load.py)."""
    assert config[section][option] == expected


def test_cors_is_not_switched_off(config: dict[str, Any]) -> None:
    """CORS protection keeps its default (on)."""
    assert config.get("server", {}).get("enableCORS", True) is True


def test_uploads_are_tiny(config: dict[str, Any]) -> None:
    """The app takes no uploads worth storing: the limit is at most 1 MB."""
    assert config["server"]["maxUploadSize"] <= 1


def test_theme_uses_no_outside_fonts(config: dict[str, Any]) -> None:
    """The theme loads no font from another host."""
    theme = config.get("theme", {})
    assert not [v for v in theme.values() if isinstance(v, str) and "://" in v]
    assert "fontFaces" not in theme


def test_theme_text_contrast_meets_wcag_aa(config: dict[str, Any]) -> None:
    """Text, captions and caption links on both backgrounds, and the primary colour, reach 4.5:1."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    def faded(hex_colour: str, background: str, alpha: float = 0.6) -> str:
        fg, bg = (int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)), background.lstrip("#")
        mixed = [round(alpha * c + (1 - alpha) * int(bg[i * 2 : i * 2 + 2], 16)) for i, c in enumerate(fg)]
        return "#" + "".join(f"{c:02x}" for c in mixed)

    theme = config["theme"]
    for background in (theme["backgroundColor"], theme["secondaryBackgroundColor"]):
        for colour in (theme["textColor"], theme["linkColor"]):  # captions draw both at 60%
            assert contrast(faded(colour, background), background) >= 4.5, (colour, background)
    assert contrast(theme["textColor"], theme["backgroundColor"]) >= 4.5
    assert contrast(theme["textColor"], theme["secondaryBackgroundColor"]) >= 4.5
    assert contrast(theme["primaryColor"], theme["backgroundColor"]) >= 4.5  # links and buttons
    assert contrast("#ffffff", theme["primaryColor"]) >= 4.5  # text on a primary button


def test_heading_sizes_step_down(config: dict[str, Any]) -> None:
    """h1 to h6 get strictly smaller, and section headings (h2) stay modest on a phone."""
    sizes = [float(size.removesuffix("rem")) for size in config["theme"]["headingFontSizes"]]
    assert len(sizes) == 6
    assert sizes == sorted(sizes, reverse=True)
    assert len(set(sizes)) == 6
    assert sizes[1] <= 1.75


def test_requirements_are_pinned() -> None:
    """Every requirement is pinned to one version (so an audit names exact versions)."""
    lines = [
        line.split("#", 1)[0].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    reqs = [line for line in lines if line]
    assert reqs
    loose = [r for r in reqs if not re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[A-Za-z0-9_.+\-]+", r)]
    assert loose == []
    names = [r.split("==")[0].lower() for r in reqs]
    assert "streamlit" in names  # the page layer leans on its internals: pinned


def test_site_yaml_theme_matches_config(config: dict[str, Any], content) -> None:
    """site.yaml (applied at run time) and config.toml (the first paint) give the same colours."""
    theme = content.site.theme
    assert config["theme"]["primaryColor"] == theme.primary_color
    assert config["theme"]["backgroundColor"] == theme.background_color
    assert config["theme"]["secondaryBackgroundColor"] == theme.secondary_background_color
    assert config["theme"]["textColor"] == theme.text_color


def test_clinical_safety_case_names_real_tests() -> None:
    """Every test the safety case cites as evidence exists (only those marked Pending may not)."""
    text = (ROOT / "docs" / "clinical-safety.md").read_text(encoding="utf-8")
    cited: list[tuple[str, str]] = []
    for bullet in re.split(r"\n- \*\*", text):
        evidence = bullet.split("**Pending:**", 1)[0]
        current = ""
        for path, func in re.findall(r"`(tests/[\w/]+\.py)?(?:::(\w+))?", evidence):
            current = path or current
            if path and not func:
                assert (ROOT / path).is_file(), path
            elif func:
                cited.append((current, func))
    assert len(cited) > 30
    missing = [
        f"{path}::{func}"
        for path, func in cited
        if not re.search(rf"^\s*def {func}\(", (ROOT / path).read_text(encoding="utf-8"), re.M)
    ]
    assert missing == []


def app_requirements() -> list[str]:
    """The requirements the image installs: requirements.txt above '# tests and tooling'."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "\n# tests and tooling\n" in text  # the Dockerfile cuts the file at this line
    head = text.split("\n# tests and tooling\n", 1)[0]
    return [line.split("==")[0].lower() for line in head.splitlines() if line and not line.startswith("#")]


def test_image_gets_the_app_but_no_test_tools() -> None:
    """The image's requirements hold Streamlit and the app's libraries, and none of the test tools."""
    names = app_requirements()
    assert "streamlit" in names
    assert not {"pytest", "hypothesis", "playwright", "ruff", "mypy", "pypdf"} & set(names)


def test_image_requirements_cover_every_import() -> None:
    """Every third-party module the app imports comes with a package the image installs."""
    import ast
    import sys
    from importlib import metadata

    from packaging.requirements import Requirement

    wanted = set(app_requirements())
    closure: set[str] = set()
    todo = list(wanted)
    while todo:  # the installed dependency closure of the app's requirements
        name = todo.pop()
        if name in closure:
            continue
        closure.add(name)
        for line in metadata.requires(name) or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name.lower().replace("_", "-"))
    owners = metadata.packages_distributions()
    sources = [ROOT / "streamlit_app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "kneecore").rglob("*.py")]
    missing = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top in {"kneecore", "pages"}:
                    continue
                dists = {d.lower().replace("_", "-") for d in owners.get(top, [top])}
                if not dists & {c.replace("_", "-") for c in closure}:
                    missing.add(f"{top} ({path.relative_to(ROOT)})")
    assert missing == set()


def test_dockerfile_is_slim_non_root_and_health_checked() -> None:
    """python:3.11-slim, app requirements only, content validated, a non-root user, a health check."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert lines[0] == "FROM python:3.11-slim"
    assert "sed '/^# tests and tooling/,$d' requirements.txt > requirements-app.txt" in text
    assert "pip install -r requirements-app.txt" in text
    assert "python -m kneecore validate content" in text
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users
    assert users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text
    assert "/_stcore/health" in text.split("HEALTHCHECK", 1)[1]
    assert "STREAMLIT_SERVER_ADDRESS=0.0.0.0" in text
    assert "COPY tests" not in text
    assert "COPY . " not in text


def test_dockerignore_keeps_secrets_and_tools_out() -> None:
    """The build context leaves out the venv, git, tests and any secrets file."""
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".git", ".venv", "tests", ".streamlit/secrets.toml"} <= ignored


def test_kubernetes_manifest_scales_out_with_sticky_sessions() -> None:
    """Several replicas, probes on /_stcore/health, resource requests, ClientIP affinity, non-root."""
    import yaml

    docs = {
        d["kind"]: d for d in yaml.safe_load_all((ROOT / "deploy" / "k8s.yaml").read_text(encoding="utf-8"))
    }
    deployment, service = docs["Deployment"], docs["Service"]
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"
    assert env["STREAMLIT_SERVER_ALLOWED_HOSTS"]
    assert service["spec"]["sessionAffinity"] == "ClientIP"
    assert service["spec"]["selector"] == deployment["spec"]["template"]["metadata"]["labels"]
