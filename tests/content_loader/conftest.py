import shutil

import pytest
from django.conf import settings


@pytest.fixture
def content_copy(tmp_path):
    """A copy of content/ that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(settings.BASE_DIR / "content", target)
    return target
