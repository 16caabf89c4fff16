"""JSON-LD for search engines: data blocks, which a strict Content-Security-Policy lets through
(a browser never runs a script whose type is application/ld+json, so script-src does not apply)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# What Django's json_script escapes, so that no text can close the element or open a comment.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """<script type="application/ld+json"> holding `data`, safe whatever its strings contain."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _names_in_other_languages():
    current, names = translation.get_language(), []
    for code, _name in settings.LANGUAGES:
        if code != current:
            with translation.override(code):
                names.append(_("Pacific Alliance"))
    return names


def organization(home_url, description, members, request):
    """schema.org Organization of the Alliance, with its member countries."""
    absolute = request.build_absolute_uri if request else (lambda url: url)
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": _("Pacific Alliance"),
        "alternateName": _names_in_other_languages(),
        "url": absolute(home_url),
        "logo": absolute(static("img/icon-512.png")),
        "description": description,
        "member": [{"@type": "Country", "name": country.name} for country in members],
    }
