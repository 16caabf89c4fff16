from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    CONCLUDED = "concluded", _("Concluded")
    IN_PREPARATION = "in_preparation", _("In preparation")
    BEING_FORMULATED = "being_formulated", _("Being formulated")
