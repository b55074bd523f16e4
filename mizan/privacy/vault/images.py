"""Re-encode an uploaded picture so nothing but its pixels is kept: no EXIF (camera, GPS position, time),
no XMP, no ICC profile, no comments or text chunks."""

from __future__ import annotations

import warnings
from io import BytesIO

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from mizan.privacy.vault.errors import FileTooLarge, FileUnreadable

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; more is refused before decoding
_SAVE_OPTIONS: dict[str, dict[str, object]] = {
    "JPEG": {"quality": 88},
    "PNG": {},
    "WEBP": {"quality": 85},
}
_BROKEN = _("This picture cannot be opened. It may be damaged. Please take the photo again.")


def _pixels_only(image: Image.Image, image_format: str) -> Image.Image:
    image = ImageOps.exif_transpose(image) or image  # keep it upright once the orientation tag is gone
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA" if image.mode == "PA" or "transparency" in image.info else "RGB")
    elif image.mode == "LA":
        image = image.convert("RGBA")
    elif image.mode not in ("L", "RGB", "RGBA"):
        image = image.convert("RGB")
    if image_format == "JPEG" and image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    # A new image from the raw pixels carries no ``info`` at all, so no metadata can ride along.
    return Image.frombytes(image.mode, image.size, image.tobytes())


def clean(data: bytes, image_format: str) -> bytes:
    """``data`` (a JPEG, PNG or WEBP) re-encoded in the same format with every piece of metadata gone."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as probe:
                if probe.format != image_format:
                    raise FileUnreadable(_BROKEN)
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise FileTooLarge(_("This picture has too many pixels. Please send a smaller photo."))
                probe.verify()
            with Image.open(BytesIO(data)) as image:
                image.load()
                clean_image = _pixels_only(image, image_format)
        out = BytesIO()
        clean_image.save(out, format=image_format, **_SAVE_OPTIONS[image_format])
    except (FileTooLarge, FileUnreadable):
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        MemoryError,
    ) as exc:
        raise FileUnreadable(_BROKEN) from exc
    return out.getvalue()
