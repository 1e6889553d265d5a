"""Adds the payment UI to a signed-in role window: the sandbox banner on every window;
the student's "Payment methods" tab, "Pay…", "Continue verification", "Cancel payment
attempt" and the receipt under "My bookings"; the
teacher's "Earnings" tab and "Cancel booking…" (a full refund) on their schedule; the
admin's "Payments" tab; the teacher's and the admin's "Cancellation requests" tab.

The banner follows the settings: without Stripe keys ``open_payments_gateway`` starts the
sandbox, so ``settings.stripe.sandbox`` is exactly ``gateway.is_sandbox`` and the banner is
shown without starting the payment side at sign-in. With a shared (Postgres) database the
banner also says that sandbox payments exist on this computer only. The payment pages are
built, and load, when first shown. ``open_url`` opens the browser hand-offs (injectable for
tests). GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from linguaflex_desktop.bootstrap import sandbox_scope_notice
from linguaflex_desktop.errors import UserFacingError
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.rules import can_pay
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.services.payments.rules import can_continue_payment
from linguaflex_desktop.ui.admin.payments_page import AdminPaymentsPage
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.my_bookings_page import MyBookingsPage
from linguaflex_desktop.ui.cancellations.requests_page import CancellationRequestsPage
from linguaflex_desktop.ui.cancellations.teacher_cancel import TeacherCancel
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.main_window_base import LazyPage, RoleWindow
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.cards_page import CardsPage, UrlOpener, default_open_url
from linguaflex_desktop.ui.payments.earnings_page import EarningsPage
from linguaflex_desktop.ui.payments.format import SANDBOX_BANNER
from linguaflex_desktop.ui.payments.pay_dialog import PayDialog
from linguaflex_desktop.ui.payments.receipt_panel import ReceiptPanel
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import set_message

if TYPE_CHECKING:
    from linguaflex_desktop.ui.student_window import StudentWindow


class PaymentUI:
    """What ``install_payment_ui`` added (the pages of the window's role). Each page is built
    when its tab is first shown or it is first asked for here, and so are the student's
    payment hooks on "My bookings" and the teacher's cancel button on "Schedule"."""

    def __init__(self, window: RoleWindow) -> None:
        self._window = window
        self._cards: LazyPage[CardsPage] | None = None
        self._earnings: LazyPage[EarningsPage] | None = None
        self._admin_payments: LazyPage[AdminPaymentsPage] | None = None
        self._cancellation_requests: LazyPage[CancellationRequestsPage] | None = None
        self._student: StudentPayments | None = None
        self._teacher_cancel: TeacherCancel | None = None

    @property
    def cards(self) -> CardsPage | None:
        return self._cards.get() if self._cards is not None else None

    @property
    def earnings(self) -> EarningsPage | None:
        return self._earnings.get() if self._earnings is not None else None

    @property
    def admin_payments(self) -> AdminPaymentsPage | None:
        return self._admin_payments.get() if self._admin_payments is not None else None

    @property
    def cancellation_requests(self) -> CancellationRequestsPage | None:
        lazy = self._cancellation_requests
        return lazy.get() if lazy is not None else None

    @property
    def student(self) -> StudentPayments | None:
        """The student's payment hooks (My bookings is built first if it was not yet)."""
        from linguaflex_desktop.ui.student_window import StudentWindow

        if isinstance(self._window, StudentWindow):
            self._window.my_bookings  # noqa: B018 - building it attaches the hooks
        return self._student

    @property
    def teacher_cancel(self) -> TeacherCancel | None:
        """The teacher's "Cancel booking…" (Schedule is built first if it was not yet)."""
        from linguaflex_desktop.ui.teacher_window import TeacherWindow

        if isinstance(self._window, TeacherWindow):
            self._window.schedule  # noqa: B018 - building it attaches the button
        return self._teacher_cancel


def install_payment_ui(window: RoleWindow, *, open_url: UrlOpener = default_open_url) -> PaymentUI:
    """Add the payment pages of ``window``'s role and the sandbox banner (see the module)."""
    from linguaflex_desktop.ui.admin.window import AdminWindow
    from linguaflex_desktop.ui.student_window import StudentWindow
    from linguaflex_desktop.ui.teacher_window import TeacherWindow

    page_args = window.page_args
    services = window.services
    if services.settings.stripe.sandbox:
        window.banner.setWordWrap(True)  # the test cards must not widen the window
        notice = sandbox_scope_notice(services.settings)  # shared database: this computer only
        banner = localize(SANDBOX_BANNER)
        window.set_banner(f"{banner}\n{localize(notice)}" if notice else banner)
    added = PaymentUI(window)
    if isinstance(window, StudentWindow):
        cards = window.add_page_later(
            lambda: CardsPage(**page_args, open_url=open_url), t("Payment methods")
        )
        added._cards = cards

        def attach_payments(_page: MyBookingsPage) -> None:
            added._student = StudentPayments(window, cards, open_url=open_url)

        window.my_bookings_tab.when_built(attach_payments)
    elif isinstance(window, TeacherWindow):
        added._earnings = window.add_page_later(lambda: EarningsPage(**page_args), t("Earnings"))

        def attach_cancel(schedule: BookingListPage) -> None:
            added._teacher_cancel = TeacherCancel(schedule)

        window.schedule_tab.when_built(attach_cancel)
    elif isinstance(window, AdminWindow):
        added._admin_payments = window.add_page_later(
            lambda: AdminPaymentsPage(**page_args), t("Payments")
        )
    if isinstance(window, TeacherWindow | AdminWindow):  # they answer students' requests
        added._cancellation_requests = window.add_page_later(
            lambda: CancellationRequestsPage(**page_args), t("Cancellation requests")
        )
    window.setProperty("paymentUiInstalled", True)
    return added


class StudentPayments(QObject):
    """The student's payment hooks on "My bookings": "Pay…", and for a booking whose payment
    attempt is still open (e.g. the bank's 3-D Secure page was left, or the app closed during
    it) "Continue verification" (the pay dialog, resuming the attempt) and "Cancel payment
    attempt" (cancelled at Stripe; the booking can be paid again at once); the receipt panel
    under the table. All follow the selected booking."""

    def __init__(
        self, window: StudentWindow, cards: LazyPage[CardsPage], *, open_url: UrlOpener
    ) -> None:
        super().__init__(window)
        self.window, self.cards, self.open_url = window, cards, open_url
        self.page: MyBookingsPage = window.my_bookings
        self.pay_dialog: PayDialog | None = None
        self.pay_button = QPushButton(t("Pay…"))
        themed(self.pay_button, "primaryButton")
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(self.pay_selected)
        self.page.add_action(self.pay_button)
        self.continue_button = QPushButton(t("Continue verification"))
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.continue_selected)
        self.page.add_action(self.continue_button)
        self.cancel_attempt_button = QPushButton(t("Cancel payment attempt"))
        self.cancel_attempt_button.setEnabled(False)
        self.cancel_attempt_button.clicked.connect(self.cancel_attempt_selected)
        self.page.add_action(self.cancel_attempt_button)
        self._cancelling = False
        self.receipt = ReceiptPanel(
            services=window.services, actor=window.actor, runner=window.runner
        )
        layout = self.page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.page.table) + 1, self.receipt)
        self.page.booking_selected.connect(self._on_selected)
        self.page.booking_changed.connect(self._on_changed)
        self.page.model.modelReset.connect(lambda: self._on_selected(self.page.selected_booking()))
        self._on_selected(None)

    def _on_selected(self, booking: BookingDTO | None) -> None:
        now = self.window.services.ctx.now()
        self.pay_button.setEnabled(booking is not None and can_pay(booking, now))
        open_attempt = booking is not None and can_continue_payment(booking)
        self.continue_button.setEnabled(open_attempt and not self._cancelling)
        self.cancel_attempt_button.setEnabled(open_attempt and not self._cancelling)
        # the 3-D Secure pair stands in for "Pay…" while an attempt waits for the bank, so
        # the row of actions stays within the window
        self.continue_button.setVisible(open_attempt)
        self.cancel_attempt_button.setVisible(open_attempt)
        self.pay_button.setVisible(not open_attempt)
        self.receipt.show_booking(booking)

    def _on_changed(self, booking: BookingDTO) -> None:
        selected = self.page.selected_booking()
        if selected is not None and selected.id == booking.id:
            self._on_selected(booking)

    @Slot()
    def pay_selected(self) -> PayDialog | None:
        booking = self.page.selected_booking()
        if booking is None or not can_pay(booking, self.window.services.ctx.now()):
            return None
        return self._open_dialog(booking, resume=False)

    @Slot()
    def continue_selected(self) -> PayDialog | None:
        """The pay dialog on the open attempt: the bank's page opens again and is followed."""
        booking = self.page.selected_booking()
        if booking is None or not can_continue_payment(booking):
            return None
        return self._open_dialog(booking, resume=True)

    @Slot()
    def cancel_attempt_selected(self) -> None:
        booking = self.page.selected_booking()
        if booking is None or not can_continue_payment(booking) or self._cancelling:
            return
        self._cancelling = True
        self._on_selected(booking)
        set_message(self.page.error_label, None)
        set_message(self.page.notice_label, t("Cancelling the payment attempt…"))
        payments_ops.cancel_payment_attempt(
            OpContext.of(self.page),
            self.window.actor,
            booking.id,
            on_success=self._attempt_cancelled,
            on_failure=lambda error: self._cancel_failed(booking.id, error),
            owner=self.page,
        )

    def _attempt_cancelled(self, outcome: PaymentOutcome) -> None:
        """Cancelled (or paid, if the bank confirmed first): the row is fetched again (the
        page made the change, so the app-wide signal does not refresh it)."""
        self._cancelling = False
        set_message(self.page.notice_label, localize(outcome.message))
        self.page.refresh_booking(outcome.booking_id)

    def _cancel_failed(self, booking_id: int, error: BaseException) -> None:
        self._cancelling = False
        self.page.refresh_booking(booking_id)
        set_message(self.page.notice_label, None)
        if isinstance(error, UserFacingError):
            set_message(self.page.error_label, inline_error_text(error))
        else:
            show_error(self.page, error)
        self._on_selected(self.page.selected_booking())

    def _open_dialog(self, booking: BookingDTO, *, resume: bool) -> PayDialog:
        dialog = PayDialog(
            services=self.window.services,
            actor=self.window.actor,
            runner=self.window.runner,
            booking=booking,
            open_url=self.open_url,
            resume=resume,
            parent=self.window,
        )
        dialog.add_card_requested.connect(self._show_cards)
        dialog.finished.connect(dialog.deleteLater)
        self.pay_dialog = dialog
        dialog.open()
        return dialog

    def _show_cards(self) -> None:
        self.window.tabs.setCurrentWidget(self.cards.get())
