from django import template

from editorial.dashboard import dashboard_for, other_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def editorial_dashboard(context):
    """The signed-in staff member's sections (editorial/dashboard.py) for the admin index."""
    request = context.get("request")
    if request is None:
        return []
    return dashboard_for(request.user)


@register.simple_tag(takes_context=True)
def desk_sections(context):
    """The sections other apps add to the desk (AppConfig.desk_sections): new questions, submissions."""
    request = context.get("request")
    if request is None:
        return []
    return other_sections(request.user)
