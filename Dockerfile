# Knee Compass: a slim, non-root image. Build: docker build -t knee-compass .
# Run:   docker run --rm -p 8501:8501 knee-compass   (then open http://localhost:8501)
# Guide: docs/deploy.md
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Fonts for the chart images (PNG export); nothing else from apt.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Only the app's pinned requirements: everything above the "# tests and tooling" line of
# requirements.txt (one file keeps the pins; the test tools never enter the image).
COPY requirements.txt ./
RUN sed '/^# tests and tooling/,$d' requirements.txt > requirements-app.txt \
    && pip install -r requirements-app.txt \
    && rm requirements.txt

COPY .streamlit ./.streamlit
COPY kneecore ./kneecore
COPY pages ./pages
COPY content ./content
COPY streamlit_app.py ./

# Refuse to build an image whose content does not validate.
RUN python -m kneecore validate content

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app
USER 10001

# Listen on all interfaces inside the container; the rest comes from .streamlit/config.toml.
# No file watcher in production; no full gc.collect() after every script run (bench/load.py:
# under 20 concurrent sessions it multiplied the median page run many times over).
ENV STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_RUNNER_POST_SCRIPT_GC=false

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request, sys; r = urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4); sys.exit(0 if r.status == 200 else 1)"

# Extra options go after the image name (docker run ... knee-compass --server.allowedHosts=knee.example.org)
ENTRYPOINT ["streamlit", "run", "streamlit_app.py"]
CMD []
