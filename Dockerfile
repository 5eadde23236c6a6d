# Raati's production image: gunicorn + WhiteNoise for the web, the same image for the
# Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

# gettext compiles the translations; the Pango/HarfBuzz libraries serve WeasyPrint;
# Voikko gives search the base forms and compound parts of Finnish words.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext curl libvoikko1 voikko-fi \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 raati
WORKDIR /app

COPY pyproject.toml README.md ./
COPY portal/ portal/
COPY councils/ councils/
COPY strategy/ strategy/
COPY forums/ forums/
RUN pip install .

COPY . .
# A throwaway key only for the build steps; the container refuses to start without its own.
RUN SECRET_KEY=build-only-not-a-secret-0123456789abcdefghijklmnopqrstuv DEBUG=0 \
    python manage.py compilemessages --ignore=.venv -v0 \
 && SECRET_KEY=build-only-not-a-secret-0123456789abcdefghijklmnopqrstuv DEBUG=0 \
    python manage.py collectstatic --no-input -v0 \
 && mkdir -p /app/media && chown -R raati /app/media

USER raati
EXPOSE 8000
# Preloaded, the garbage collector frozen after start-up (gunicorn.conf.py).
CMD ["gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi:application"]
