# The organisation tree, the role holders and their reports, as the roles tests know them.
from tests.roles.conftest import (  # noqa: F401
    _kyrgyz_by_default,
    category,
    district_editor,
    federation_editor,
    osh_reviewer,
    reports,
    tree,
)
