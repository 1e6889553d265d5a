""" "Rate this session…" in the student's "My bookings": enabled for a COMPLETED booking the
student has not reviewed yet (``review_dto.can_rate``, the service's rule), it opens the
RateSessionDialog; once posted, the booking's row is fetched again through the app-wide
"booking" change (now reviewed, so the button stays off). GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from linguaflex_desktop.models.enums import BookingStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.review_dto import ReviewDTO, can_rate
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.review_dialogs import RateSessionDialog
from linguaflex_desktop.ui.widgets import set_message

if TYPE_CHECKING:
    from linguaflex_desktop.ui.booking.list_page import BookingListPage

# shown with ``localize``
RATE_TEXT = tx("Rate this session…")
RATED_TEXT = tx("Thank you: your review is posted.")


class RateAction:
    """The button and its dialog, attached to a booking list page (``install_rate_action``)."""

    def __init__(self, page: BookingListPage) -> None:
        self.page = page
        self.dialog: RateSessionDialog | None = None
        self.button = QPushButton(localize(RATE_TEXT))
        self.button.setEnabled(False)
        self.button.setVisible(False)
        self.button.setToolTip(t("Completed sessions can be rated once."))
        self.button.clicked.connect(self.open_dialog)
        page.add_action(self.button)
        page.booking_selected.connect(self._on_selected)

    def _on_selected(self, booking: BookingDTO | None) -> None:
        # shown for a completed session only: the row of actions stays within the window
        self.button.setVisible(booking is not None and booking.status is BookingStatus.COMPLETED)
        self.button.setEnabled(booking is not None and can_rate(booking))

    def open_dialog(self) -> RateSessionDialog | None:
        booking = self.page.selected_booking()
        if booking is None or not can_rate(booking):
            return None
        dialog = RateSessionDialog(
            services=self.page.services,
            actor=self.page.actor,
            runner=self.page.runner,
            booking=booking,
            parent=self.page,
        )
        dialog.rated.connect(self._on_rated)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_rated(self, _review: ReviewDTO) -> None:
        # The booking's row is fetched again by the page itself: the rating emits a
        # "booking" change (from the dialog), which the list follows (``refresh_on``).
        set_message(self.page.notice_label, localize(RATED_TEXT))
        self.button.setEnabled(False)


def install_rate_action(page: BookingListPage) -> RateAction:
    """Add "Rate this session…" to ``page``'s button row."""
    return RateAction(page)
