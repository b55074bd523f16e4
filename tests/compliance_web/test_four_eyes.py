"""Keeping the law current: a proposal by one authority user, approved by another, published with a ledger
entry, used by the checker from its effective date, while checks of earlier days keep the old version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from mizan.accounts.models import User
from mizan.common.errors import DomainError, PermissionDenied
from mizan.compliance import selectors, services
from mizan.compliance.checking import check_offer
from mizan.compliance.engine import OfferTerms
from mizan.compliance.models import RulePackVersion
from mizan.compliance.packs import baseline_text, site_packs
from mizan.privacy.ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db

NEPAL_FEE = OfferTerms.model_validate(
    {
        "origin": "NP",
        "destination": "QA",
        "sector": "construction",
        "pay": {"amount": "1000", "currency": "QAR", "period": "monthly"},
        "fees": [
            {
                "category": "recruitment_fee",
                "amount": "15000",
                "currency": "NPR",
                "paid_by": "worker",
                "paid_to": "recruiter",
            }
        ],
    }
)


def fvft(on: dt.date) -> list[tuple[str, str]]:
    report = check_offer(terms=NEPAL_FEE, on=on).report
    return [(f.rule_id, f.severity.value) for f in report.findings if f.rule_id == "NP.FVFT"]


def propose(officer: User, text: str) -> RulePackVersion:
    return services.proposal_create(
        actor=officer, yaml_text=text, source_name="NP.yaml", note="FVFT cap raised"
    )


def test_the_proposer_can_never_approve_their_own_proposal(
    officer: User, make_np_version: Callable[..., str]
):
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    with pytest.raises(PermissionDenied) as error:
        services.proposal_approve(actor=officer, proposal=proposal)
    assert error.value.code == "four_eyes"
    proposal.refresh_from_db()
    assert proposal.status == RulePackVersion.Status.PROPOSED
    # Not even by writing to the database directly: the constraint holds the rule too.
    proposal.status, proposal.decided_by, proposal.decided_at = "published", officer, dt.datetime.now(dt.UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal.save()


def test_the_proposer_cannot_approve_through_the_page_either(
    officer: User, client_as, make_np_version: Callable[..., str]
):
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    response = client_as(officer).post(reverse("rules:approve", kwargs={"proposal_id": proposal.id}))
    assert response.status_code == 403
    assert RulePackVersion.objects.get(id=proposal.id).status == "proposed"


def test_approval_publishes_writes_one_ledger_entry_and_the_checker_uses_it_from_its_date(
    officer: User, second_officer: User, make_np_version: Callable[..., str]
):
    before_key = id(site_packs())
    assert fvft(dt.date(2027, 3, 1)) == [("NP.FVFT", "violation")]  # NPR 15,000 > 10,000
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    entries = LedgerEntry.objects.count()

    published = services.proposal_approve(actor=second_officer, proposal=proposal)

    assert published.status == "published"
    assert published.decided_by == second_officer
    new_entries = LedgerEntry.objects.filter(seq__gt=entries)
    assert new_entries.count() == 1
    entry = new_entries.get()
    assert entry.kind == "rulepack.published"
    assert entry.subject == f"rulepack_version:{proposal.id}"
    assert published.ledger_seq == entry.seq
    for value in ("NP", "2027.01", proposal.sha256, str(officer.id), str(second_officer.id)):
        assert value in entry.data_json
    assert id(site_packs()) != before_key  # rebuilt: keyed by the newest published version
    assert fvft(dt.date(2027, 3, 1)) == []  # from its effective date: the new cap
    assert fvft(dt.date(2026, 12, 31)) == [("NP.FVFT", "violation")]  # a check as of a past day: the old one
    report = check_offer(terms=NEPAL_FEE, on=dt.date(2027, 3, 1)).report
    assert ("NP", "2027.01") in {(pack.id, pack.version) for pack in report.packs}


def test_an_invalid_proposal_is_stored_with_its_problems_but_cannot_be_approved(
    officer: User, second_officer: User, client_as
):
    text = "id: NP\nversion: '2027.02'\ntitle: Nepal\njurisdiction: NP\nscope: {origin: NP}\nrules: [\n"
    proposal = propose(officer, text)
    assert (proposal.pack_id, proposal.jurisdiction) == ("", "NP")  # the officer's only country
    page = client_as(second_officer).get(reverse("rules:proposal", kwargs={"proposal_id": proposal.id}))
    assert page.status_code == 200
    assert b'data-valid="no"' in page.content
    assert b"YAML syntax" in page.content
    assert b"Approve and publish" not in page.content
    with pytest.raises(DomainError) as error:
        services.proposal_approve(actor=second_officer, proposal=proposal)
    assert error.value.code == "invalid_pack"
    response = client_as(second_officer).post(reverse("rules:approve", kwargs={"proposal_id": proposal.id}))
    assert response.status_code == 400
    assert RulePackVersion.objects.get(id=proposal.id).status == "proposed"
    assert not LedgerEntry.objects.filter(kind="rulepack.published").exists()


def test_a_version_that_overlaps_a_published_one_cannot_be_approved(
    officer: User, second_officer: User, make_np_version: Callable[..., str]
):
    # Starts on the same day as the version in force: the engine's cross-version check refuses it.
    proposal = propose(officer, make_np_version(version="2015.07b", effective_from="2015-07-17", cap="20000"))
    review = selectors.proposal_review(actor=second_officer, proposal=proposal)
    assert not review.validation.ok
    assert any("overlaps" in error.reason for error in review.validation.errors)
    with pytest.raises(DomainError):
        services.proposal_approve(actor=second_officer, proposal=proposal)


def test_the_review_shows_the_diff_against_the_version_in_force(
    officer: User, second_officer: User, make_np_version: Callable[..., str], client_as
):
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    review = selectors.proposal_review(actor=second_officer, proposal=proposal)
    assert review.validation.ok
    assert review.base is not None
    assert review.base.version == "2015.07"
    added = [line.text for line in review.diff.lines if line.kind == "added"]
    removed = [line.text for line in review.diff.lines if line.kind == "removed"]
    assert any('amount: "20000"' in line for line in added)
    assert any('amount: "10000"' in line for line in removed)
    page = client_as(second_officer).get(reverse("rules:proposal", kwargs={"proposal_id": proposal.id}))
    assert b"<ins>" in page.content
    assert b"<del>" in page.content
    assert b'data-valid="yes"' in page.content


def test_a_rejection_needs_a_reason_and_is_final(
    officer: User, second_officer: User, make_np_version: Callable[..., str], client_as
):
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    url = reverse("rules:reject", kwargs={"proposal_id": proposal.id})
    assert client_as(second_officer).post(url, {"reason": "  "}).status_code == 400
    with pytest.raises(DomainError):
        services.proposal_reject(actor=second_officer, proposal=proposal, reason=" ")
    assert client_as(officer).post(url, {"reason": "mine"}).status_code == 403
    response = client_as(second_officer).post(url, {"reason": "The notice is not yet in the gazette."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.rejection_reason) == (
        "rejected",
        "The notice is not yet in the gazette.",
    )
    with pytest.raises(DomainError) as error:
        services.proposal_approve(actor=second_officer, proposal=proposal)
    assert error.value.code == "already_decided"


def test_only_the_proposer_can_withdraw(
    officer: User, second_officer: User, make_np_version: Callable[..., str], client_as
):
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    url = reverse("rules:withdraw", kwargs={"proposal_id": proposal.id})
    assert client_as(second_officer).post(url).status_code == 403
    assert client_as(officer).post(url).status_code == 302
    assert RulePackVersion.objects.get(id=proposal.id).status == "withdrawn"


def test_an_authority_proposes_only_for_its_own_country(officer: User):
    qatar = site_packs().history("QA")[-1]
    text = baseline_text("QA", qatar.version)
    assert text is not None
    text = text.replace(f'version: "{qatar.version}"', 'version: "2027.01"')
    with pytest.raises(PermissionDenied):
        services.proposal_create(actor=officer, yaml_text=text, source_name="QA.yaml")
    assert not RulePackVersion.objects.exists()


def test_a_pack_of_another_country_is_hidden_from_an_authority(officer: User, client_as):
    assert client_as(officer).get(reverse("rules:pack", kwargs={"pack_id": "QA"})).status_code == 403
    assert client_as(officer).get(reverse("rules:pack", kwargs={"pack_id": "NP"})).status_code == 200
    assert client_as(officer).get(reverse("rules:pack", kwargs={"pack_id": "NOPE"})).status_code == 404
    page = client_as(officer).get(reverse("rules:index"))
    assert b'href="/rules/packs/NP/"' in page.content
    assert b'href="/rules/packs/QA/"' not in page.content
    assert b'href="/rules/packs/INT/"' not in page.content


def test_platform_admins_see_every_pack_including_international(platform_admin: User, client_as):
    page = client_as(platform_admin).get(reverse("rules:index"))
    for pack_id in (b"INT", b"QA", b"NP", b"HK-domestic_work"):
        assert b'href="/rules/packs/' + pack_id + b'/"' in page.content


def test_uploading_a_file_and_using_the_form_make_proposals(
    officer: User, client_as, make_np_version: Callable[..., str]
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(officer)
    text = make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000")
    response = client.post(
        reverse("rules:propose") + "?pack=NP",
        {"upload": SimpleUploadedFile("NP-2027.yaml", text.encode()), "note": "gazette 2026"},
    )
    assert response.status_code == 302
    row = RulePackVersion.objects.get(source_name="NP-2027.yaml")
    assert (row.pack_id, row.version, row.note) == ("NP", "2027.01", "gazette 2026")
    form_page = client.get(reverse("rules:propose") + "?pack=NP")
    assert b"Free Visa, Free Ticket" in form_page.content  # prefilled with the latest version
    response = client.post(reverse("rules:propose"), {"yaml_text": text.replace("2027.01", "2027.02")})
    assert response.status_code == 302
    assert RulePackVersion.objects.filter(version="2027.02", source_name="form").exists()
    bad = client.post(reverse("rules:propose"), {"yaml_text": ""})
    assert bad.status_code == 400
    binary = client.post(
        reverse("rules:propose"), {"upload": SimpleUploadedFile("x.yaml", b"\xff\xfe\x00bad")}
    )
    assert binary.status_code == 400


def test_the_minimum_wage_form_drafts_a_new_version_a_colleague_publishes(
    qatar_officers: tuple[User, User], client_as
):
    first, second = qatar_officers
    url = reverse("rules:propose_wage", kwargs={"pack_id": "QA"})
    page = client_as(first).get(url)
    assert page.status_code == 200
    assert b"QA.MW.2020-17" in page.content
    response = client_as(first).post(
        url,
        {
            "rule": "QA.MW.2020-17",
            "amount": "1,200",
            "effective_from": "2027-01-01",
            "review_by": "2028-01-01",
            "citation_title": "Decision on the minimum wage 2026",
            "citation_url": "https://www.almeezan.qa/example",
            "citation_article": "Art 1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    proposal = RulePackVersion.objects.get(pack_id="QA")
    assert proposal.version == "2027.01"
    review = selectors.proposal_review(actor=second, proposal=proposal)
    assert review.validation.ok, review.validation.errors
    assert any('amount: "1200"' in line.text for line in review.diff.lines if line.kind == "added")
    services.proposal_approve(actor=second, proposal=proposal)
    low_pay = OfferTerms.model_validate(
        {
            "destination": "QA",
            "pay": {"amount": "1100", "currency": "QAR", "period": "monthly"},
            "allowances": {"food": {"provided": True}, "housing": {"provided": True}},
        }
    )

    def wage(on: dt.date) -> set[str]:
        report = check_offer(terms=low_pay, on=on).report
        return {f.severity.value for f in report.findings if f.rule_id == "QA.MW.2020-17"}

    assert wage(dt.date(2027, 2, 1)) == {"violation"}
    assert wage(dt.date(2026, 6, 1)) == set()


def test_the_minimum_wage_form_refuses_a_start_before_the_newest_version(
    qatar_officers: tuple[User, User], client_as
):
    first, _second = qatar_officers
    response = client_as(first).post(
        reverse("rules:propose_wage", kwargs={"pack_id": "QA"}),
        {
            "rule": "QA.MW.2020-17",
            "amount": "1200",
            "effective_from": "2016-01-01",
            "citation_title": "Decision",
            "citation_url": "https://example.org/decision",
        },
    )
    assert response.status_code == 400
    assert not RulePackVersion.objects.exists()


def test_every_published_version_stays_viewable_with_who_proposed_and_approved(
    officer: User, second_officer: User, make_np_version: Callable[..., str], client_as
):
    proposal = propose(officer, make_np_version(version="2027.01", effective_from="2027-01-01", cap="20000"))
    services.proposal_approve(actor=second_officer, proposal=proposal)
    client = client_as(officer)
    pack = client.get(reverse("rules:pack", kwargs={"pack_id": "NP"}))
    assert b"2015.07" in pack.content
    assert b"2027.01" in pack.content
    assert b"Second Officer" in pack.content
    new = client.get(reverse("rules:version", kwargs={"pack_id": "NP", "version": "2027.01"}))
    assert new.status_code == 200
    assert b"amount: &quot;20000&quot;" in new.content
    old = client.get(reverse("rules:version", kwargs={"pack_id": "NP", "version": "2015.07"}))
    assert old.status_code == 200
    assert b"amount: &quot;10000&quot;" in old.content
    missing = client.get(reverse("rules:version", kwargs={"pack_id": "NP", "version": "1999.01"}))
    assert missing.status_code == 404


def test_a_version_named_like_a_long_number_is_recorded_in_the_ledger_by_its_hash(
    officer: User, second_officer: User, make_np_version: Callable[..., str]
):
    from mizan.privacy.ledger import hash_for

    proposal = propose(officer, make_np_version(version="20270101", effective_from="2027-01-01", cap="20000"))
    published = services.proposal_approve(actor=second_officer, proposal=proposal)
    entry = LedgerEntry.objects.get(seq=published.ledger_seq)
    assert "20270101" not in entry.data_json  # 8 digits look like a phone number to the ledger
    assert hash_for("20270101") in entry.data_json
