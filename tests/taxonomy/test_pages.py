"""The public pages /occupations/ and /occupations/<code>/."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from mizan.taxonomy.models import Occupation
from tests.personas import Personas
from tests.roles import assert_role_matrix, everyone

Taxonomy = dict[str, Occupation]


def test_everyone_may_open_the_pages(personas: Personas, common_taxonomy: Taxonomy) -> None:
    assert_role_matrix(personas, reverse("taxonomy:index"), everyone(200))
    assert_role_matrix(personas, reverse("taxonomy:index") + "?q=weldr", everyone(200))
    assert_role_matrix(personas, reverse("taxonomy:detail", kwargs={"code": "7212.3"}), everyone(200))


def test_index_lists_the_common_kinds_of_work_by_group(client: Client, common_taxonomy: Taxonomy) -> None:
    html = client.get(reverse("taxonomy:index")).content.decode()
    assert html.count("<h1>") == 1
    assert "Building and construction" in html
    assert reverse("taxonomy:detail", kwargs={"code": "7212.3"}) in html
    assert "This service uses the ESCO classification of the European Commission." in html


def test_search_in_arabic_shows_results_with_codes(client: Client, common_taxonomy: Taxonomy) -> None:
    response = client.get(reverse("taxonomy:index"), {"q": "عاملة منزلية"}, HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="عاملة منزلية"' in html
    assert "عامل/عاملة منزلية" in html  # the Arabic title
    assert '<span dir="ltr">9111.1</span>' in html  # ESCO code
    assert '<span dir="ltr">9111</span>' in html  # ISCO unit group


def test_search_without_results_says_so(client: Client, common_taxonomy: Taxonomy) -> None:
    html = client.get(reverse("taxonomy:index"), {"q": "xyzzy"}).content.decode()
    assert "Nothing found" in html


def test_a_very_long_query_is_cut_not_refused(client: Client, common_taxonomy: Taxonomy) -> None:
    response = client.get(reverse("taxonomy:index"), {"q": "welder " * 100})
    assert response.status_code == 200


def test_detail_shows_skills_isco_path_and_attribution(client: Client, common_taxonomy: Taxonomy) -> None:
    welder = common_taxonomy["7212.3"]
    essential = welder.skill_links.filter(relation="essential").select_related("skill").first()
    optional = welder.skill_links.filter(relation="optional").select_related("skill").first()
    assert essential is not None
    assert optional is not None
    html = client.get(reverse("taxonomy:detail", kwargs={"code": "7212.3"})).content.decode()
    assert "<h1>Welder</h1>" in html
    assert essential.skill.preferred_label in html
    assert optional.skill.preferred_label in html
    assert "Welders and flamecutters" in html  # ISCO unit group 7212
    assert "Craft and related trades workers" in html  # ISCO major group 7
    assert html.count("This service uses the ESCO classification of the European Commission.") >= 1


def test_detail_in_nepali_uses_the_nepali_title(client: Client, common_taxonomy: Taxonomy) -> None:
    html = client.get(
        reverse("taxonomy:detail", kwargs={"code": "9111.1"}), HTTP_ACCEPT_LANGUAGE="ne"
    ).content
    assert "<h1>घरेलु कामदार</h1>" in html.decode()


def test_unknown_occupation_is_404(client: Client, common_taxonomy: Taxonomy) -> None:
    assert client.get(reverse("taxonomy:detail", kwargs={"code": "9999.9"})).status_code == 404
    assert client.get("/occupations/not-a-code/").status_code == 404


def test_post_is_not_allowed(client: Client) -> None:
    assert client.post(reverse("taxonomy:index")).status_code == 405
