"""Encrypted files: only sealed bytes on disk, pictures stripped of metadata, bad uploads refused."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms

from mizan.privacy import vault
from mizan.privacy.vault.errors import (
    CorruptBlobError,
    DecryptionError,
    FileTooLarge,
    FileTypeNotAllowed,
    FileUnreadable,
    VaultError,
)
from mizan.privacy.vault.models import StoredFile
from tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db

CONTEXT = "tests.document"
GPS_LATITUDE = (27.0, 42.0, 36.5)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Kathmandu"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def photo_with_metadata(image_format: str = "JPEG", size: tuple[int, int] = (64, 48)) -> bytes:
    """A real picture carrying what a phone camera adds: GPS position, camera, time, XMP, ICC, comment."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Model X"
    exif[ExifTags.Base.DateTime] = "2026:11:01 08:15:00"
    exif[ExifTags.Base.Orientation] = 6  # rotated: the stripped copy must come out upright
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: GPS_LATITUDE,
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (85.0, 19.0, 12.0),
    }
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = BytesIO()
    options: dict[str, Any] = {"exif": exif, "icc_profile": icc, "xmp": XMP}
    if image_format == "JPEG":
        options["comment"] = b"taken at the agency office"
    image.save(out, format=image_format, **options)
    return out.getvalue()


def stored_bytes(media_root: Path) -> list[bytes]:
    return [path.read_bytes() for path in media_root.rglob("*") if path.is_file()]


@pytest.fixture
def owner() -> Any:
    return WorkerFactory()


def test_a_photo_loses_gps_exif_xmp_icc_and_comment(owner: Any, media_root: Path) -> None:
    original = photo_with_metadata()
    with Image.open(BytesIO(original)) as before:  # the test photo really carries all of it
        assert before.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] == GPS_LATITUDE
        assert {"icc_profile", "xmp", "comment", "exif"} <= set(before.info)

    stored = vault.seal_file(owner, SimpleUploadedFile("IMG_2026.jpg", original), context=CONTEXT)
    clean = vault.read_file(stored)

    with Image.open(BytesIO(clean)) as after:
        assert after.format == "JPEG"
        assert after.size == (48, 64)  # turned upright by the orientation tag before it was dropped
        assert len(after.getexif()) == 0
        assert not after.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not {"exif", "icc_profile", "xmp", "comment", "dpi"} & set(after.info)
    for marker in (
        b"Exif\x00\x00",
        b"PhoneMaker",
        b"Kathmandu",
        b"adobe:ns:meta",
        b"ICC_PROFILE",
        b"agency office",
    ):
        assert marker not in clean
    assert stored.content_type == "image/jpeg"
    assert stored.size == len(clean)
    assert stored.name == "IMG_2026.jpg"


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_lose_their_metadata_too(owner: Any, image_format: str) -> None:
    stored = vault.seal_file(
        owner, SimpleUploadedFile("scan", photo_with_metadata(image_format)), context=CONTEXT
    )
    clean = vault.read_file(stored)
    with Image.open(BytesIO(clean)) as after:
        assert after.format == image_format
        assert len(after.getexif()) == 0
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(after.info)
    assert b"PhoneMaker" not in clean
    assert b"Kathmandu" not in clean
    assert stored.name == f"scan.{image_format.lower()}"


def test_png_text_chunks_and_palettes_are_handled(owner: Any) -> None:
    from PIL import PngImagePlugin

    image = Image.new("P", (10, 10), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] * 128)
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "Dubai labour camp 4")
    out = BytesIO()
    image.save(out, format="PNG", pnginfo=info, transparency=0)
    clean = vault.read_file(
        vault.seal_file(owner, SimpleUploadedFile("a.png", out.getvalue()), context=CONTEXT)
    )
    assert b"Dubai" not in clean
    with Image.open(BytesIO(clean)) as after:
        assert after.mode == "RGBA"
        assert after.getpixel((0, 0)) == (255, 0, 0, 255)


