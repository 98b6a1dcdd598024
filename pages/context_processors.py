def menus(request):
    return {}
