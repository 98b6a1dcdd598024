def site_settings(request):
    return {}
