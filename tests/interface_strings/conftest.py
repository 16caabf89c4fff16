# The roles' fixtures, shared with the editorial tests.
from tests.editorial.conftest import moderator, moderator_client, translator, translator_client  # noqa: F401
