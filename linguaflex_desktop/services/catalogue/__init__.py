"""Catalogue: teacher profiles, gigs, student search, admin suspension of gigs."""
