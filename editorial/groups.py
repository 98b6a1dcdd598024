"""The names of the role groups that editorial/migrations/0002_role_groups.py creates.

Bilingual, as staff of both languages pick them on the user page. The code never asks for them
(editorial/scopes.py and editorial/services.py ask for permissions); tests and set-up scripts do.
"""

FEDERATION_EDITOR = "Федерациянын редактору / Редактор федерации"
REGIONAL_EDITOR = "Аймактык редактор / Региональный редактор"
REVIEWER = "Текшерүүчү / Рецензент"
FAQ_EDITOR = "FAQ редактору / Редактор FAQ"
