from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    """What a news item is; the values are also the listing's `?kind=` filter values."""

    PRESS_RELEASE = "press-release", _("Press release")
    NEWS = "news", pgettext_lazy("kind of news item", "News")
    STATEMENT = "statement", _("Statement")
