"""Multiply the loaded site's content: (factor - 1) more copies of every technical group, of seven
cooperation projects per copy, of every observer state, legal document, event and news item, each
linked like the original (the cooperation group's page then lists ten times the documents,
coordinators, projects, news and events). For measuring that page costs do not grow with the site:

    DJANGO_SETTINGS_MODULE=alliance_site.settings.dev .venv/bin/python bench/grow_content.py [--factor 10]

It writes to the configured database (one transaction; run it on a scratch database, never on a
site in use) and is what `bench/render_speed.py --grow` runs. The copies are the same ones the
query-count tests make (tests/test_query_counts.py, tests/events/test_query_counts.py).
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def grow(factor):
    from django.db import transaction
    from django.utils import translation

    from news.models import NewsItemPage
    from tests.events.test_query_counts import multiply_events
    from tests.news.helpers import add_item
    from tests.test_query_counts import multiply_content
    from workgroups.models import TechnicalGroupPage

    with transaction.atomic(), translation.override("en"):
        news = list(NewsItemPage.objects.live())
        group = TechnicalGroupPage.objects.get(slug_en="cooperation")
        multiply_content(factor)
        multiply_events(factor)
        for number in range(len(news) * (factor - 1)):
            source = news[number % len(news)]
            add_item(f"grown-{number}", kind=source.kind, date=source.date, groups=[group])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=int, default=10, help="how many times the content (default 10)")
    args = parser.parse_args()
    if args.factor < 2:
        sys.exit("--factor must be 2 or more")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings.dev")
    import django

    django.setup()
    grow(args.factor)
    from workgroups.models import TechnicalGroupPage

    print(f"{TechnicalGroupPage.objects.count()} technical groups now")


if __name__ == "__main__":
    main()
