from django import template

from editorial.dashboard import dashboard_for

register = template.Library()


@register.simple_tag(takes_context=True)
def editorial_dashboard(context):
    """The signed-in staff member's sections (editorial/dashboard.py) for the admin index."""
    request = context.get("request")
    if request is None:
        return []
    return dashboard_for(request.user)
