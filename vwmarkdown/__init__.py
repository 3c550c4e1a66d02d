"""Vertrouwenswijzer's Markdown extension: the markers in pages become forms and team pages.

Listed under ``markdown_extensions:`` in mkdocs.yml (``- vwmarkdown``), it runs in every
generator that runs Python-Markdown extensions: MkDocs with Material, and Zensical. A line of its
own with one of these markers becomes HTML (:mod:`vwmarkdown.render`):

- ``<!-- zelftest: ID -->``: the assessment's static form;
- ``<!-- teamrapport -->``, ``<!-- spiegel -->``, ``<!-- afdelingsoverzicht -->``: a team page;
- ``<!-- installatiecontrole -->``: the installation check;
- ``<!-- zelftest-verantwoording -->``: the methods page's figures, from the definitions.

It knows no page object: every address it writes is relative to the site's root, and the
post-build step (sitebuild) makes each relative to its page. A wrong marker becomes an element
that the post-build step turns into a build error naming the page.
"""

from __future__ import annotations

from .extension import MarkersExtension, makeExtension

__all__ = ["MarkersExtension", "makeExtension"]
