from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PRESIDENTIAL_SUMMIT = "presidential_summit", _("Presidential summit")
    COUNCIL_OF_MINISTERS = "council_of_ministers", _("Council of Ministers meeting")
    HIGH_LEVEL_GROUP = "high_level_group", _("High Level Group meeting")
    TECHNICAL_GROUP_MEETING = "technical_group_meeting", _("Technical group meeting")
    WORKSHOP = "workshop", _("Workshop")
    SPORTS_MEETING = "sports_meeting", _("Sports meeting")
    CALL_FOR_APPLICATIONS = "call_for_applications", _("Call for applications")
    OTHER = "other", _("Other")
