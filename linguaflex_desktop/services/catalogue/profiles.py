"""Teacher profiles as students see them: photo, bio, languages spoken with levels, country,
time zone, bookable gigs and rating; the teacher edits their own.

Each public method is one transaction on the calling thread (a worker thread in the app).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from linguaflex_desktop.errors import NotFound
from linguaflex_desktop.models import Gig, Role, TeacherProfile, User
from linguaflex_desktop.services.catalogue.profile_rules import (
    check_photo,
    clean_profile_fields,
    spoken_to_json,
)
from linguaflex_desktop.services.catalogue.search_statements import searchable
from linguaflex_desktop.services.catalogue.service import _gigs_with_teachers
from linguaflex_desktop.services.catalogue.teacher_summary import rating_of, summary
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import (
    Actor,
    GigDTO,
    SpokenLanguage,
    TeacherProfileDTO,
)
from linguaflex_desktop.services.common.validation import check_id
from linguaflex_desktop.texts import tx

NO_SUCH_TEACHER = tx("No such teacher.")


def _visible_teacher(session: Session, acting: User, teacher_id: object) -> User:
    """The teacher ``acting`` may see: NotFound for non-teachers and, unless ``acting`` is that
    teacher or an admin, for suspended or deactivated ones."""
    user = session.get(User, check_id(teacher_id, what=tx("teacher")))
    if user is None or user.role is not Role.TEACHER:
        raise NotFound(NO_SUCH_TEACHER)
    hidden = user.suspended_at is not None or not user.is_active
    if hidden and acting.role is not Role.ADMIN and acting.id != user.id:
        raise NotFound(NO_SUCH_TEACHER)
    return user


def _own_profile(session: Session, teacher: User) -> TeacherProfile:
    profile = session.get(TeacherProfile, teacher.id)
    if profile is None:  # a teacher made before profiles existed: give them one
        profile = TeacherProfile(user_id=teacher.id, bio="", languages=[], spoken_languages=[])
        session.add(profile)
    return profile


def _profile_dto(session: Session, user: User, profile: TeacherProfile | None) -> TeacherProfileDTO:
    rating = rating_of(session, user.id)
    teacher = summary(
        country=profile.country if profile else None,
        spoken_languages=profile.spoken_languages if profile else [],
        photo_updated_at=profile.photo_updated_at if profile else None,
        rating=rating,
    )
    query = (
        _gigs_with_teachers()
        .where(Gig.teacher_id == user.id, searchable())
        .order_by(Gig.language, Gig.title, Gig.id)
    )
    gigs = tuple(GigDTO.from_model(gig, teacher) for gig in session.scalars(query))
    return TeacherProfileDTO(
        user_id=user.id,
        display_name=user.display_name,
        bio=profile.bio if profile else "",
        languages=tuple(profile.languages or ()) if profile else (),
        time_zone=user.time_zone,
        spoken_languages=teacher.languages,
        country=teacher.country,
        country_name=teacher.country_name,
        photo=profile.photo if profile else None,
        rating=rating,
        gigs=gigs,
    )


class ProfileService:
    """Read any active teacher's public profile; a teacher edits their own."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def get_teacher_profile(self, actor: Actor, teacher_id: int) -> TeacherProfileDTO:
        """Any signed-in user: the teacher's profile with photo, bookable gigs and rating.
        NotFound for non-teachers and for suspended teachers (unless the actor is that
        teacher or an admin)."""
        with self._ctx.unit_of_work(write=False) as uow:
            acting = load_acting_user(uow.session, actor)
            user = _visible_teacher(uow.session, acting, teacher_id)
            profile = uow.session.scalars(
                select(TeacherProfile)
                .where(TeacherProfile.user_id == user.id)
                .options(undefer(TeacherProfile.photo))
            ).first()
            return _profile_dto(uow.session, user, profile)

    def get_teacher_photo(self, actor: Actor, teacher_id: int) -> bytes | None:
        """Any signed-in user: the photo alone (None when there is none), for a gig's panel."""
        with self._ctx.unit_of_work(write=False) as uow:
            acting = load_acting_user(uow.session, actor)
            user = _visible_teacher(uow.session, acting, teacher_id)
            return uow.session.scalar(
                select(TeacherProfile.photo).where(TeacherProfile.user_id == user.id)
            )

    def update_teacher_profile(
        self,
        actor: Actor,
        *,
        bio: str,
        spoken_languages: Sequence[SpokenLanguage | tuple[str, str]],
        country: str | None,
        time_zone: str,
        display_name: str | None = None,
    ) -> TeacherProfileDTO:
        """The acting teacher edits their own profile (the photo has its own call).

        FieldErrors names every bad field (keys ``display_name``, ``time_zone``, ``country``,
        ``spoken_languages``, ``bio``); nothing is written then. The older ``languages`` list
        is kept in step with the names of the languages spoken.
        """
        fields = clean_profile_fields(
            bio=bio,
            spoken_languages=spoken_languages,
            country=country,
            time_zone=time_zone,
            display_name=display_name,
        )
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.TEACHER)
            profile = _own_profile(uow.session, user)
            spoken: tuple[SpokenLanguage, ...] = fields["spoken_languages"]
            profile.bio = fields["bio"]
            profile.spoken_languages = spoken_to_json(spoken)
            profile.languages = [entry.language for entry in spoken]
            profile.country = fields["country"]
            profile.updated_at = self._ctx.now()
            user.time_zone = fields["time_zone"]
            if "display_name" in fields:
                user.display_name = fields["display_name"]
            uow.session.flush()
            saved = _profile_dto(uow.session, user, profile)
            uow.commit()
            return saved

    def set_teacher_photo(self, actor: Actor, image_bytes: bytes) -> TeacherProfileDTO:
        """The acting teacher replaces their photo: a PNG or JPEG of at most 256 x 256 pixels
        and MAX_PHOTO_BYTES (the window scales and crops it first); ValidationError otherwise."""
        photo = check_photo(image_bytes)
        return self._store_photo(actor, photo)

    def remove_teacher_photo(self, actor: Actor) -> TeacherProfileDTO:
        """The acting teacher removes their photo (idempotent)."""
        return self._store_photo(actor, None)

    def _store_photo(self, actor: Actor, photo: bytes | None) -> TeacherProfileDTO:
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.TEACHER)
            profile = _own_profile(uow.session, user)
            now = self._ctx.now()
            profile.photo = photo
            profile.photo_updated_at = None if photo is None else now
            profile.updated_at = now
            uow.session.flush()
            saved = _profile_dto(uow.session, user, profile)
            uow.commit()
            return saved
