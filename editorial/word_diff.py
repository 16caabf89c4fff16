"""What changed in a field's English, word by word, in the words a reader sees.

Rich text is read as Wagtail's search index reads it (tags dropped, blocks kept apart), a stream
field block by block through each block's own searchable content; the words are compared with
difflib and the differences marked <del> (gone) and <ins> (new).
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import format_html, format_html_join
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing


@dataclass
class WordDiff:
    html: str  # the new text with the old one's words marked where they differ
    changed: int  # words inserted, deleted or replaced


def visible_text(field, value):
    """The words a reader sees of `value`, a value (or the stored text) of model field `field`."""
    if value is None:
        return ""
    if isinstance(field, StreamField):
        # The stored text (JSON) of the English of then, or the value of now.
        stream = value if isinstance(value, StreamValue) else field.to_python(value)
        return "\n".join(" ".join(child.block.get_searchable_content(child.value)) for child in stream)
    if isinstance(field, RichTextField):
        return get_text_for_indexing(str(value))
    return str(value)


def word_diff(old, new):
    before, after = old.split(), new.split()
    parts, changed = [], 0
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(format_html("{}", " ".join(after[new_start:new_end])))
            continue
        changed += max(old_end - old_start, new_end - new_start)
        if old_end > old_start:
            parts.append(format_html("<del>{}</del>", " ".join(before[old_start:old_end])))
        if new_end > new_start:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[new_start:new_end])))
    return WordDiff(format_html_join(" ", "{}", ((part,) for part in parts)), changed)
