#!/usr/bin/env bash
# Set up everything on a fresh machine and run every test: lint, types, unit, property,
# content, AppTest and the end-to-end browser tests in Debian's Chromium.
# Usage: bash tests/run.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt

# The browser tests use the system Chromium (browser downloads are blocked) and an
# emoji font so that screenshots show the page icons.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need+=(fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# axe-core for the accessibility tests, pinned with its lock file (tests/e2e/axe/).
if [ ! -f tests/e2e/axe/node_modules/axe-core/axe.min.js ]; then
  npm ci --prefix tests/e2e/axe --no-audit --no-fund --loglevel=error >/dev/null
fi

.venv/bin/ruff check --config tests/ruff.toml .
.venv/bin/mypy --config-file tests/mypy.ini
.venv/bin/python -m kneecore validate content
.venv/bin/python -m pytest -c tests/pytest.ini --rootdir . "$@"
