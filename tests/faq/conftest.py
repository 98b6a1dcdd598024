# The organisation tree and the FAQ editor as the roles tests make them (tests/faq/test_reply.py).
from tests.roles.conftest import faq_editor, tree  # noqa: F401
