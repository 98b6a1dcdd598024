from django import template

from news.models import Report

register = template.Library()


@register.inclusion_tag("news/includes/latest_reports.html")
def latest_reports(count=4):
    """The home page block: the latest published reports (one query)."""
    return {"reports": list(Report.objects.published().for_cards()[:count])}


@register.inclusion_tag("news/includes/organisation_reports.html")
def organisation_reports(organisation, count=5):
    """Latest published reports of an organisation and everything below it (one query)."""
    reports = list(Report.objects.published().for_cards().of_organisation_tree(organisation)[:count])
    return {"organisation": organisation, "reports": reports, "count": count}
