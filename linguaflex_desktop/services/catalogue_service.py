"""Catalogue: teacher profiles and gigs, student search, admin suspension of gigs."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Level
from .context import ServiceContext
from .dto import Actor, GigDTO, Page, TeacherProfileDTO


class CatalogueService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def get_profile(self, actor: Actor, teacher_id: int) -> TeacherProfileDTO:
        raise NotImplementedError

    def update_profile(
        self,
        actor: Actor,
        *,
        bio: str,
        languages: Sequence[str],
        time_zone: str,
        display_name: str | None = None,
    ) -> TeacherProfileDTO:
        raise NotImplementedError

    def create_gig(
        self,
        actor: Actor,
        *,
        title: str,
        language: str,
        level: Level,
        description: str,
        hourly_rate_minor: int,
        currency: str,
        is_active: bool = True,
        min_duration_minutes: int = 30,
        max_duration_minutes: int = 180,
    ) -> GigDTO:
        raise NotImplementedError

    def update_gig(
        self,
        actor: Actor,
        gig_id: int,
        *,
        title: str,
        language: str,
        level: Level,
        description: str,
        hourly_rate_minor: int,
        currency: str,
        is_active: bool,
        min_duration_minutes: int = 30,
        max_duration_minutes: int = 180,
    ) -> GigDTO:
        raise NotImplementedError

    def list_my_gigs(self, actor: Actor) -> list[GigDTO]:
        raise NotImplementedError

    def get_gig(self, actor: Actor, gig_id: int) -> GigDTO:
        raise NotImplementedError

    def search_gigs(
        self,
        actor: Actor,
        *,
        language: str | None = None,
        level: Level | None = None,
        min_rate_minor: int | None = None,
        max_rate_minor: int | None = None,
        currency: str | None = None,
        text: str = "",
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 50,
    ) -> Page[GigDTO]:
        raise NotImplementedError

    def list_languages(self, actor: Actor) -> list[str]:
        raise NotImplementedError

    def list_all_gigs(self, actor: Actor, *, offset: int = 0, limit: int = 100) -> Page[GigDTO]:
        raise NotImplementedError

    def suspend_gig(self, actor: Actor, gig_id: int, *, reason: str = "") -> GigDTO:
        raise NotImplementedError

    def reactivate_gig(self, actor: Actor, gig_id: int) -> GigDTO:
        raise NotImplementedError
