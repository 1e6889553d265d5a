"""The app's look: Qt's Fusion style in the theme's colours (the application's palette and
font), each named widget's font and colours set on it when it is named (``themed``), and a
small style sheet only on the few widgets that draw a box, a border or a hover state a
palette cannot (a badge, a banner, a coloured button).

No style sheet is set on the application or on a container: a sheet there routes every
widget below it through Qt's style sheet engine, in building (each reparenting restyles the
whole subtree), in polishing and in every paint. An app-wide sheet, even a one-rule one,
made a role window's build and first paint about twice as long (``bench/bench_role_windows``,
``bench/bench_startup``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QStyleFactory,
    QWidget,
)

BASE_POINT_SIZE = 10
TEXT = "#1f2933"
MUTED = "#616e7c"
NAVY = "#1e3a5f"
BLUE = "#2f6fbf"
GREEN = "#135e3a"
AMBER = "#7a5a00"
RED = "#a61b1b"
GOLD = "#c98a00"
WINDOW = "#f5f7fa"
WHITE = "#ffffff"
LINE = "#dde2e7"
INVALID_BACKGROUND = "#fde8e8"
TABLE_SELECTION = "#d9e8fb"

W = TypeVar("W", bound=QWidget)

_BUTTON = "border-radius: 4px; padding: 5px 14px; min-height: 18px;"


@dataclass(frozen=True)
class Look:
    """What a name gives its widget. ``sheet`` holds rules for this widget alone (a leaf:
    a label or a button), for what a palette cannot draw."""

    point_size: float | None = None
    bold: bool = False
    colour: str | None = None  # its text
    background: str | None = None  # filled behind it and its children
    framed: bool = False  # a thin line around it (a QFrame)
    sheet: str = ""


def _message_box(text: str, *, background: str, border: str) -> Look:
    """A form's message (an error, a notice) in a tinted box."""
    return Look(
        sheet=f"QLabel {{ color: {text}; background: {background}; border: 1px solid {border};"
        " border-radius: 4px; padding: 6px 8px; }"
    )


LOOKS: dict[str, Look] = {
    # the role windows' header
    "appHeader": Look(background=NAVY),
    "brandLabel": Look(point_size=15, bold=True, colour=WHITE),
    "roleBadge": Look(
        sheet=f"QLabel {{ color: {NAVY}; background: {TABLE_SELECTION}; border-radius: 8px;"
        " padding: 2px 10px; margin-left: 8px; font-weight: 600; }"
    ),
    "headerUser": Look(colour="#e4ecf7"),
    "signOutButton": Look(
        sheet=f"QPushButton {{ color: {WHITE}; background: transparent;"
        " border: 1px solid #7c9cc4; border-radius: 4px; padding: 4px 12px; }"
        " QPushButton:hover { background: #2b4f7c; }"
    ),
    "sandboxBanner": Look(
        sheet="QLabel { background: #fff4d6; color: #7a5a00; border-bottom: 1px solid #f0d68a;"
        " padding: 6px; font-weight: 600; }"
    ),
    "statusBar": Look(background="#e9edf1", colour="#52606d"),
    # sign-in
    "loginTitle": Look(point_size=22, bold=True, colour=NAVY),
    "loginSubtitle": Look(colour=MUTED),
    "dataLocation": Look(point_size=8, colour=MUTED),
    "fieldNote": Look(colour=MUTED),
    "pagerSummary": Look(colour=MUTED),
    # headings, notices, empty states
    "pageHeading": Look(point_size=13, bold=True),
    "emptyState": Look(
        sheet="QLabel { color: #7b8794; font-size: 11pt; background: #ffffff;"
        " border: 1px dashed #cbd2d9; border-radius: 6px; padding: 24px; }"
    ),
    "formError": _message_box("#8a1c1c", background="#fde8e8", border="#f5b5b5"),
    "formNotice": _message_box(GREEN, background="#e3f6ec", border="#a6dcbf"),
    "fieldError": Look(colour="#8a1c1c"),
    # buttons
    "linkButton": Look(
        sheet=f"QPushButton {{ background: transparent; border: none; color: {BLUE};"
        " text-decoration: underline; padding: 0; text-align: left; }"
    ),
    "primaryButton": Look(
        sheet=f"QPushButton {{ background: {BLUE}; border: 1px solid {BLUE}; color: {WHITE};"
        f" font-weight: 600; {_BUTTON} }}"
        " QPushButton:hover { background: #285fa4; }"
        " QPushButton:disabled { background: #9dbbe0; border-color: #9dbbe0; }"
    ),
    "dangerButton": Look(
        sheet=f"QPushButton {{ background: {WHITE}; color: {RED}; border: 1px solid #e4a3a3;"
        f" {_BUTTON} }}"
        " QPushButton:hover { background: #fdecec; }"
        " QPushButton:disabled { color: #c9a9a9; border-color: #eedada; }"
    ),
    "segmentButton": Look(
        sheet=f"QPushButton {{ background: {WHITE}; border: 1px solid #bcc5ce; {_BUTTON} }}"
        " QPushButton:hover { background: #eef3f9; }"
        f" QPushButton:checked {{ background: {TABLE_SELECTION}; border-color: {BLUE};"
        f" color: {NAVY}; font-weight: 600; }}"
    ),
    "starButton": Look(
        sheet=f"QPushButton {{ color: {GOLD}; font-size: 16pt; min-width: 28px;"
        " padding: 0 4px; border: none; background: transparent; }"
    ),
    # gig detail, profiles
    "detailPanel": Look(background=WHITE, framed=True),
    "detailTitle": Look(point_size=14, bold=True, colour=NAVY),
    "detailTeacher": Look(point_size=11),
    "detailMeta": Look(colour=MUTED),
    "detailRate": Look(point_size=13, bold=True, colour=GREEN),
    "detailSection": Look(bold=True),
    "teacherRating": Look(bold=True, colour="#8a5a00"),
    "profilePhoto": Look(sheet=f"QLabel {{ border: 1px solid {LINE}; border-radius: 4px; }}"),
    "teacherPhoto": Look(sheet=f"QLabel {{ border: 1px solid {LINE}; border-radius: 4px; }}"),
    "separator": Look(sheet="QFrame { border: none; background: #e4e7eb; max-height: 1px; }"),
    # bookings
    "priceTotal": Look(point_size=12, bold=True, colour=GREEN),
    "weekLabel": Look(bold=True, colour="#3e4c59"),
    "proposalBox": Look(background="#fff8e1", framed=True),
    "demoOffer": Look(background="#fff8e1", framed=True),
    # online session, inbox and jobs
    "meetingPanel": Look(background=WHITE, framed=True),
    "meetingState": Look(bold=True),
    "unreadStatus": Look(bold=True, colour=NAVY),
    "messagesStatus": Look(bold=True, colour=NAVY),
    # reviews
    "reviewCard": Look(background=WHITE, framed=True),
    "reviewStars": Look(point_size=12, colour=GOLD),
    "reviewAnswer": Look(
        sheet="QLabel { color: #3e4c59; border-left: 3px solid #cbd2d9; padding-left: 8px; }"
    ),
    "reviewSummary": Look(point_size=11, colour=GOLD),
    # payments
    "receiptPanel": Look(background=WHITE, framed=True),
    "totalsBox": Look(background=WHITE, framed=True),
    "totalValue": Look(bold=True),
}