def test_only_sealed_bytes_reach_the_disk(owner: Any, media_root: Path) -> None:
    pdf = b"%PDF-1.4\n% Certificate of Sita Kumari Rai, passport N1234567\n%%EOF\n"
    stored = vault.seal_file(owner, SimpleUploadedFile("certificate.pdf", pdf), context=CONTEXT)
    assert vault.read_file(stored) == pdf  # PDFs are kept as sent
    (on_disk,) = stored_bytes(media_root)
    assert b"Sita" not in on_disk
    assert b"N1234567" not in on_disk
    assert b"%PDF" not in on_disk
    assert "certificate" not in stored.storage_name  # the stored name says nothing
    assert stored.storage_name == f"vault/{stored.id.hex}"


@pytest.mark.parametrize(
    ("data", "error", "status"),
    [
        (b"GIF89a\x01\x00\x01\x00", FileTypeNotAllowed, 415),
        (b"hello, this is text", FileTypeNotAllowed, 415),
        (b"MZ\x90\x00 an executable", FileTypeNotAllowed, 415),
        (b"\xff\xd8\xff\xe0 not really a jpeg", FileUnreadable, 400),
        (b"\x89PNG\r\n\x1a\n broken png", FileUnreadable, 400),
        (b"", FileUnreadable, 400),
    ],
)
def test_files_that_are_not_allowed_are_refused_with_a_4xx(
    owner: Any, media_root: Path, data: bytes, error: type[Exception], status: int
) -> None:
    with pytest.raises(error) as caught:
        vault.seal_file(owner, SimpleUploadedFile("upload", data), context=CONTEXT)
    assert caught.value.status == status  # type: ignore[attr-defined]
    assert not StoredFile.objects.exists()
    assert stored_bytes(media_root) == []


def test_a_file_over_the_limit_is_refused(owner: Any, settings: Any) -> None:
    settings.MIZAN_VAULT_MAX_FILE_BYTES = 2048
    with pytest.raises(FileTooLarge) as caught:
        vault.seal_file(owner, SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2048), context=CONTEXT)
    assert caught.value.status == 413
    assert caught.value.params["limit"] == "2.0\xa0KB"
    # A stream without a declared size is measured while reading.
    with pytest.raises(FileTooLarge):
        vault.seal_file(owner, BytesIO(b"%PDF-" + b"0" * 4096), context=CONTEXT)


def test_a_picture_with_too_many_pixels_is_refused_before_decoding(owner: Any) -> None:
    out = BytesIO()
    Image.new("L", (8000, 6000)).save(out, format="PNG")  # 48 MP of one colour: a tiny file
    with pytest.raises(FileTooLarge):
        vault.seal_file(owner, SimpleUploadedFile("huge.png", out.getvalue()), context=CONTEXT)


def test_sealed_file_bytes_moved_to_another_record_do_not_open(owner: Any, media_root: Path) -> None:
    first = vault.seal_file(owner, ContentFile(b"%PDF-1 first", name="1.pdf"), context=CONTEXT)
    second = vault.seal_file(owner, ContentFile(b"%PDF-1 second", name="2.pdf"), context=CONTEXT)
    (media_root / second.storage_name).write_bytes((media_root / first.storage_name).read_bytes())
    with pytest.raises(DecryptionError):
        vault.read_file(second)


def test_a_damaged_or_missing_stored_file_is_a_vault_error(owner: Any, media_root: Path) -> None:
    stored = vault.seal_file(owner, ContentFile(b"%PDF-1 some text", name="1.pdf"), context=CONTEXT)
    path = media_root / stored.storage_name
    path.write_bytes(path.read_bytes()[:-5])
    with pytest.raises(VaultError):
        vault.read_file(stored)
    path.unlink()
    with pytest.raises(CorruptBlobError, match="missing"):
        vault.read_file(stored)


def test_discarding_removes_the_record_and_then_the_bytes(
    owner: Any, media_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    stored = vault.seal_file(owner, ContentFile(b"%PDF-1 x", name="1.pdf"), context=CONTEXT)
    with django_capture_on_commit_callbacks(execute=True):
        vault.discard_file(stored)
    assert not StoredFile.objects.exists()
    assert stored_bytes(media_root) == []


def test_after_shredding_files_cannot_be_read(owner: Any) -> None:
    stored = vault.seal_file(owner, ContentFile(b"%PDF-1 x", name="1.pdf"), context=CONTEXT)
    vault.shred(owner)
    with pytest.raises(vault.ErasedError):
        vault.read_file(stored)
