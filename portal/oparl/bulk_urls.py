"""The bulk files: CSV by year and the nightly dump. One address in every language."""

from __future__ import annotations

from django.urls import path, re_path

from portal.oparl import bulk, dump

app_name = "opendata_files"
urlpatterns = [
    re_path(
        r"^csv/(?P<kind>paatokset|kokoukset|lasnaolot|aanestykset)-(?P<year>\d{4})\.csv$",
        bulk.csv_year,
        name="csv",
    ),
    path("raati-oparl.jsonl.gz", dump.dump_file, name="dump"),
]
