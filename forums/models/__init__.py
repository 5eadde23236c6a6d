"""The models of cooperation and participation, one module per part of the domain."""

from __future__ import annotations

from forums.models.cooperation import (
    FOUR_LEVELS,
    AgreementGoal,
    AgreementRule,
    CooperationAgreement,
    CooperationLevel,
    FollowUp,
    FollowUpAssessment,
    Forum,
    ForumTopic,
    Signatory,
)
from forums.models.organisations import (
    REGISTRATION_PENDING_DAYS,
    SELF_REGISTERING_KINDS,
    ActivityField,
    Organisation,
    OrganisationField,
    OrganisationKind,
    OrganisationStatus,
    Registration,
    RegistrationState,
    Representation,
    Representative,
)

__all__ = [
    "FOUR_LEVELS",
    "REGISTRATION_PENDING_DAYS",
    "SELF_REGISTERING_KINDS",
    "ActivityField",
    "AgreementGoal",
    "AgreementRule",
    "CooperationAgreement",
    "CooperationLevel",
    "FollowUp",
    "FollowUpAssessment",
    "Forum",
    "ForumTopic",
    "Organisation",
    "OrganisationField",
    "OrganisationKind",
    "OrganisationStatus",
    "Registration",
    "RegistrationState",
    "Representation",
    "Representative",
    "Signatory",
]
