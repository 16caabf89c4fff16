"""Which index rows a visitor may see: SQL shared by both databases' searches.

Pages are found only under the site's root page and outside any page with a view restriction;
documents only outside a collection with one. Rows store the tree path of their page (or the
collection of their document), so this costs no join; the restrictions themselves are read once
per content version.
"""

from dataclasses import dataclass

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from caching.fragments import remember

DOCUMENT, OBSERVER = "document", "observer"


@dataclass(frozen=True)
class Visibility:
    root_path: str
    private_pages: tuple  # tree paths of the pages under a view restriction
    restricted_collections: tuple  # paths of the collections under one

    @classmethod
    def for_site(cls, root_page):
        def read():
            pages = PageViewRestriction.objects.values_list("page__path", flat=True)
            collections = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
            return sorted(set(pages)), sorted(set(collections))

        pages, collections = remember("search-restrictions", read)
        return cls(root_page.path, tuple(pages), tuple(collections))

    def sql(self, alias="e"):
        """(SQL condition, parameters) on the rows of table `alias`."""
        params = [len(self.root_path), self.root_path]
        hidden = " OR ".join(f"substr({alias}.path, 1, %s) = %s" for _path in self.private_pages)
        pages = f"substr({alias}.path, 1, %s) = %s" + (f" AND NOT ({hidden})" if hidden else "")
        for path in self.private_pages:
            params += [len(path), path]
        condition = f"({alias}.kind IN ('{DOCUMENT}', '{OBSERVER}') OR ({pages}))"
        if self.restricted_collections:
            closed = " OR ".join(f"substr({alias}.path, 1, %s) = %s" for _path in self.restricted_collections)
            condition += f" AND ({alias}.kind <> '{DOCUMENT}' OR NOT ({closed}))"
            for path in self.restricted_collections:
                params += [len(path), path]
        return condition, params
