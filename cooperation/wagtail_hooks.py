from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from base.models import KeyFigure
from base.pages import visible_to_everyone

from .models import CooperationProjectIndexPage, CooperationProjectPage, ProjectFigure


@hooks.register("register_key_figures")
def project_figures(request):
    projects = visible_to_everyone(CooperationProjectPage.objects.live())
    index = CooperationProjectIndexPage.objects.live().first()
    url = index.get_url(request) if index else None
    as_of = projects.aggregate(year=Max("status_as_of"))["year"]
    figures = [KeyFigure(projects.count(), str(_("cooperation projects")), as_of, url, order=30)]
    awarded = ProjectFigure.objects.filter(page__in=projects, counts="scholarships_awarded")
    totals = awarded.aggregate(total=Sum("value"), year=Max("page__status_as_of"))
    if totals["total"]:
        figures.append(
            KeyFigure(totals["total"], str(_("scholarships awarded")), totals["year"], url, order=40)
        )
    return figures
