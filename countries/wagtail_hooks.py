from django.utils.translation import get_language
from wagtail import hooks

from caching.fragments import remember

from .models import MemberCountryPage


@hooks.register("construct_home_page")
def link_member_countries(request, context):
    """The home page's country tiles lead to the country pages."""

    def urls():
        return {page.country_id: page.get_url(request) for page in MemberCountryPage.objects.live()}

    found = remember(f"country-page-urls:{get_language()}", urls)
    context["member_links"] = [(country, found.get(country.pk)) for country, _url in context["member_links"]]
