"""Atom feed of the latest changes to cooperation projects, in the language of its URL."""

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from caching import dependencies
from cooperation.models import CooperationProjectIndexPage, CooperationProjectPage

from .views import QUERY_PARAMETERS, BadRequest, requested_language

LATEST = 20


class ProjectChangesFeed(Feed):
    """One entry per project, newest change first; an entry's `updated` is the project's last publication."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        request.query_parameters = QUERY_PARAMETERS
        try:
            language = requested_language(request)
        except BadRequest as error:
            return JsonResponse({"error": error.message}, status=error.status)
        with translation.override(language):
            response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = language
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        return _("Pacific Alliance: cooperation projects")

    def subtitle(self, request):
        return _("The latest changes to the cooperation projects of the Pacific Alliance.")

    def author_name(self, request):
        return _("Pacific Alliance")

    def link(self, request):
        index = CooperationProjectIndexPage.objects.live().first()
        return index.get_url(request) if index else "/"

    def items(self, request):
        projects = list(
            dependencies.listed(CooperationProjectPage.objects.live())
            .public()
            .order_by("-last_published_at", "pk")[:LATEST]
        )
        for project in projects:
            project.feed_link = project.get_url(request)
        return projects

    def item_title(self, project):
        return project.title

    def item_description(self, project):
        return f"{project.get_status_display()}. {project.summary}"

    def item_link(self, project):
        return project.feed_link

    def item_updateddate(self, project):
        return project.last_published_at

    def item_pubdate(self, project):
        return project.first_published_at

    def item_categories(self, project):
        return [project.get_status_display()]
