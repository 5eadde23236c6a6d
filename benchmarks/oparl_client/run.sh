#!/usr/bin/env bash
# Import Raati's OParl API with an existing open-source OParl client: the importer of
# Meine Stadt Transparent (PyPI: meine-stadt-transparent 0.2.14, MIT), the council portal
# that imports German cities from their OParl APIs. Run once by hand; not part of `make bench`.
#
#   1. Serve a demo:   DATABASE_URL=sqlite:////tmp/raati-demo.sqlite3 DEBUG=1 OPARL_RATE_LIMIT=0 \
#                      .venv/bin/python manage.py runserver 127.0.0.1:8104
#   2. Then:           benchmarks/oparl_client/run.sh http://127.0.0.1:8104
#
# Needs Python 3.10 (Django 4.0), Debian's libmagickwand-6.q16-6 (the client imports Wand).
# mysqlclient is left out (the client runs on SQLite here) and psycopg2 comes as
# psycopg2-binary; numpy stays below 2 for the client's elasticsearch 7.10 (search is off).
# The client's object store (minio) is replaced by a folder (mst_files.py).
set -euo pipefail
API="${1:-http://127.0.0.1:8104}"
WORK="${MST_WORK:-/tmp/raati-mst}"
PY="${MST_PYTHON:-python3.10}"
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$WORK/log"
cd "$WORK"
if [ ! -x venv/bin/python ]; then
  "$PY" -m venv venv
  venv/bin/pip download --no-deps -q -d wheel meine-stadt-transparent==0.2.14
  venv/bin/python - <<'PYEOF' > reqs.txt
import glob, zipfile
meta = zipfile.ZipFile(glob.glob("wheel/*.whl")[0]).read("meine_stadt_transparent-0.2.14.dist-info/METADATA").decode()
for line in meta.splitlines():
    if line.startswith("Requires-Dist:") and "extra ==" not in line:
        req = line.split(":", 1)[1].strip().replace(" (", "").replace(")", "")
        if not req.startswith(("mysqlclient", "psycopg2")):
            print(req)
print("psycopg2-binary>=2.9.3,<3")
print("numpy<2")
PYEOF
  venv/bin/pip install -q -r reqs.txt
  venv/bin/pip install -q --no-deps meine-stadt-transparent==0.2.14
fi
SITE="$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
cat > .env <<ENV
REAL_HOST=localhost
SECRET_KEY=raati-oparl-client-test-only
DATABASE_URL=sqlite:///$WORK/mst.sqlite3
ELASTICSEARCH_ENABLED=False
TIME_ZONE=Europe/Helsinki
LOG_DIRECTORY=$WORK/log
NOMINATIM_URL=http://127.0.0.1:9
ENV
rm -f mst.sqlite3
venv/bin/python "$SITE/manage.py" migrate -v0
# The Amtlicher Gemeindeschlüssel is German; any 8 digits keep the client off Wikidata.
# In one thread: the client fetches its lists in parallel, and its SQLite (the client is
# built for MySQL) says "database is locked" when two of them write at once. `import` has
# no option for it, so the importer's own default (force_singlethread) is set.
venv/bin/python "$SITE/manage.py" shell -c "
from django.core.management import call_command
from importer.importer import Importer
Importer.__init__.__defaults__ = (*Importer.__init__.__defaults__[:-1], True)
call_command('import', '$API/oparl/v1/body/paijat-hame/', '--skip-body-extra', '--skip-files',
             '--ags', '12345678')
"
MST_SITE_PACKAGES="$SITE" MST_FILES="$WORK/files" venv/bin/python "$HERE/mst_files.py"
for table in body organization person membership meeting agendaitem paper consultation file legislativeterm location; do
  printf '%-16s %s\n' "$table" "$(sqlite3 mst.sqlite3 "select count(*) from mainapp_$table where deleted = 0")"
done
echo "files downloaded: $(sqlite3 mst.sqlite3 'select count(*) from mainapp_file where filesize is not null')"
