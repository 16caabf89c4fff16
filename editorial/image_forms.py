"""The image upload form (loaded by Wagtail from settings, once the models are ready)."""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CompleteImageField(WagtailImageField):
    """Wagtail's image field, refusing a damaged file (a truncated PNG, for one) with a form error:
    Wagtail reads such a file's size outside its own check and fails with a server error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except OSError as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class AllianceImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        upload = self.fields.get("file")
        if upload is not None:
            self.fields["file"] = CompleteImageField(
                label=upload.label, required=upload.required, help_text=upload.help_text, widget=upload.widget
            )
