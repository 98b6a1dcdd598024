import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _kyrgyz_by_default():
    with translation.override("ky"):
        yield


def from_cache(response):
    """A response served by the page cache renders no template in the test client."""
    return response.status_code == 200 and not response.templates
