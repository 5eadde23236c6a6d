"""What happened to an item at the meeting: proposals, votes, elections, disqualifications."""

from __future__ import annotations

from functools import cached_property

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from councils import voikko
from councils.models.meetings import AgendaItem
from councils.models.organisation import Person
from councils.rules import Side, VoteResult, vote_result
from portal.lib.choices import in_choices
from portal.lib.sanitize import clean_html


class Outcome(models.TextChoices):
    AS_PROPOSED = "as_proposed", _("decided as proposed")
    AMENDED = "amended", _("decided with amendments")
    TABLED = "tabled", _("tabled")
    RETURNED = "returned", _("returned for preparation")
    REJECTED = "rejected", _("rejected")
    NOTED = "noted", _("noted for information")
    REMOVED = "removed", _("removed from the agenda")


# Outcomes after which the case comes back to a later meeting.
CONTINUING_OUTCOMES = {Outcome.TABLED, Outcome.RETURNED}


class Handling(models.Model):
    """The handling (käsittely) of one agenda item at its meeting, and its decision."""

    item = models.OneToOneField(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="handling"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    decision = models.TextField(_("decision"), blank=True)
    notes = models.TextField(_("handling notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("handling")
        verbose_name_plural = _("handlings")
        constraints = [
            in_choices("outcome", Outcome.choices),
        ]

    def __str__(self) -> str:
        return f"{self.item} – {self.get_outcome_display()}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.decision = clean_html(self.decision)
        self.notes = clean_html(self.notes)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ProposalKind(models.TextChoices):
    PRESENTER = "presenter", _("presenter's proposal")
    COUNTER = "counter", _("counter-proposal")


class CounterResolution(models.TextChoices):
    """How a seconded counter-proposal was settled without a vote (DESIGN.md rule 4)."""

    WITHDRAWN = "withdrawn", _("withdrawn by the proposer")
    ADOPTED = "adopted", _("adopted unanimously by the body")


class Proposal(models.Model):
    handling = models.ForeignKey(
        Handling, verbose_name=_("handling"), on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ProposalKind.choices)
    text = models.TextField(_("text"))
    proposer = models.ForeignKey(
        Person,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    seconder = models.ForeignKey(
        Person,
        verbose_name=_("seconded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    # A seconded counter-proposal goes to the vote unless it is withdrawn or the body
    # adopts it unanimously; the record says which (blank: it went, or goes, to the vote).
    resolution = models.CharField(
        _("settled without a vote"),
        max_length=10,
        choices=CounterResolution.choices,
        blank=True,
        default="",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["handling", "order"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="presenter") | Q(proposer__isnull=False),
                name="counter_proposal_has_proposer",
            ),
            models.CheckConstraint(
                condition=Q(seconder__isnull=True) | ~Q(seconder=models.F("proposer")),
                name="proposal_not_seconded_by_proposer",
            ),
            models.UniqueConstraint(fields=["handling", "order"], name="proposal_order_unique"),
            in_choices("kind", ProposalKind.choices),
            in_choices("resolution", CounterResolution.choices, blank=True),
            models.CheckConstraint(
                condition=Q(resolution="") | Q(kind="counter", seconder__isnull=False),
                name="settled_counter_proposal_was_seconded",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The presenter's proposal, or whose counter-proposal it is.

        Finnish puts the name in the genitive ("Marko Tenhusen vastaehdotus"); only Voikko
        knows it reliably, so without it the name follows in brackets.
        """
        if self.kind == ProposalKind.PRESENTER:
            return str(_("the presenter's proposal"))
        name = self.proposer.full_name if self.proposer else ""
        genitive = voikko.genitive(name) if translation.get_language() == "fi" else None
        if genitive:
            # Translators: the proposer's name, already in the Finnish genitive; Finnish only.
            return str(_("%(genitive)s counter-proposal") % {"genitive": genitive})
        return str(_("counter-proposal by %(name)s") % {"name": name})

    @property
    def is_counter(self) -> bool:
        return self.kind == ProposalKind.COUNTER


class VoteMethod(models.TextChoices):
    OPEN = "open", _("open vote")
    ROLL_CALL = "roll_call", _("roll-call vote")
    ELECTRONIC = "electronic", _("electronic vote")


class Vote(models.Model):
    """A vote (äänestys): one proposal (Jaa) put against another (Ei)."""

    handling = models.ForeignKey(
        Handling, verbose_name=_("handling"), on_delete=models.CASCADE, related_name="votes"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    method = models.CharField(
        _("method"), max_length=12, choices=VoteMethod.choices, default=VoteMethod.OPEN
    )
    yes_proposal = models.ForeignKey(
        Proposal, verbose_name=_("Yes (Jaa)"), on_delete=models.PROTECT, related_name="+"
    )
    no_proposal = models.ForeignKey(
        Proposal, verbose_name=_("No (Ei)"), on_delete=models.PROTECT, related_name="+"
    )
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["handling", "order"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.CheckConstraint(
                condition=~Q(yes_proposal=models.F("no_proposal")),
                name="vote_between_two_proposals",
            ),
            in_choices("method", VoteMethod.choices),
        ]

    def __str__(self) -> str:
        return f"{self.yes_proposal} / {self.no_proposal}"

    @cached_property
    def result(self) -> VoteResult | None:
        """Computed from the ballots (prefetch "ballots"); None if a tie cannot be resolved."""
        ballots = list(self.ballots.all())
        chair_choice = next((b.choice for b in ballots if b.person_id == self.chair_id), None)
        try:
            return vote_result([b.choice for b in ballots], chair_choice=chair_choice)
        except ValueError:
            return None

    @property
    def winning_proposal(self) -> Proposal | None:
        if self.result is None:
            return None
        return self.yes_proposal if self.result.winner == Side.YES else self.no_proposal


class BallotChoice(models.TextChoices):
    YES = "yes", _("Yes (Jaa)")
    NO = "no", _("No (Ei)")
    BLANK = "blank", _("Blank (Tyhjä)")
    ABSENT = "absent", _("Absent")


class Ballot(models.Model):
    vote = models.ForeignKey(
        Vote, verbose_name=_("vote"), on_delete=models.CASCADE, related_name="ballots"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("member"), on_delete=models.PROTECT, related_name="ballots"
    )
    choice = models.CharField(_("ballot"), max_length=10, choices=BallotChoice.choices)

    class Meta:
        ordering = ["vote", "person__last_name", "person__first_name"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["vote", "person"], name="ballot_once_per_member"),
            in_choices("choice", BallotChoice.choices),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class Election(models.Model):
    """An election (vaali) held during a handling, by closed ballot."""

    handling = models.ForeignKey(
        Handling, verbose_name=_("handling"), on_delete=models.CASCADE, related_name="elections"
    )
    position = models.CharField(_("position to fill"), max_length=300)
    seats = models.PositiveSmallIntegerField(_("number to elect"), default=1)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return self.position


class ElectionCandidate(models.Model):
    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="candidates"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="+"
    )
    votes = models.PositiveIntegerField(_("votes"), default=0)
    elected = models.BooleanField(_("elected"), default=False)
    drawn_by_lot = models.BooleanField(_("decided by lot"), default=False)

    class Meta:
        ordering = ["election", "-votes"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "person"], name="candidate_once_per_election"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.votes}"


class DisqualificationGround(models.TextChoices):
    """Grounds of disqualification, hallintolaki (434/2003) 28 § 1 mom. and its general clause."""

    PARTY = "party", _("is a party to the matter (HL 28.1 § 1 k)")
    CLOSE_PERSON = "close_person", _("a close person is a party (HL 28.1 § 2 k)")
    REPRESENTATIVE = "representative", _("assists or represents a party (HL 28.1 § 3 k)")
    EMPLOYMENT = "employment", _("employed by a party (HL 28.1 § 4 k)")
    BOARD_MEMBER = "board_member", _("board member of an interested organisation (HL 28.1 § 5 k)")
    BENEFIT = "benefit", _("may expect special benefit or harm (HL 28.1 § 6 k)")
    TRUST = "trust", _("impartiality otherwise endangered (HL 28.1 § 7 k)")


class Disqualification(models.Model):
    """A member's disqualification (esteellisyys) from one item."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="disqualifications",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="disqualifications"
    )
    ground = models.CharField(_("ground"), max_length=20, choices=DisqualificationGround.choices)
    left_room = models.BooleanField(_("left the room"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "person__last_name"]
        verbose_name = _("disqualification")
        verbose_name_plural = _("disqualifications")
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="disqualified_once_per_item"),
            in_choices("ground", DisqualificationGround.choices),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_ground_display()}"


class Dissent(models.Model):
    """A dissenting opinion (eriävä mielipide) recorded in the minutes."""

    handling = models.ForeignKey(
        Handling, verbose_name=_("handling"), on_delete=models.CASCADE, related_name="dissents"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="dissents"
    )
    reasons = models.TextField(_("reasons"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dissent")
        verbose_name_plural = _("dissents")
        constraints = [
            models.UniqueConstraint(fields=["handling", "person"], name="dissent_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}"
