"""The contact page and the messages visitors send through it."""

from django.db import models, transaction
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from base.pages import SectionPage
from base.rich_text import RICH_TEXT_FEATURES

from .forms import TOPICS, ContactForm
from .sending import over_limit, send


class ContactPage(SectionPage):
    """Where visitors write to the secretariat: the published contact details and a form.

    The page holds a CSRF token made for one visitor, so it is never shared: every answer is
    private and not stored by any cache.
    """

    details = RichTextField(
        _("contact details"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The secretariat's published addresses, shown beside the form."),
    )
    thank_you = models.TextField(_("thank-you text"), help_text=_("Shown once a message has been sent."))

    content_panels = SectionPage.content_panels + [FieldPanel("details"), FieldPanel("thank_you")]
    search_fields = SectionPage.search_fields + [index.SearchField("details")]
    query_parameters = frozenset({"sent", "topic"})
    accepts_posts = True  # through `?form=contact` (security/request_guard.py)

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        form = None
        status = 200
        if request.method == "POST":
            form = ContactForm(request.POST)
            if form.is_valid():
                if self.accept(request, form):
                    return redirect(f"{self.url}?sent=1")
                status = 429
        response = super().serve(request, *args, form=form, **kwargs)
        response.status_code = status
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    def accept(self, request, form):
        """Store a valid message and e-mail it once committed; False when the address sent too many.

        It is stored first, so a mail server that is down loses nothing: the secretariat reads it
        in the admin (Contact messages). A message whose trap field is filled comes from a robot:
        it is answered as if it had been sent, and neither stored nor e-mailed.
        """
        if form.is_trap_filled:
            return True
        if over_limit(request):
            form.add_error(None, _("Too many messages came from your address. Please try again in an hour."))
            return False
        fields = {name: form.cleaned_data[name] for name in ("name", "email", "topic", "message")}
        message = ContactMessage.objects.create(**fields, language=request.LANGUAGE_CODE)
        page_url = request.build_absolute_uri(self.url)
        transaction.on_commit(lambda: send(message, page_url))
        return True

    def get_context(self, request, *args, form=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("topic")
        initial = {"topic": topic} if topic in dict(TOPICS) else {}
        context["form"] = form or ContactForm(initial=initial)
        context["sent"] = request.method == "GET" and "sent" in request.GET
        return context


class ContactMessage(models.Model):
    """A message sent through the contact page, kept for the secretariat (see the privacy notice)."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    topic = models.CharField(_("topic"), max_length=20, choices=TOPICS)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=8)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.name} <{self.email}>: {self.get_topic_display()}"
