# The roles' fixtures, shared with the editorial tests.
from tests.editorial.conftest import translator, translator_client  # noqa: F401
