"""Sign-in and account creation, with an optional "Remember me" backed by the OS keyring.

Emits ``signed_in(UserDTO)``; the AppController then opens the role window. All service and
keyring calls run through the TaskRunner; the ops below run on a pool thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import UserFacingError
from linguaflex_desktop.models.enums import Role
from linguaflex_desktop.services.common.validation import (
    MAX_DISPLAY_NAME_LENGTH,
    MIN_PASSWORD_LENGTH,
)
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.field_limits import LengthLimit, mark_invalid
from linguaflex_desktop.ui.i18n import LANGUAGES, language_switch, localize, t
from linguaflex_desktop.ui.language_menu import build_language_menu
from linguaflex_desktop.ui.names import APP_TITLE
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import accounts as accounts_ops
from linguaflex_desktop.ui.pyside_imports import set_enum_property
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.time_zones import TimeZoneCombo
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.config import Settings
    from linguaflex_desktop.services.common.dto import UserDTO
    from linguaflex_desktop.ui.demo_data_offer import DemoDataOffer
    from linguaflex_desktop.ui.password_dialogs import ForgotPasswordDialog

log = logging.getLogger(__name__)

REMEMBER_CHECKING = tx("Checking for secure storage…")
PASSWORD_RESET_NOTICE = tx("Your password was changed. Sign in with the new one.")
SIGN_IN_SANDBOX_TEXT = tx("Sandbox: payments made here are test payments, no real money moves.")


class LoginWindow(QWidget):
    """The first window: a "Sign in" tab and a "Create account" tab."""

    signed_in = Signal(object)  # UserDTO
    # While the password is checked: the UserDTO a right password signs in (the app
    # builds its role window, hidden, and loads its first data meanwhile); then
    # ``signed_in`` or ``sign_in_failed``.
    checking_password = Signal(object)
    sign_in_failed = Signal()
    # A language code, or None to follow the system locale (the "Language" button).
    language_chosen = Signal(object)

    def __init__(
        self,
        *,
        services: AppServices | None = None,
        runner: TaskRunner,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """With ``services`` the window is ready at once. Without them (``settings`` only) it
        shows while the app opens its data, with its forms off, until ``attach_services``."""
        super().__init__(parent)
        if services is not None:
            settings = services.settings
        if settings is None:
            raise ValueError("LoginWindow needs services or settings")
        self.services: AppServices | None = None
        self.runner = runner
        self.demo_offer: DemoDataOffer | None = None
        self.remember_available = False
        self.forgot_dialog: ForgotPasswordDialog | None = None
        self.setObjectName("loginWindow")
        self.setWindowTitle(t("{app} — Sign in", app=APP_TITLE))
        self.resize(460, 580)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_sign_in_form(), t("Sign in"))
        # "Create account" is built when first shown: most starts only sign in.
        self.register_page = QWidget()
        self._register_built = False
        QVBoxLayout(self.register_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.register_page, t("Create account"))
        self.tabs.currentChanged.connect(self._on_tab_shown)
        self.notice_label = make_message_label("formNotice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 32, 36, 28)
        layout.setSpacing(12)
        title = QLabel(APP_TITLE)
        themed(title, "loginTitle")
        set_enum_property(title, "alignment", "AlignCenter")
        subtitle = QLabel(t("Language lessons with teachers you choose"))
        themed(subtitle, "loginSubtitle")
        set_enum_property(subtitle, "alignment", "AlignCenter")
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        self.sandbox_banner = QLabel(localize(SIGN_IN_SANDBOX_TEXT))
        themed(self.sandbox_banner, "sandboxBanner")
        set_enum_property(self.sandbox_banner, "alignment", "AlignCenter")
        self.sandbox_banner.setWordWrap(True)
        self.sandbox_banner.setVisible(settings.stripe.sandbox)
        layout.addWidget(self.sandbox_banner)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tabs, 1)
        self._layout = layout
        location = QLabel(t("Data: {location}", location=settings.describe_database()))
        themed(location, "dataLocation")
        location.setWordWrap(True)
        set_enum_property(location, "alignment", "AlignCenter")
        layout.addWidget(location)
        self.language_button = QToolButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.setText(LANGUAGES[language_switch().language])
        self.language_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.language_button.setMenu(build_language_menu(self, self.language_chosen.emit))
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.language_button)
        centred.addStretch(1)
        layout.addLayout(centred)
        if services is not None:
            self.attach_services(services)
        else:
            self.set_busy(True)
            self.language_button.setEnabled(False)
            self.show_notice(t("Opening your data…"))

    def attach_services(self, services: AppServices) -> None:
        """The app's data is open: offer the demo data, check "Remember me", allow the language
        switch. The forms stay as they are (the caller says when they are ready)."""
        if self.services is not None:
            raise RuntimeError("the login window has its services already")
        self.services = services
        from linguaflex_desktop.ui.demo_data_offer import DemoDataOffer

        self.demo_offer = DemoDataOffer(services=services, runner=self.runner)
        self.demo_offer.account_chosen.connect(self.fill_sign_in)
        self.demo_offer.accounts_listed.connect(lambda: self.resize(640, 820))
        self._layout.insertWidget(self._layout.indexOf(self.tabs), self.demo_offer)
        self.language_button.setEnabled(True)
        self._check_remember_availability()

    def _ops(self) -> OpContext:
        if self.services is None:  # the forms are off until then
            raise RuntimeError("the login window's services are not attached yet")
        return OpContext(self.services, self.runner)

    # --- forms ----------------------------------------------------------------------------

    def _build_sign_in_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(t("you@example.com"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.submit_sign_in)
        self.email_edit.returnPressed.connect(self.password_edit.setFocus)
        self.remember_checkbox = QCheckBox(t("Remember me on this computer"))
        self.remember_checkbox.setEnabled(False)
        self.remember_note = QLabel(localize(REMEMBER_CHECKING))
        themed(self.remember_note, "fieldNote")
        self.remember_note.setWordWrap(True)
        form.addRow(t("Email"), self.email_edit)
        form.addRow(t("Password"), self.password_edit)
        form.addRow("", self.remember_checkbox)
        form.addRow("", self.remember_note)
        self.forgot_button = QPushButton(t("Forgot password?"))
        themed(self.forgot_button, "linkButton")
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self.open_forgot_password)
        form.addRow("", self.forgot_button)
        self.sign_in_error = make_message_label()
        self.sign_in_button = QPushButton(t("Sign in"))
        themed(self.sign_in_button, "primaryButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit_sign_in)
        return _form_page(page, form, self.sign_in_error, self.sign_in_button)

    def _on_tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.register_page:
            self.build_register_form()

    def build_register_form(self) -> None:
        """The "Create account" form, built once (when its tab is first shown)."""
        if self._register_built:
            return
        self._register_built = True
        layout = self.register_page.layout()
        assert layout is not None
        layout.addWidget(self._build_register_form())

    def _build_register_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.register_name_edit = QLineEdit()
        self.register_name_edit.setPlaceholderText(t("Name shown to others"))
        self.register_name_limit = LengthLimit(
            self.register_name_edit, MAX_DISPLAY_NAME_LENGTH, what="display name"
        )
        self.register_email_edit = QLineEdit()
        self.register_email_edit.setPlaceholderText(t("you@example.com"))
        self.register_password_edit = QLineEdit()
        self.register_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.register_password_edit.setPlaceholderText(
            t("At least {count} characters", count=MIN_PASSWORD_LENGTH)
        )
        self.register_confirm_edit = QLineEdit()
        self.register_confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.register_confirm_edit.returnPressed.connect(self.submit_register)
        self.register_role_combo = QComboBox()
        self.register_role_combo.addItem(t("Student — I want to learn"), Role.STUDENT)
        self.register_role_combo.addItem(t("Teacher — I want to teach"), Role.TEACHER)
        self.register_time_zone_combo = TimeZoneCombo()
        form.addRow(t("Display name"), self.register_name_edit)
        form.addRow("", self.register_name_limit.label)
        form.addRow(t("Email"), self.register_email_edit)
        form.addRow(t("Password"), self.register_password_edit)
        form.addRow(t("Confirm password"), self.register_confirm_edit)
        form.addRow(t("I am a"), self.register_role_combo)
        form.addRow(t("Time zone"), self.register_time_zone_combo)
        self.register_error = make_message_label()
        self.register_button = QPushButton(t("Create account"))
        themed(self.register_button, "primaryButton")
        self.register_button.clicked.connect(self.submit_register)
        return _form_page(page, form, self.register_error, self.register_button)

    # --- public ---------------------------------------------------------------------------

    def show_notice(self, text: str | None) -> None:
        """An informational line above the forms (e.g. 'You have signed out.')."""
        set_message(self.notice_label, text)

    def prefill_email(self, email: str) -> None:
        self.email_edit.setText(email)
        self.password_edit.setFocus()

    def fill_sign_in(self, email: str, password: str) -> None:
        """Put a (demo) account into the sign-in form, ready to press Sign in."""
        self.tabs.setCurrentIndex(0)
        self.email_edit.setText(email)
        self.password_edit.setText(password)
        self.sign_in_button.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.tabs.setEnabled(not busy)

    @Slot()
    def open_forgot_password(self) -> ForgotPasswordDialog:
        """The reset flow: a code by e-mail, or (without e-mail) who to ask."""
        from linguaflex_desktop.ui.password_dialogs import ForgotPasswordDialog

        dialog = ForgotPasswordDialog(
            services=self._ops().services,
            runner=self.runner,
            email=self.email_edit.text(),
            parent=self,
        )
        dialog.password_reset.connect(self._on_password_reset)
        dialog.finished.connect(dialog.deleteLater)
        self.forgot_dialog = dialog
        dialog.open()
        return dialog

    def _on_password_reset(self, email: str) -> None:
        self.show_notice(localize(PASSWORD_RESET_NOTICE))
        self.tabs.setCurrentIndex(0)
        self.prefill_email(email)

    # --- remember me ----------------------------------------------------------------------

    def _check_remember_availability(self) -> None:
        accounts_ops.remember_availability(
            self._ops(),
            on_success=self._on_remember_availability,
            on_failure=self._on_remember_check_failed,
            owner=self,
        )

    def _on_remember_availability(self, result: tuple[bool, str]) -> None:
        available, reason = result
        self.remember_available = available
        self.remember_checkbox.setEnabled(available)
        if not available:
            self.remember_checkbox.setChecked(False)
        note = "" if available else t("Not available: {reason}", reason=reason)
        self.remember_checkbox.setToolTip(localize(reason) if not available else "")
        self.remember_note.setText(note)
        self.remember_note.setVisible(bool(note))

    def _on_remember_check_failed(self, error: BaseException) -> None:
        self._on_remember_availability((False, inline_error_text(error) or t("unknown")))

    # --- submit ---------------------------------------------------------------------------

    @Slot()
    def submit_sign_in(self) -> None:
        set_message(self.sign_in_error, None)
        email, password = self.email_edit.text(), self.password_edit.text()
        if not email.strip() or not password:
            set_message(self.sign_in_error, t("Enter your email address and password."))
            return
        remember = self.remember_available and self.remember_checkbox.isChecked()
        self.set_busy(True)
        self.sign_in_button.setText(t("Signing in…"))
        accounts_ops.sign_in(
            self._ops(),
            email=email,
            password=password,
            remember=remember,
            on_checking=self.checking_password.emit,
            on_success=self._on_signed_in,
            on_failure=self._on_sign_in_failed,
            owner=self,
        )

    @Slot()
    def submit_register(self) -> None:
        set_message(self.register_error, None)
        if not self.register_name_limit.is_valid():
            set_message(self.register_error, self.register_name_limit.label.text())
            self.register_name_edit.setFocus()
            return
        password = self.register_password_edit.text()
        mismatch = password != self.register_confirm_edit.text()
        mark_invalid(self.register_confirm_edit, mismatch)
        if mismatch:
            set_message(self.register_error, t("The two passwords do not match."))
            self.register_confirm_edit.setFocus()
            return
        values: dict[str, Any] = {
            "email": self.register_email_edit.text(),
            "password": password,
            "display_name": self.register_name_edit.text(),
            "role": Role(self.register_role_combo.currentData()),
            "time_zone": self.register_time_zone_combo.time_zone(),
        }
        self.set_busy(True)
        self.register_button.setText(t("Creating account…"))
        accounts_ops.register(
            self._ops(),
            values=values,
            on_success=self._on_signed_in,
            on_failure=self._on_register_failed,
            owner=self,
        )

    def _on_signed_in(self, user: UserDTO) -> None:
        """The form stays busy ("Signing in…"): the window the sign-in opens replaces this
        one, or, if it cannot, ``sign_in_ended`` gives the form back."""
        self.password_edit.clear()
        if self._register_built:
            self.register_password_edit.clear()
            self.register_confirm_edit.clear()
        self.signed_in.emit(user)

    def sign_in_ended(self) -> None:
        """The form is usable again (the sign-in did not lead anywhere)."""
        self._reset_buttons()

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self.sign_in_failed.emit()
        self._reset_buttons()
        self._show_form_error(self.sign_in_error, error)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _on_register_failed(self, error: BaseException) -> None:
        self._reset_buttons()
        self._show_form_error(self.register_error, error)

    def _show_form_error(self, label: QLabel, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            set_message(label, inline_error_text(error))
        else:
            show_error(self, error)

    def _reset_buttons(self) -> None:
        self.set_busy(False)
        self.sign_in_button.setText(t("Sign in"))
        if self._register_built:
            self.register_button.setText(t("Create account"))


def _form_page(page: QWidget, form: QFormLayout, error: QLabel, button: QPushButton) -> QWidget:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(20, 20, 20, 20)
    layout.setSpacing(12)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addStretch(1)
    layout.addWidget(button)
    return page
