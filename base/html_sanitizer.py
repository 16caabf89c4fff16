"""Rich text is sanitised on output: whatever reached the database, only harmless markup is shown.

Wagtail's rich text rendering (the |richtext filter and RichText values) expands links but
passes any other markup through unchanged, so a <script> stored by the content loader, the API
or a shell would reach the page. templates/wagtailcore/shared/richtext.html, through which Wagtail
renders all rich text, runs it through this allowlist (nh3, a binding of the Rust crate ammonia):
the tags the editor's features produce plus plain formatting, links to http(s), mailto and tel
or relative addresses only, no event handlers, no style, no script content.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "abbr",
    "code",
    "blockquote",
    "hr",
    "ol",
    "ul",
    "li",
    "a",
}
ALLOWED_ATTRIBUTES = {"*": {"lang", "dir", "title"}, "a": {"href", "hreflang"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
)


def sanitize_html(html):
    return _cleaner.clean(html or "")
