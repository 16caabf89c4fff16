"""The document download view."""

from wagtail.documents.views.serve import serve


def serve_document(request, document_id, document_filename):
    """Wagtail's document serve view, without the `Content-Encoding: None` header it sends.

    Wagtail's sendfile helper sets Content-Encoding to the file's guessed encoding even when there
    is none, so every PDF went out as "Content-Encoding: None", which clients may refuse to decode.
    """
    response = serve(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    return response
