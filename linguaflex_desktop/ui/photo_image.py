"""Profile photos: a chosen picture file made into the small square the services store, and
stored bytes made back into pixmaps.

``scaled_photo_bytes`` reads and scales with QImage, which is safe off the GUI thread: the
Profile tab runs it on the TaskRunner together with the upload. The pixmap helpers are for
the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QImageWriter, QPainter, QPixmap
from PySide6.QtWidgets import QLabel

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.catalogue.profile_rules import PHOTO_SIDE
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.theme import themed

# A picture file is read whole before scaling: bigger than this is no profile photo.
MAX_SOURCE_BYTES = 20 * 1024 * 1024
JPEG_QUALITY = 88
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif *.webp"


def image_file_filter() -> str:
    """The file dialog's filter, its names in the current language. GUI thread."""
    images, everything = t("Images"), t("All files")  # lupdate reads no call in an f-string
    return f"{images} ({IMAGE_PATTERNS});;{everything} (*)"


def scaled_photo_bytes(path: str | Path) -> bytes:
    """The picture at ``path`` cropped to its centre square, scaled down to PHOTO_SIDE pixels
    (never up) on white (for transparent pictures), as JPEG bytes. ValidationError with one
    sentence for a missing, too large or unreadable file. Any thread."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except OSError as error:
        raise ValidationError(tx("The file {name} cannot be opened.", name=file.name)) from error
    if size > MAX_SOURCE_BYTES:
        raise ValidationError(
            tx(
                "The picture {name} is too large ({size} MB; at most {limit} MB).",
                name=file.name,
                size=f"{size / 1024 / 1024:.1f}",
                limit=MAX_SOURCE_BYTES // 1024 // 1024,
            )
        )
    image = QImageReader(str(file)).read()
    if image.isNull():
        raise ValidationError(
            tx("The file {name} is not a picture this app can read.", name=file.name)
        )
    return encode_photo(square_photo(image))


def square_photo(image: QImage) -> QImage:
    """The centre square of ``image``, at most PHOTO_SIDE pixels wide, on white."""
    side = min(image.width(), image.height())
    crop = image.copy(QRect((image.width() - side) // 2, (image.height() - side) // 2, side, side))
    target = min(side, PHOTO_SIDE)
    if side != target:
        crop = crop.scaled(
            target,
            target,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    result = QImage(target, target, QImage.Format.Format_RGB32)
    result.fill(QColor("white"))
    painter = QPainter(result)
    painter.drawImage(0, 0, crop)
    painter.end()
    return result


def encode_photo(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(JPEG_QUALITY)
    if not writer.write(image):
        raise ValidationError(tx("The picture could not be converted; try a PNG or JPEG file."))
    buffer.close()
    return bytes(data.data())


def make_photo_label(side: int, object_name: str = "teacherPhoto") -> QLabel:
    """A fixed square label (with room for its border) that shows a photo of ``side`` px."""
    label = QLabel()
    themed(label, object_name)
    label.setFixedSize(side + 2, side + 2)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def photo_pixmap(data: bytes | None, side: int, *, name: str = "") -> QPixmap:
    """The stored photo at ``side`` pixels, or a grey square with the name's initials when
    there is none (or it does not load). GUI thread."""
    pixmap = QPixmap()
    if data and pixmap.loadFromData(data):
        return pixmap.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return initials_pixmap(name, side)


def initials_pixmap(name: str, side: int) -> QPixmap:
    initials = "".join(part[0] for part in name.split()[:2]).upper() or "?"
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor("#d9dee5"))
    painter = QPainter(pixmap)
    font = QFont()
    font.setPixelSize(max(side // 3, 8))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#55606e"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, initials)
    painter.end()
    return pixmap
