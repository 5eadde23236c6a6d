"""URLs of the OParl API (/oparl/v1/). Stable: clients store every object's URL as its id."""

from __future__ import annotations

from django.urls import path, register_converter

from portal.oparl import views


class KeyConverter:
    """An object's key: "123", or "body-5" in a type with several sources."""

    regex = r"(?:[a-z]{1,20}-)?\d{1,18}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TypeConverter:
    regex = r"[a-z]{1,20}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KeyConverter, "oparlkey")
register_converter(TypeConverter, "oparltype")

app_name = "oparl"
urlpatterns = [
    path("", views.system, name="system"),
    path("body/", views.body_list, name="body_list"),
    path("body/<slug:slug>/", views.body_detail, name="body"),
    path("body/<slug:slug>/<oparltype:oparl_type>/", views.body_list_of, name="body_list_of"),
    path(
        "organization/<oparlkey:key>/meeting/",
        views.organization_meeting_list,
        name="organization_meetings",
    ),
    path("file/<oparlkey:key>/access/", views.file_access, name="file_access"),
    path("file/<oparlkey:key>/download/", views.file_download, name="file_download"),
    path("<oparltype:oparl_type>/<oparlkey:key>/", views.object_detail, name="object"),
    path("schema/raati-extensions.json", views.extension_schema, name="extension_schema"),
    # Anything else under the API answers a JSON 404, not the site's HTML page.
    path("<path:rest>", views.not_found, name="not_found"),
]
