"""The student's window: a gig browser (search, filters, sort, pages) with a detail panel.

Searches run through the TaskRunner; only the newest answer is shown when several overlap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models.enums import Level
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.currency import SUPPORTED_CURRENCIES
from linguaflex_desktop.services.common.dto import Actor, GigDTO, Page, UserDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.book_session_dialog import BookSessionDialog
from linguaflex_desktop.ui.booking.message_count import install_message_count
from linguaflex_desktop.ui.booking.my_bookings_page import MyBookingsPage
from linguaflex_desktop.ui.cell_table_model import Cells
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.free_time_filter import FreeTimeFilter
from linguaflex_desktop.ui.gig_detail_panel import GigDetailPanel
from linguaflex_desktop.ui.gig_table_model import GigColumn, GigTableModel
from linguaflex_desktop.ui.i18n import language_text, localize, t
from linguaflex_desktop.ui.inbox_page import InboxPage, install_inbox
from linguaflex_desktop.ui.main_window_base import PageOf, RoleWindow
from linguaflex_desktop.ui.money_input import MoneyInput
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import catalogue as catalogue_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.teacher_photos import TeacherPhotos
from linguaflex_desktop.ui.teacher_profile_dialog import TeacherProfileDialog
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    Pager,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PAGE_SIZE = 50
TEXT_DEBOUNCE_MS = 350
SORTS = (
    (tx("Best match"), "relevance"),
    (tx("Price: low to high"), "price_asc"),
    (tx("Price: high to low"), "price_desc"),
    (tx("Newest"), "newest"),
    (tx("Best rated"), "rating"),
)
TOP_RATING = 4  # "Rating 4+ only": teachers whose shown average is at least 4
ANY = None


class GigBrowserPage(QWidget):
    """Search gigs by text, language, level, price range (in one currency) and sort."""

    results_loaded = Signal(object)  # Page[GigDTO]
    gig_selected = Signal(object)  # GigDTO | None

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self._request = 0
        self._offset = 0
        self.model = GigTableModel(
            (
                GigColumn.TITLE,
                GigColumn.TEACHER,
                GigColumn.LANGUAGE,
                GigColumn.LEVEL,
                GigColumn.RATE,
                GigColumn.RATING,
            ),
            self,
        )
        self.view = make_table_view(self.model)
        self.results = EmptyStateStack(self.view, t("Searching…"))
        self.pager = Pager("gigs")
        self.pager.page_requested.connect(self.search)
        self.photos = TeacherPhotos(services=services, actor=actor, runner=runner, parent=self)
        self.detail = GigDetailPanel(photos=self.photos)
        self.filter_error = make_message_label()
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DEBOUNCE_MS)
        self._text_timer.timeout.connect(self.search)
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        # The results first: a window's first loads run in turn on one thread, and the GUI
        # thread fills the table while the language list and the counts are read.
        self.search()
        self._load_languages()

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.pager)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.filter_error)
        layout.addWidget(splitter, 1)

    def _build_filters(self) -> QVBoxLayout:
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(t("Search by title, teacher or description"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.textEdited.connect(lambda _text: self._text_timer.start())
        self.text_edit.returnPressed.connect(self.search)
        self.language_combo = _combo([(t("Any language"), ANY)])
        self.level_combo = _combo(
            [(t("Any level"), ANY)] + [(_level_text(level), level) for level in Level]
        )
        self.currency_combo = _combo(
            [(t("Any currency"), ANY)] + [(code, code) for code in sorted(SUPPORTED_CURRENCIES)]
        )
        self.min_price = MoneyInput()
        self.max_price = MoneyInput()
        self.sort_combo = _combo(list(SORTS))
        self.top_rated_check = QCheckBox(t("Rating {stars}+ only", stars=TOP_RATING))
        self.top_rated_check.toggled.connect(lambda _on: self.search())
        self.free_time = FreeTimeFilter(zone=self.actor.time_zone)
        self.free_time.changed.connect(self.search)
        self.clear_button = QPushButton(t("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        for combo in (self.language_combo, self.level_combo, self.sort_combo):
            combo.currentIndexChanged.connect(lambda _index: self.search())
        self.currency_combo.currentIndexChanged.connect(self._on_currency_changed)
        for price in (self.min_price, self.max_price):
            price.editingFinished.connect(self.search)
        self._on_currency_changed(search=False)
        self.language_combo.setMinimumWidth(170)
        for price in (self.min_price, self.max_price):
            price.setFixedWidth(120)
        top = QHBoxLayout()
        top.addWidget(self.text_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.free_time)
        top.addSpacing(12)
        top.addWidget(QLabel(t("Sort")))
        top.addWidget(self.sort_combo)
        filters = QHBoxLayout()
        for widget in (self.language_combo, self.level_combo):
            filters.addWidget(widget)
        filters.addSpacing(12)
        filters.addWidget(QLabel(t("Price")))
        filters.addWidget(self.currency_combo)
        filters.addWidget(self.min_price)
        filters.addWidget(QLabel(t("to")))
        filters.addWidget(self.max_price)
        filters.addSpacing(12)
        filters.addWidget(self.top_rated_check)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)
        layout = QVBoxLayout()
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(filters)
        return layout

    # --- filters --------------------------------------------------------------------------

    @Slot()
    def clear_filters(self) -> None:
        for combo in (self.language_combo, self.level_combo, self.currency_combo, self.sort_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text_edit.clear()
        self.top_rated_check.blockSignals(True)
        self.top_rated_check.setChecked(False)
        self.top_rated_check.blockSignals(False)
        self.free_time.clear()
        self._on_currency_changed(search=False)
        self.search()

    def _on_currency_changed(self, _index: int = 0, *, search: bool = True) -> None:
        currency = self.currency_combo.currentData()
        hints = (
            (self.min_price, t("Min"), t("Min {currency} / h", currency=currency)),
            (self.max_price, t("Max"), t("Max {currency} / h", currency=currency)),
        )
        for price, hint, hint_in_currency in hints:
            price.setEnabled(currency is not None)
            if currency is None:
                price.clear()
                price.setPlaceholderText(hint)
                price.setToolTip(t("Choose a currency to filter by price"))
            else:
                price.set_currency(currency)
                price.setPlaceholderText(hint_in_currency)
                price.setToolTip("")
        if search:
            self.search()

    def criteria(self) -> dict[str, Any]:
        """The search arguments from the filters; ValidationError for a bad price range."""
        currency = self.currency_combo.currentData()
        min_rate = self.min_price.optional_amount_minor() if currency else None
        max_rate = self.max_price.optional_amount_minor() if currency else None
        if min_rate is not None and max_rate is not None and min_rate > max_rate:
            raise ValidationError(tx("The lowest price is above the highest price."))
        return {
            "language": self.language_combo.currentData(),
            "level": self.level_combo.currentData(),
            "currency": currency,
            "min_rate_minor": min_rate,
            "max_rate_minor": max_rate,
            "text": self.text_edit.text().strip(),
            "sort": self.sort_combo.currentData(),
            "min_rating": TOP_RATING if self.top_rated_check.isChecked() else None,
            "free_time": self.free_time.value(),
        }

    # --- loading --------------------------------------------------------------------------

    def search(self, offset: int = 0) -> None:
        """Start a search from the current filters (GUI thread); results arrive later."""
        self._text_timer.stop()
        try:
            criteria = self.criteria()
        except ValidationError as error:
            set_message(self.filter_error, error.message)
            return
        set_message(self.filter_error, None)
        self._request += 1
        request = self._request
        catalogue_ops.search_gigs(
            OpContext.of(self),
            self.actor,
            offset=offset,
            limit=PAGE_SIZE,
            criteria=criteria,
            cells_of=self.model.first_cells(),
            on_success=lambda found: self._on_results(request, *found),
            on_failure=lambda error: self._on_search_failed(request, error),
            owner=self,
        )

    def _on_results(self, request: int, page: Page[GigDTO], cells: Cells) -> None:
        if request != self._request:
            return  # an older search answered after a newer one started
        selected = self.detail.gig.id if self.detail.gig else None
        self.model.set_gigs(page.items, cells)
        if self.free_time.value() is None:
            self.results.set_empty_text(t("No gigs match your search. Try fewer filters."))
        else:
            self.results.set_empty_text(
                t("No teacher is free then in the next two weeks. Try other times.")
            )
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        self._offset = page.offset
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.view.selectRow(row)
        else:
            self._show_detail(None)
        self.results_loaded.emit(page)

    def _on_search_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.results.set_empty_text(t("The search could not be run."))
            set_message(self.filter_error, inline_error_text(error))

    def _load_languages(self) -> None:
        catalogue_ops.list_languages(
            OpContext.of(self),
            self.actor,
            on_success=self._on_languages,
            owner=self,
        )

    def _on_languages(self, languages: list[str]) -> None:
        current = self.language_combo.currentData()
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        self.language_combo.addItem(t("Any language"), ANY)
        for language in languages:
            self.language_combo.addItem(language_text(language), language)
        index = self.language_combo.findData(current) if current else 0
        self.language_combo.setCurrentIndex(max(index, 0))
        self.language_combo.blockSignals(False)

    # --- selection ------------------------------------------------------------------------

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.view.selectionModel().selectedRows()
        self._show_detail(self.model.gig_at(rows[0].row()) if rows else None)

    def _show_detail(self, gig: GigDTO | None) -> None:
        self.detail.show_gig(gig)
        self.gig_selected.emit(gig)


class StudentWindow(RoleWindow):
    """Tabs: 'Find a teacher' (with "Book a session…") and 'My bookings'."""

    my_bookings = PageOf[MyBookingsPage]("my_bookings_tab")  # built when first shown
    inbox = PageOf[InboxPage]("_inbox")  # built when its tab is first shown

    def __init__(
        self,
        *,
        services: AppServices,
        user: UserDTO,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services=services, user=user, runner=runner, parent=parent)
        self.gig_browser = GigBrowserPage(**self.page_args)
        self.book_dialog: BookSessionDialog | None = None
        self.profile_dialog: TeacherProfileDialog | None = None
        self.profile_button = QPushButton(t("Teacher profile…"))
        self.profile_button.setEnabled(False)
        self.profile_button.clicked.connect(self.open_teacher_profile)
        self.gig_browser.detail.actions_layout.addWidget(self.profile_button)
        self.book_button = QPushButton(t("Book a session…"))
        themed(self.book_button, "primaryButton")
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(lambda: self.open_book_dialog())
        self.gig_browser.detail.actions_layout.addWidget(self.book_button)
        self.gig_browser.gig_selected.connect(self._on_gig_selected)
        self.add_page(self.gig_browser, t("Find a teacher"))
        self.my_bookings_tab = self.add_page_later(
            lambda: MyBookingsPage(**self.page_args), t("My bookings")
        )
        inbox = install_inbox(self)
        self._inbox = inbox.page
        self.unread_notices = inbox.notices
        self.message_count = install_message_count(self, inbox.notices)

    def open_teacher_profile(self) -> TeacherProfileDialog | None:
        """Open the profile of the teacher of the gig shown in the detail panel."""
        gig = self.gig_browser.detail.gig
        if gig is None:
            return None
        dialog = TeacherProfileDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            teacher_id=gig.teacher_id,
            teacher_name=gig.teacher_name,
            parent=self,
        )
        dialog.book_requested.connect(self.open_book_dialog)
        dialog.finished.connect(dialog.deleteLater)
        self.profile_dialog = dialog
        dialog.open()
        return dialog

    def open_book_dialog(self, gig: GigDTO | None = None) -> BookSessionDialog | None:
        """Open the booking dialog for ``gig``, by default the one in the detail panel."""
        gig = gig or self.gig_browser.detail.gig
        if gig is None:
            return None
        dialog = BookSessionDialog(
            services=self.services, actor=self.actor, runner=self.runner, gig=gig, parent=self
        )
        dialog.booking_requested.connect(self._on_booking_requested)
        dialog.finished.connect(dialog.deleteLater)
        self.book_dialog = dialog
        dialog.open()
        return dialog

    def _on_gig_selected(self, gig: GigDTO | None) -> None:
        self.profile_button.setEnabled(gig is not None)
        self.book_button.setEnabled(gig is not None and gig.is_active and not gig.is_suspended)

    def _on_booking_requested(self, booking: BookingDTO) -> None:
        self.tabs.setCurrentWidget(self.my_bookings)
        set_message(
            self.my_bookings.notice_label,
            t(
                "Request sent to {teacher}. You can pay once they confirm it.",
                teacher=booking.teacher_name,
            ),
        )
        self.my_bookings.show_new_booking(booking)

    def prepare_for_screenshot(self) -> None:
        if self.gig_browser.model.rowCount():
            self.gig_browser.view.selectRow(0)


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(localize(text), data)
    return combo


def _level_text(level: Level) -> str:
    """A CEFR level as it is written ("B1"); the gigs for every level in words."""
    return t("All levels") if level is Level.ALL else level.value
