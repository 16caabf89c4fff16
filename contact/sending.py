"""How many messages one address may send, and the e-mail that tells the secretariat of one."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from security.client import client_ip

logger = logging.getLogger(__name__)

# Messages one address may send; more within the hour are refused with the text kept in the form.
RATE = "5/h"


def by_address(group, request):
    return client_ip(request) or "unknown"


def over_limit(request):
    """Whether this address has sent more messages than RATE allows (each call counts one)."""
    return is_ratelimited(request, group="contact", key=by_address, rate=RATE, increment=True)


def send(message, page_url):
    # The secretariat reads the mail in English, whatever language the visitor wrote in.
    with translation.override("en"):
        subject = _("Contact form: %(topic)s") % {"topic": message.get_topic_display()}
        body = "\n\n".join(
            [
                f"{message.name} <{message.email}> ({message.language}), {page_url}",
                message.message,
            ]
        )
    email = EmailMessage(
        f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
        body,
        to=settings.CONTACT_EMAILS,
        reply_to=[message.email],
    )
    try:
        email.send()
    except OSError:
        logger.exception("The contact message %s was stored but not e-mailed", message.pk)
