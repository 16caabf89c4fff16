"""Search latency at 1x, 10x and 100x the site's content, on a throwaway PostgreSQL database.

    .venv/bin/python bench/search_scale.py [--scales 1 10 100] [--requests 40]
        [--server postgres://postgres@127.0.0.1:5432]

Creates a database, migrates it, loads content/, then for each scale copies the technical group
and cooperation project pages (with their rows, both languages), the documents and observer
states until there are that many times as many, and times uncached searches (no page cache)
through Django's test client: p50 and p95 per scale. The database is dropped at the end.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

QUERIES = {"en": ["cooperation", "scholarships", "volunteers", "tourisn"], "es": ["cooperación", "becas"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    name = f"alliance_search_bench_{os.getpid()}"
    with psycopg.connect(f"{args.server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        run(args, f"{args.server}/{name}")
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{args.server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(args, url):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.update(
        DATABASE_URL=url, PAGE_CACHE_SECONDS="0", DJANGO_SETTINGS_MODULE="alliance_site.settings.dev"
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("compile_translations", verbosity=0)
    call_command("load_alliance_content", verbosity=0)
    print("| content | pages | index rows | p50 ms | p95 ms | searches/s |")
    print("| --- | --- | --- | --- | --- | --- |")
    done = 1
    for scale in sorted(args.scales):
        grow(done, scale)
        done = scale
        report(scale, args.requests)


def grow(current, scale):
    from django.db import transaction

    from cooperation.models import CooperationProjectPage
    from documents.models import LegalDocument
    from observers.models import ObserverState
    from workgroups.models import TechnicalGroupPage

    originals = [
        page.specific
        for model in (TechnicalGroupPage, CooperationProjectPage)
        for page in model.objects.filter(slug_en__regex=r"^[a-z-]+$")
    ]
    documents = list(LegalDocument.objects.filter(title_en__regex=r"^[^#]+$"))
    observers = list(ObserverState.objects.filter(iso_code__regex=r"^[A-Z]{2}$"))[:6]
    for copy in range(current, scale):
        with transaction.atomic():
            for page in originals:
                slug = f"{page.slug_en}-{copy}"
                page.copy(
                    to=page.get_parent(),
                    update_attrs={"slug": slug, "slug_en": slug, "slug_es": f"{page.slug_es}-{copy}"},
                    keep_live=True,
                    log_action=None,
                )
            for document in documents:
                LegalDocument.objects.create(
                    title=f"{document.title} #{copy}",
                    title_en=f"{document.title_en} #{copy}",
                    title_es=f"{document.title_es} #{copy}",
                    file=document.file.name,
                    kind=document.kind,
                    language=document.language,
                    collection=document.collection,
                )
            for n, observer in enumerate(observers):
                number = copy * len(observers) + n  # lower-case codes: no real state has one
                ObserverState.objects.create(
                    iso_code=f"{chr(97 + number // 26 % 26)}{chr(97 + number % 26)}",
                    name_en=f"{observer.name_en} {copy}",
                    name_es=f"{observer.name_es} {copy}",
                    continent=observer.continent,
                )


def report(scale, requests):
    from django.test import Client
    from wagtail.models import Page

    from discovery.models import SearchEntry

    client, timings = Client(HTTP_HOST="127.0.0.1"), []
    paths = {"en": "/en/search/", "es": "/es/buscar/"}
    for language, queries in QUERIES.items():
        for query in queries:
            client.get(paths[language], {"q": query})  # warm
            for _ in range(requests):
                start = time.perf_counter()
                response = client.get(paths[language], {"q": query})
                timings.append(time.perf_counter() - start)
                assert response.status_code == 200, response.status_code
    p50 = statistics.median(timings) * 1000
    p95 = statistics.quantiles(timings, n=20)[-1] * 1000
    pages, rows = Page.objects.count(), SearchEntry.objects.count()
    print(f"| {scale}x | {pages} | {rows} | {p50:.1f} | {p95:.1f} | {1000 / p50:.0f} |", flush=True)


if __name__ == "__main__":
    main()