# A meeting's state label, by state (``show_state``).
STATE_COLOURS = {"ready": GREEN, "pending": AMBER, "failed": RED}


def apply_theme(app: QApplication) -> None:
    """Fusion in the theme's colours, and the base font; no application style sheet."""
    if app.style().name() != "fusion":  # Qt's default on most platforms: kept, not remade
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    font = app.font()
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setPalette(theme_palette())


def theme_palette() -> QPalette:
    palette = QPalette(QColor(WHITE), QColor(WINDOW))  # button, window
    colours = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.Base: WHITE,
        QPalette.ColorRole.AlternateBase: "#f7f9fb",
        QPalette.ColorRole.Button: WHITE,
        QPalette.ColorRole.Highlight: BLUE,
        QPalette.ColorRole.HighlightedText: WHITE,
        QPalette.ColorRole.Link: BLUE,
        QPalette.ColorRole.ToolTipBase: WHITE,
    }
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
    ):
        colours[role] = TEXT
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a6b0ba"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9aa5b1"))
    return palette


def themed(widget: W, name: str) -> W:
    """Name ``widget`` (tests and the theme find it by name) and give it the name's look."""
    widget.setObjectName(name)
    look = LOOKS.get(name)
    if look is None:
        return widget
    if look.point_size is not None or look.bold:
        font = QFont(widget.font())
        if look.point_size is not None:
            font.setPointSizeF(look.point_size)
        if look.bold:
            font.setWeight(QFont.Weight.DemiBold)
        widget.setFont(font)
    if look.colour is not None:
        set_text_colour(widget, look.colour)
    if look.background is not None:
        palette = widget.palette()  # Window only: tables and fields inside stay white
        palette.setColor(QPalette.ColorRole.Window, QColor(look.background))
        widget.setPalette(palette)
        widget.setAutoFillBackground(True)
    if look.framed and isinstance(widget, QFrame):
        widget.setFrameShape(QFrame.Shape.StyledPanel)
    if look.sheet:
        widget.setStyleSheet(look.sheet)
    return widget


def set_text_colour(widget: QWidget, colour: str) -> None:
    palette = widget.palette()
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def show_state(label: QWidget, state: str) -> None:
    """A meeting's state in its colour (ready, pending, failed; others in the text colour);
    the ``state`` property says which, for tests."""
    label.setProperty("state", state)
    set_text_colour(label, STATE_COLOURS.get(state, TEXT))


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """A field whose value is refused is tinted until it is put right (its ``invalid``
    property says so). The tint is the palette's: the field keeps its size and frame."""
    if widget.property("invalid") == invalid:
        return
    widget.setProperty("invalid", invalid)
    palette = widget.palette()
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    colour = QColor(INVALID_BACKGROUND) if invalid else base
    palette.setColor(QPalette.ColorRole.Base, colour)  # what fields and tables fill with
    if isinstance(widget, QLabel):  # a photo: labels fill with Window, when asked to
        palette.setColor(QPalette.ColorRole.Window, colour)
        widget.setAutoFillBackground(invalid)
    widget.setPalette(palette)


def style_table(view: QAbstractItemView) -> None:
    """Rows selected in a light blue with the text kept dark; bold column titles."""
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(TABLE_SELECTION))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(TEXT))
    view.setPalette(palette)
