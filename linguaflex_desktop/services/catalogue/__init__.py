"""Catalogue: teacher profiles, gigs, search, weekly availability and free slots."""
