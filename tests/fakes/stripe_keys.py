"""``FakeKeyProbe``: the key check's ``KeyProbe`` in memory, with scripted answers.

Unscripted, both keys belong to ``acct_fake`` and every token made is visible. Script a
method with ``KeyRefused`` (a revoked key, a restricted key lacking a permission) or
``ExternalServiceError`` (Stripe unreachable), or ``token_visible`` with False (the
publishable key belongs to another account).
"""

from __future__ import annotations

import itertools

from linguaflex_desktop.adapters.stripe.keys import KeyProbe
from tests.fakes.scripted import Scripted


class FakeKeyProbe(Scripted):
    def __init__(self, account_id: str = "acct_fake") -> None:
        super().__init__()
        self._account_id = account_id
        self._ids = itertools.count(1)
        self.tokens: set[str] = set()

    def account_id(self) -> str:
        return str(self._script.answer("account_id", lambda: self._account_id))

    def create_pii_token(self) -> str:
        def default() -> str:
            token = f"pii_fake{next(self._ids)}"
            self.tokens.add(token)
            return token

        return str(self._script.answer("create_pii_token", default))

    def token_visible(self, token_id: str) -> bool:
        return bool(self._script.answer("token_visible", lambda: token_id in self.tokens, token_id))


_implements: KeyProbe = FakeKeyProbe()
