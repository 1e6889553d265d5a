"""The HTML of the sandbox's hosted Checkout pages (see ``checkout_page``): a card form, an
authentication step and a "closed" notice, laid out as a payment page, with no script.

Pure functions returning text; every value from outside is escaped. Styles carry the nonce
placeholder ``NONCE_MARK``, which the server replaces per response.
"""

from __future__ import annotations

from html import escape

MERCHANT = "LinguaFlex"
NONCE_MARK = "__NONCE__"

_STYLE = """
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;
 color:#1a1f36;background:#f6f9fc;min-height:100vh;display:flex;align-items:center;
 justify-content:center}
.sheet{display:flex;flex-wrap:wrap;max-width:880px;width:100%;background:#fff;
 border-radius:12px;box-shadow:0 8px 30px rgba(50,50,93,.12);overflow:hidden;margin:24px}
.summary{flex:1 1 320px;padding:40px;background:#f7f8fb;border-right:1px solid #e6e9ef}
.entry{flex:1 1 360px;padding:40px}
.merchant{display:flex;align-items:center;gap:10px;font-weight:600;font-size:15px}
.logo{width:28px;height:28px;border-radius:6px;background:#635bff;color:#fff;display:flex;
 align-items:center;justify-content:center;font-weight:700}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
 background:#ffde92;color:#8a5a00;border-radius:4px;padding:2px 6px}
h1{font-size:26px;margin:28px 0 8px}
.lead{color:#4f566b;line-height:1.5;margin:0 0 24px}
.cards{font-size:13px;color:#4f566b;border-top:1px solid #e6e9ef;padding-top:16px}
.cards h2{font-size:13px;margin:0 0 8px;color:#1a1f36}
.cards li{margin:4px 0;list-style:none}.cards ul{padding:0;margin:0}
.cards code{font-family:ui-monospace,Menlo,monospace;color:#1a1f36}
label{display:block;font-size:13px;color:#4f566b;margin:16px 0 6px}
.group{border:1px solid #e0e3eb;border-radius:6px;overflow:hidden}
.group input{border:0;border-radius:0}
.row{display:flex;border-top:1px solid #e0e3eb}
.row input+input{border-left:1px solid #e0e3eb}
input{width:100%;font-size:16px;padding:12px;border:1px solid #e0e3eb;border-radius:6px;
 color:#1a1f36;background:#fff;outline:none}
input:focus{box-shadow:inset 0 0 0 2px #a4a8ff}
button{width:100%;margin-top:24px;padding:13px;font-size:16px;font-weight:600;color:#fff;
 background:#635bff;border:0;border-radius:6px;cursor:pointer}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #e0e3eb}
.error{color:#df1b41;background:#fff0f3;border-radius:6px;padding:10px 12px;font-size:14px;
 margin:0 0 8px}
.back{display:inline-block;margin-top:20px;color:#635bff;text-decoration:none;font-size:14px}
.foot{margin-top:24px;font-size:12px;color:#8792a2;text-align:center}
"""


def _document(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style nonce='{NONCE_MARK}'>{_STYLE}</style></head>"
        f"<body><main class='sheet'>{body}</main></body></html>"
    )


def _summary(heading: str, lead: str, test_cards: tuple[tuple[str, str], ...]) -> str:
    cards = "".join(
        f"<li><code>{escape(number)}</code> {escape(effect)}</li>" for number, effect in test_cards
    )
    listing = (
        "<div class='cards' id='test-cards'><h2>Test cards</h2><ul>"
        f"{cards}</ul><p>Any future date, any 3-digit CVC, any name.</p></div>"
        if test_cards
        else ""
    )
    return (
        "<section class='summary'><div class='merchant'>"
        f"<span class='logo'>{escape(MERCHANT[:1])}</span>{escape(MERCHANT)}"
        "<span class='badge' id='test-mode'>Test mode</span></div>"
        f"<h1>{escape(heading)}</h1><p class='lead'>{escape(lead)}</p>{listing}</section>"
    )


def card_form(
    *,
    merchant: str,
    currency: str,
    error: str | None,
    cancel_url: str | None,
    test_cards: tuple[tuple[str, str], ...],
) -> str:
    """The card entry page; posts to itself (a relative URL)."""
    lead = (
        f"{merchant} will save this card to charge your confirmed lessons in "
        f"{currency.upper()}. Nothing is charged now."
    )
    shown_error = f"<p class='error' id='error' role='alert'>{escape(error)}</p>" if error else ""
    back = (
        f"<a class='back' id='back' href='{escape(cancel_url, quote=True)}'>"
        f"← Back to {escape(merchant)}</a>"
        if cancel_url
        else ""
    )
    entry = (
        "<section class='entry'><form method='post' action='' autocomplete='on' novalidate>"
        f"{shown_error}<label for='number'>Card information</label><div class='group'>"
        "<input id='number' name='number' placeholder='1234 1234 1234 1234' "
        "inputmode='numeric' autocomplete='cc-number' maxlength='23' required>"
        "<div class='row'><input id='exp' name='exp' placeholder='MM / YY' "
        "inputmode='numeric' autocomplete='cc-exp' maxlength='9' required>"
        "<input id='cvc' name='cvc' placeholder='CVC' inputmode='numeric' "
        "autocomplete='cc-csc' maxlength='4' required></div></div>"
        "<label for='name'>Cardholder name</label>"
        "<input id='name' name='name' placeholder='Full name on card' autocomplete='cc-name' "
        "maxlength='200' required>"
        "<button type='submit' id='submit'>Save card</button></form>"
        f"{back}<p class='foot'>Powered by the Stripe sandbox · no real card is charged</p>"
        "</section>"
    )
    return _document(
        f"Save your card — {merchant}",
        _summary("Save your card for future lessons", lead, test_cards) + entry,
    )


def authentication_page(last4: str) -> str:
    """The bank's authentication step (3-D Secure), as Stripe's test page offers it."""
    entry = (
        "<section class='entry'><h1>Authenticate your card</h1>"
        f"<p class='lead'>Your bank asks you to confirm that the card ending in "
        f"{escape(last4)} is yours. This is a test page: choose the outcome.</p>"
        "<form method='post' action=''>"
        "<button type='submit' name='answer' value='complete' id='complete'>Complete</button>"
        "<button type='submit' name='answer' value='fail' id='fail' class='secondary'>"
        "Fail</button></form></section>"
    )
    lead = "One more step: your bank wants to confirm it is you."
    return _document(f"Authenticate — {MERCHANT}", _summary("3-D Secure", lead, ()) + entry)


def closed_page(status: str) -> str:
    """What a complete or expired session shows instead of the form."""
    if status == "complete":
        heading, text = "Card saved", "This card is saved. You can return to LinguaFlex."
    else:
        heading = "This checkout session has expired"
        text = "Nothing was saved. Start again from LinguaFlex to add a card."
    entry = (
        f"<section class='entry'><h1 id='status'>{escape(heading)}</h1>"
        f"<p class='lead'>{escape(text)}</p></section>"
    )
    return _document(f"{heading} — {MERCHANT}", _summary(MERCHANT, "", ()) + entry)
