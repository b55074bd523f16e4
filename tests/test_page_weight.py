"""Every page, with its own stylesheets and scripts, fits in 30 KB gzipped: workers pay for data."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.pages import Page, fetch, page_params
from tests.personas import Personas

pytestmark = pytest.mark.django_db

BUDGET = 30 * 1024


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class AssetFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = set(values.get("rel", "").lower().split())
        if tag == "link" and rel & {"stylesheet", "modulepreload", "preload"} and values.get("href"):
            self.assets.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.assets.append(values["src"])


def same_origin_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return parts.path if parts.netloc in {"testserver", ""} else None
    return parts.path if parts.path.startswith("/") else None


def asset_bytes(path: str) -> bytes:
    static_url = settings.STATIC_URL or "/static/"
    if path.startswith(static_url):
        relative = re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", path[len(static_url) :])  # manifest hash
        found = finders.find(relative)
        if not found:
            raise AssertionError(f"{path} is referenced but no static file {relative} exists")
        return Path(found if isinstance(found, str) else found[0]).read_bytes()
    raise AssertionError(f"{path} is referenced but is not a static file")


@pytest.mark.parametrize("page", page_params())
def test_page_fits_the_weight_budget(page: Page, personas: Personas) -> None:
    response = fetch(page, personas)
    assert response.status_code == 200, f"{page.id}: status {response.status_code}"
    html = response.content
    sizes = {"HTML": gzipped_size(html)}
    finder = AssetFinder()
    finder.feed(html.decode())
    for url in dict.fromkeys(finder.assets):
        path = same_origin_path(url)
        if path is not None:
            sizes[path] = gzipped_size(asset_bytes(path))
    total = sum(sizes.values())
    breakdown = ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in sizes.items())
    assert total <= BUDGET, f"{page.id} weighs {total / 1024:.1f} KB gzipped (budget 30 KB): {breakdown}"


def test_the_weight_check_counts_stylesheets() -> None:
    finder = AssetFinder()
    finder.feed('<link rel="stylesheet" href="/static/mizan/mizan.css"><script src="/static/x.js"></script>')
    assert finder.assets == ["/static/mizan/mizan.css", "/static/x.js"]
    assert gzipped_size(asset_bytes("/static/mizan/mizan.css")) > 0
