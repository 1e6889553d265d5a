"""Payment screens: cards, paying, receipts, refunds, earnings."""
