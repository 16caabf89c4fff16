"""What the open data page says about each data set: its title and the meaning of every field."""

from django.utils.translation import gettext_lazy as _

DATA_SETS = {
    "groups": {
        "title": _("Technical groups"),
        "fields": [
            ("id", _("number"), _("Identifier of the group; it does not change.")),
            ("slug", _("text"), _("Last part of the group's address in this language.")),
            ("title", _("text"), _("Name of the group.")),
            ("acronym", _("text"), _("Acronym of the group; empty if it has none.")),
            ("summary", _("text"), _("What the group does, in one sentence.")),
            ("url", _("text"), _("Address of the group's page in this language.")),
            ("contact_email", _("text"), _("E-mail address of the group; empty if it has none.")),
            ("projects", _("list of numbers"), _("Identifiers of the group's cooperation projects.")),
            (
                "last_published_at",
                _("date and time"),
                _("When the group's page was last published (ISO 8601)."),
            ),
        ],
    },
    "projects": {
        "title": _("Cooperation projects"),
        "fields": [
            ("id", _("number"), _("Identifier of the project; it does not change.")),
            ("slug", _("text"), _("Last part of the project's address in this language.")),
            ("title", _("text"), _("Name of the project.")),
            ("summary", _("text"), _("What the project is, in one sentence.")),
            ("objective", _("text"), _("What the project sets out to achieve.")),
            ("url", _("text"), _("Address of the project's page in this language.")),
            (
                "status",
                _("code"),
                _("in_progress, concluded, in_preparation or being_formulated; the same in both languages."),
            ),
            ("status_label", _("text"), _("The status in words, in this language.")),
            (
                "group",
                _("object or null"),
                _(
                    "The technical group the project belongs to: id, title and url. "
                    "In CSV: group_id and group_title."
                ),
            ),
            (
                "countries",
                _("list of codes"),
                _("ISO 3166-1 codes of the member countries whose entities take part."),
            ),
            (
                "entities",
                _("list of objects"),
                _(
                    "Responsible entities: name, acronym and country "
                    "(ISO code; null for a partner from outside the Alliance)."
                ),
            ),
            (
                "start",
                _("date"),
                _(
                    "When the project started: YYYY, YYYY-MM or YYYY-MM-DD, "
                    "as precise as the records are; null if unknown."
                ),
            ),
            (
                "planned_end",
                _("date"),
                _("When the project is planned to end, in the same form; null if unknown."),
            ),
            (
                "last_published_at",
                _("date and time"),
                _("When the project's page was last published (ISO 8601)."),
            ),
        ],
    },
    "observers": {
        "title": _("Observer states"),
        "fields": [
            ("iso_code", _("code"), _("ISO 3166-1 alpha-2 code of the state; it does not change.")),
            ("name", _("text"), _("Name of the state in this language.")),
            (
                "continent",
                _("code"),
                _("Africa, Americas, Asia, Europe or Oceania (UN M49 regions); the same in both languages."),
            ),
            ("continent_label", _("text"), _("The continent in this language.")),
            (
                "year_admitted",
                _("number or null"),
                _("Year the state became an observer; null where no source gives it."),
            ),
            ("sources", _("list of addresses"), _("Where the facts come from.")),
        ],
    },
    "news": {
        "title": _("News and press releases"),
        "fields": [
            ("id", _("number"), _("Identifier of the item; it does not change.")),
            ("slug", _("text"), _("Last part of the item's address in this language.")),
            ("title", _("text"), _("Headline of the item.")),
            ("kind", _("code"), _("press-release, news or statement; the same in both languages.")),
            ("kind_label", _("text"), _("The kind in words, in this language.")),
            ("date", _("date"), _("The day of the event the item reports (YYYY-MM-DD).")),
            ("summary", _("text"), _("The item in one or two sentences.")),
            ("url", _("text"), _("Address of the item's page in this language.")),
            (
                "groups",
                _("list of objects"),
                _("The technical groups it concerns: id, title and url. In CSV: their titles."),
            ),
            (
                "projects",
                _("list of objects"),
                _("The cooperation projects it concerns: id, title and url. In CSV: their titles."),
            ),
            ("countries", _("list of codes"), _("ISO 3166-1 codes of the member countries it concerns.")),
            (
                "last_published_at",
                _("date and time"),
                _("When the item's page was last published (ISO 8601)."),
            ),
        ],
    },
    "events": {
        "title": _("Events and summits"),
        "fields": [
            ("id", _("number"), _("Identifier of the event; it does not change.")),
            ("slug", _("text"), _("Last part of the event's address in this language.")),
            ("title", _("text"), _("Name of the event.")),
            (
                "kind",
                _("code"),
                _("The kind of event, such as presidential_summit; the same in both languages."),
            ),
            ("kind_label", _("text"), _("The kind in words, in this language.")),
            (
                "start",
                _("date"),
                _("When it began: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the records are."),
            ),
            ("end", _("date or null"), _("Its last day (YYYY-MM-DD), for an event of several days.")),
            ("city", _("text"), _("Where it was held, in this language; empty if unknown.")),
            ("country", _("code or null"), _("ISO 3166-1 code of the country where it was held.")),
            ("country_name", _("text or null"), _("That country's name in this language.")),
            ("summary", _("text"), _("The event in one sentence.")),
            ("date_note", _("text"), _("Where accounts of the event give different dates, what they say.")),
            ("url", _("text"), _("Address of the event's page in this language.")),
            (
                "groups",
                _("list of objects"),
                _("The technical groups it concerns: id, title and url. In CSV: their titles."),
            ),
            (
                "projects",
                _("list of objects"),
                _("The cooperation projects it concerns: id, title and url. In CSV: their titles."),
            ),
            (
                "last_published_at",
                _("date and time"),
                _("When the event's page was last published (ISO 8601)."),
            ),
        ],
    },
}
