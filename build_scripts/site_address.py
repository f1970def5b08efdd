"""Where the site is published, when that is known, and the addresses of its files made from it.

The one place that decides whether the site's address is known: ``site_url`` must name a host a
reader can reach. Empty, or a name reserved for examples and testing, it is not known yet, and
the site offers no absolute address: a page or download that names another file of the site
names it relative to itself (right wherever the site is put), and where only an absolute
address will do (a canonical link, a citation, the sitemap) there is none. In the browser, the
pages' script copies the address the reader has the page at.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

RESERVED_DOMAINS = ("example.com", "example.net", "example.org", "example", "test", "invalid", "localhost")
"""Names reserved for examples and testing, each with every name under it (RFC 2606, and RFC 6761
for ``localhost``): no published site can be reached at them."""


def is_reserved_host(host: str) -> bool:
    """Whether ``host`` is, or is under, a name reserved for examples and testing."""
    name = host.rstrip(".").lower()
    return any(name == domain or name.endswith("." + domain) for domain in RESERVED_DOMAINS)


def relative_url(target: str, here: str) -> str:
    """``target``, a path in the site (``text/#op1c``, ``op1c/``, ``""`` for the home page), as a
    link written in the file or page at ``here`` (``op1c/``, ``downloads/A-HRC-RES-53-9.json``).

    A path ending in ``/`` is a page (its folder); any other is a file in its folder."""
    path, hash_, fragment = target.partition("#")
    folder = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    relative = posixpath.relpath(path or ".", folder or ".")
    if relative == "." and fragment and (here.endswith("/") or not here):
        relative = ""  # a place on the page itself
    elif relative == ".":
        relative = "./"
    elif path.endswith("/") or not path:
        relative += "/"
    return relative + hash_ + fragment


@dataclass(frozen=True)
class SiteAddress:
    """The site's address, from ``site_url`` as the configuration gives it."""

    setting: str = ""
    """``site_url`` as written in the configuration ("" when it has none)."""

    @property
    def base(self) -> str:
        """The site's address ending in ``/``; "" while it is not known."""
        url = self.setting.strip()
        host = urlsplit(url).hostname or ""
        if not host or is_reserved_host(host):
            return ""
        return url.rstrip("/") + "/"

    @property
    def known(self) -> bool:
        return bool(self.base)

    def absolute(self, target: str) -> str | None:
        """The full address of ``target`` (a path in the site, ``op1c/``); None while not known."""
        return self.base + target if self.known else None

    def link(self, target: str, here: str) -> str:
        """``target`` as named in the file at ``here``: its full address if known, else relative."""
        return self.base + target if self.known else relative_url(target, here)

    def warning(self) -> str | None:
        """What the build says once when the address is not known, and what to do about it."""
        if self.known:
            return None
        said = (
            f"site_url ({self.setting.strip()}) names a host reserved for examples and testing"
            if self.setting.strip()
            else "site_url is not set"
        )
        return (
            f"{said}: the site's address is not yet known, so no page, citation or download names "
            "one (no canonical links, no sitemap), and copied links and citations give the address "
            "each page is read at. Set site_url in mkdocs.yml to the address where the site is "
            "published before publishing it."
        )
