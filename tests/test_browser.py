"""The built site in a real browser: language switch, search, charts, math, lightbox, copy buttons, accessibility.

One Chromium per module (Playwright's sync API, without pytest-playwright), a fresh context per
test. The site is served from 127.0.0.1; every request for any other host is recorded and aborted,
and every test fails if one was made, or if the page logged a console error or threw.

The site comes from `SITE_DIR`, else `site/` (which `make test` builds just before pytest), else
a build into a temporary directory. Chromium comes from `CHROMIUM`, else /usr/bin/chromium.
"""

from __future__ import annotations

import ast
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from snippet_engine.running.source import display_source, read_source

REPO_ROOT = Path(__file__).resolve().parents[1]
AXE_JS = REPO_ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
HOST = "127.0.0.1"

# A chapter with KaTeX math and a chart, in both languages, and its counterpart's path.
CHAPTER = {"zh": "/autograd/11-backprop/", "en": "/en/autograd/11-backprop/"}
HOME = {"zh": "/", "en": "/en/"}
OTHER = {"zh": "en", "en": "zh"}
# What to search for on each language's pages: the course's first term.
SEARCH = {"zh": "张量", "en": "tensor"}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # A container's /dev/shm is 64 MB (Docker's default): Chromium writes shared memory to /tmp instead.
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    "--font-render-hinting=none",
    "--force-color-profile=srgb",
    # Belt and braces behind the route handler: no host but the test server resolves.
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _serve(directory: Path):
    """Serve `directory` over HTTP on an ephemeral port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir: Path):
    """The site served over HTTP on an ephemeral port of 127.0.0.1."""
    yield from _serve(site_dir)


@pytest.fixture(scope="module")
def browser() -> Browser:
    """One headless Chromium for the module: the system's, never a downloaded one."""
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).is_file():
        pytest.fail(
            f"Chromium not found at {executable}: run scripts/install_system_deps.sh "
            "(or point CHROMIUM at a Chromium binary)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A page in a fresh context, with what it asked of other hosts and what went wrong."""

    page: Page
    base_url: str
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="load")

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.page.url).path)

    def record_external(self, url: str) -> None:
        if url not in self.external:
            self.external.append(url)

    def assert_clean(self) -> None:
        """Nothing left 127.0.0.1, nothing logged an error, nothing threw."""
        assert not self.external, f"requests left {HOST}: {self.external}"
        assert not self.errors, "console errors or uncaught exceptions:\n" + "\n".join(self.errors)


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.hostname != HOST


@pytest.fixture
def visit(browser: Browser, base_url: str, request):
    """A fresh context and one page; light colour scheme unless parametrized (indirectly) with "dark"."""
    scheme = getattr(request, "param", None) or "light"
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        color_scheme=scheme,
        reduced_motion="reduce",
        service_workers="block",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    visit = Visit(page, base_url)

    def route(route: Route) -> None:
        if _is_external(route.request.url):
            visit.record_external(route.request.url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def on_request(request) -> None:
        # Requests the route handler never sees (from workers, say) are still recorded.
        if _is_external(request.url):
            visit.record_external(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            visit.errors.append(f"console error: {message.text} ({location})")

    context.route("**/*", route)
    context.on("request", on_request)
    context.on("console", on_console)
    page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))
    yield visit
    context.close()


def _wait_for(page: Page, selector: str, what: str, state: str = "visible") -> None:
    """Wait for a selector; fail with a sentence rather than a timeout trace."""
    try:
        page.wait_for_selector(selector, state=state)
        return
    except PlaywrightTimeoutError:
        pass
    pytest.fail(f"{what}: no {selector} ({state}) on {page.url}", pytrace=False)


def _image(page: Page, selector: str) -> dict:
    """Scroll a (lazy) image into view, wait until it has loaded or failed, and return its sizes."""
    _wait_for(page, selector, "no image", state="attached")
    image = page.locator(selector).first
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=image.element_handle())
    return image.evaluate("img => ({natural: img.naturalWidth, width: img.width, src: img.src.slice(0, 200)})")


# --- a. language switch ----------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_language_switch_keeps_the_chapter(visit: Visit, locale: str):
    page = visit.page
    visit.goto(CHAPTER[locale])
    assert page.get_attribute("html", "lang") == locale

    other = OTHER[locale]
    page.hover(".md-header .md-select")
    link = page.locator(f".md-header .md-select__link[hreflang={other}]")
    try:
        with page.expect_navigation(wait_until="load"):
            link.click()
        navigated = True
    except PlaywrightTimeoutError:
        navigated = False
    assert navigated, f"clicking the {other} link in the language selector went nowhere"

    assert visit.path == CHAPTER[other]
    assert page.get_attribute("html", "lang") == other
    visit.assert_clean()


# --- b. search -------------------------------------------------------------------------------


def _search(visit: Visit, query: str) -> list[str]:
    """Type a query into Material's search box; the paths of the results it lists."""
    page = visit.page
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    placeholder = meta.inner_text()
    box.click()
    # Material searches on keyup; CJK text arrives as an IME inserts it, without key events,
    # so finish with a key that changes nothing.
    box.press_sequentially(query)
    box.press("End")
    # The line above the results changes from "type to start searching" to a count (or "none").
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[meta.element_handle(), placeholder])
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert all(urlsplit(href).hostname == HOST for href in hrefs), hrefs
    return [unquote(urlsplit(href).path) for href in hrefs]


def _in_locale(path: str, locale: str) -> bool:
    return path.startswith("/en/") == (locale == "en")


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_search_finds_pages_in_the_same_language(visit: Visit, locale: str):
    visit.goto(CHAPTER[locale])
    query = SEARCH[locale]
    paths = _search(visit, query)
    assert paths, f"no search results for {query!r}"
    assert _in_locale(paths[0], locale), f"the first result for {query!r} is not a {locale} page: {paths[0]}"
    if locale == "zh":
        # English pages never contain 张量: every result is a Chinese page.
        wrong = sorted({path for path in paths if not _in_locale(path, "zh")})
        assert not wrong, f"the search for {query!r} listed English pages: {wrong}"
    visit.assert_clean()


# A word from the middle of a chapter's title (卷积神经网络进阶; Convolutional networks: Inception and residual
# blocks): the index understands Chinese words, not only whole titles, and it is fetched only when search opens.
TITLE_WORD = {"zh": ("神经网络", "/advanced/23-cnn-advanced/"), "en": ("residual", "/en/advanced/23-cnn-advanced/")}


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_search_index_is_fetched_when_search_opens_and_finds_a_word_inside_a_title(visit: Visit, locale: str):
    requested: list[str] = []
    visit.page.on("request", lambda request: requested.append(request.url))
    visit.goto(CHAPTER[locale])
    visit.page.wait_for_load_state("networkidle")
    assert not [url for url in requested if url.endswith("search_index.json")], "the index was fetched before search"
    query, chapter = TITLE_WORD[locale]
    paths = _search(visit, query)
    assert any(path.startswith(chapter) for path in paths), f"{query!r} did not find {chapter}: {paths}"
    assert [url for url in requested if url.endswith("search_index.json")]
    visit.assert_clean()


# Each language has its own search index (scripts/snippet_engine/site/search_index.py):
# `tensor` occurs in the code of every page of both languages, yet only the page's language is listed.
@pytest.mark.parametrize("locale", ["zh", "en"])
def test_search_results_stay_in_the_page_language(visit: Visit, locale: str):
    visit.goto(CHAPTER[locale])
    paths = _search(visit, "tensor")
    wrong = sorted({path for path in paths if not _in_locale(path, locale)})
    assert not wrong, f"{locale} search for 'tensor' listed pages of the other language: {wrong}"
    visit.assert_clean()


# --- c. charts -------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_chart_loads(visit: Visit, locale: str):
    visit.goto(CHAPTER[locale])
    image = _image(visit.page, ".snippet-figure img")
    # A chart is a file of its own (scripts/snippet_engine/output/charts.py), served from this host.
    assert re.search(r"/assets/charts/[0-9a-f]{16}\.png$", image["src"]), image
    assert urlsplit(image["src"]).hostname == HOST, image
    assert image["natural"] > 0 and image["width"] > 0, f"the chart did not load: {image}"
    visit.assert_clean()


@pytest.mark.parametrize("visit", ["dark"], indirect=True)
def test_chart_sits_on_a_light_card_in_dark_mode(visit: Visit):
    visit.goto(CHAPTER["zh"])
    assert visit.page.get_attribute("body", "data-md-color-scheme") == "slate"
    _image(visit.page, ".snippet-figure img")
    card = visit.page.locator(".snippet-figure img").first.evaluate(
        "img => { const s = getComputedStyle(img); return {background: s.backgroundColor, padding: s.paddingTop}; }"
    )
    assert card["background"] == "rgb(255, 255, 255)" and card["padding"] != "0px", card
    visit.assert_clean()


# --- d. math ---------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_math_is_rendered_with_local_katex_fonts(visit: Visit, locale: str):
    page = visit.page
    visit.goto(CHAPTER[locale])
    assert page.locator(".arithmatex").count() > 0, "no .arithmatex math on the page"
    _wait_for(page, ".arithmatex .katex", "math not rendered by KaTeX")
    page.evaluate("document.fonts.ready.then(() => null)")

    math = page.evaluate(
        r"""() => {
            const blocks = [...document.querySelectorAll('.arithmatex')];
            // Text outside KaTeX's MathML annotation (the TeX source kept for screen readers).
            const shown = el => {
                const copy = el.cloneNode(true);
                copy.querySelectorAll('annotation').forEach(a => a.remove());
                return copy.textContent;
            };
            const katex = document.querySelector('.arithmatex .katex');
            return {
                blocks: blocks.length,
                rendered: blocks.filter(el => el.querySelector('.katex')).length,
                raw: blocks.map(shown).filter(text => /\\\(|\\\[|\$\$/.test(text)).map(t => t.slice(0, 60)),
                errors: document.querySelectorAll('.katex-error').length,
                family: getComputedStyle(katex.querySelector('.katex-html') || katex).fontFamily,
                faces: [...document.fonts]
                    .filter(f => f.family.includes('KaTeX') && f.status === 'loaded')
                    .map(f => f.family),
                fontFiles: performance.getEntriesByType('resource')
                    .map(e => e.name).filter(n => /KaTeX_\w+-\w+\.woff2$/.test(n)),
            };
        }"""
    )
    assert math["rendered"] == math["blocks"], f"{math['blocks'] - math['rendered']} math blocks left unrendered"
    assert not math["raw"], f"raw TeX delimiters left in math: {math['raw']}"
    assert math["errors"] == 0, f"{math['errors']} KaTeX parse errors"
    assert "KaTeX" in math["family"], math["family"]
    assert math["faces"], "no KaTeX font face loaded"
    assert math["fontFiles"], "no KaTeX font file fetched"
    assert all(urlsplit(url).hostname == HOST for url in math["fontFiles"]), math["fontFiles"]
    visit.assert_clean()


# --- e. lightbox -----------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_chart_click_opens_lightbox(visit: Visit, locale: str):
    page = visit.page
    visit.goto(CHAPTER[locale])
    _image(page, ".snippet-figure img")
    page.locator(".snippet-figure img").first.click()
    _wait_for(page, ".glightbox-container .gslide-image img", "clicking the chart opened no lightbox")
    zoomed = _image(page, ".glightbox-container .gslide-image img")
    assert re.search(r"/assets/charts/[0-9a-f]{16}\.png$", zoomed["src"]) and zoomed["natural"] > 0, zoomed

    page.keyboard.press("Escape")
    _wait_for(page, ".glightbox-container", "Escape did not close the lightbox", state="detached")
    visit.assert_clean()


# --- f. home pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_home_page_is_clean(visit: Visit, locale: str):
    page = visit.page
    visit.goto(HOME[locale])
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("html", "lang") == locale
    assert page.locator(".md-content h1").count() == 1
    visit.assert_clean()


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_chapter_links_to_its_notebook_view_and_download(visit: Visit, locale: str):
    page = visit.page
    visit.goto(CHAPTER[locale])
    page.locator('.md-content a.md-button[href="notebook/"]').click()
    page.wait_for_url("**/notebook/")
    assert visit.path == CHAPTER[locale] + "notebook/"
    assert page.get_attribute("html", "lang") == locale
    _wait_for(page, ".jupyter-wrapper .jp-CodeCell", "notebook cells not rendered")
    # Math in the notebook's Markdown cells is rendered by the site's KaTeX (nbconvert's CDN MathJax is removed).
    _wait_for(page, ".jupyter-wrapper .katex", "notebook math not rendered by KaTeX")
    assert page.locator(".jupyter-wrapper .jp-OutputArea-output img").count() > 0  # a recorded chart
    # Every table-of-contents link leads to a heading of the page.
    targets = page.eval_on_selector_all(
        ".md-sidebar--secondary a.md-nav__link", "links => links.map(a => a.hash.slice(1))"
    )
    assert targets, "the notebook view has no table of contents"
    missing = [t for t in targets if not page.evaluate("id => !!document.getElementById(decodeURIComponent(id))", t)]
    assert not missing, f"table-of-contents links to missing anchors: {missing}"
    # The download button serves the notebook of this language.
    link = page.locator("a.md-button[download]")
    href = link.get_attribute("href")
    assert href == f"11-backprop.{locale}.ipynb"
    response = page.request.get(page.url + href)
    assert response.ok
    notebook = response.json()
    assert notebook["nbformat"] == 4 and "".join(notebook["cells"][0]["source"]).startswith("# ")
    page.wait_for_load_state("networkidle")
    visit.assert_clean()


# --- axe-core --------------------------------------------------------------------------------

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def _axe_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        more = len(violation["nodes"]) - len(targets)
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}; "
            f"{len(violation['nodes'])} element(s): {targets}" + (f" and {more} more" if more > 0 else "")
        )
    return "\n".join(lines)


@pytest.mark.parametrize("visit", ["light", "dark"], indirect=True)
@pytest.mark.parametrize(
    "path",
    [CHAPTER["zh"], CHAPTER["en"], HOME["zh"], HOME["en"], CHAPTER["zh"] + "notebook/", CHAPTER["en"] + "notebook/"],
    ids=["zh-chapter", "en-chapter", "zh-home", "en-home", "zh-notebook", "en-notebook"],
)
def test_axe_finds_no_serious_violations(visit: Visit, path: str):
    page = visit.page
    visit.goto(path)
    if page.locator(".arithmatex").count():
        _wait_for(page, ".arithmatex .katex", "math not rendered by KaTeX")
    page.evaluate("document.fonts.ready.then(() => null)")
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    scheme = page.get_attribute("body", "data-md-color-scheme")
    assert not serious, f"axe: serious or critical WCAG 2.1 A/AA violations on {path} ({scheme}):\n" + _axe_report(
        serious
    )
    visit.assert_clean()


# --- g. copy buttons: what a reader copies is what ran ------------------------------------------

# Chapter 11 has code with math-like text (`r"$\\ell = (w x - y)^2$"`) and solutions in collapsed blocks inside
# list items; chapter 2 has snippets inside admonitions.
COPY_PAGES = {
    "zh": [CHAPTER["zh"], "/tensors/02-tensor-creation/"],
    "en": [CHAPTER["en"], "/en/tensors/02-tensor-creation/"],
}
UNREAD = "\u2400 clipboard not written"
"""Put on the clipboard before each click: a button that copies nothing leaves it there."""


def _show(button) -> None:
    """Open the collapsed blocks and select the tabs around a copy button, as a reader does before clicking it."""
    button.evaluate(
        """b => {
            for (let d = b.closest('details:not([open])'); d; d = b.closest('details:not([open])'))
                d.querySelector(':scope > summary').click();
            for (let block = b.closest('.tabbed-block'); block; block = block.parentElement.closest('.tabbed-block')) {
                const set = block.closest('.tabbed-set');
                const index = [...block.parentElement.children].indexOf(block);
                set.querySelectorAll(':scope > .tabbed-labels > label')[index].click();
            }
        }"""
    )


def _copy(page: Page, button) -> str:
    """Click a copy button as a reader does (`_show` first); the clipboard's text."""
    _show(button)
    page.evaluate("text => navigator.clipboard.writeText(text)", UNREAD)
    button.click()
    try:
        page.wait_for_function("async text => (await navigator.clipboard.readText()) !== text", arg=UNREAD)
    except PlaywrightTimeoutError:
        pytest.fail(f"clicking a copy button on {page.url} put nothing on the clipboard", pytrace=False)
    return page.evaluate("navigator.clipboard.readText()")


def _same_program(copied: str, snippet: Path) -> bool:
    """Whether pasted code is the snippet's program: the same syntax tree (comments are not in it)."""
    return ast.dump(ast.parse(copied)) == ast.dump(ast.parse(read_source(snippet)))


def _allow_clipboard(visit: Visit) -> None:
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=visit.base_url)


def _math_in_code(page: Page) -> int:
    """Math KaTeX typeset inside code or a copy button's hidden text (each changes what is read or copied)."""
    return page.evaluate("document.querySelectorAll('pre .katex, code .katex, .clipboard-copy-txt .katex').length")


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_notebook_copy_buttons_copy_each_cell_as_in_the_ipynb(visit: Visit, site_dir: Path, locale: str):
    """mkdocs-jupyter's "Copy to Clipboard" (issue 23: a cell was copied as one line, and math was typeset in it)."""
    page = visit.page
    _allow_clipboard(visit)
    path = CHAPTER[locale] + "notebook/"
    notebook = json.loads((site_dir / path.strip("/") / f"11-backprop.{locale}.ipynb").read_text(encoding="utf-8"))
    cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    visit.goto(path)
    _wait_for(page, ".jupyter-wrapper .katex", "notebook math not rendered by KaTeX")  # the math script has run
    buttons = page.locator(".jupyter-wrapper clipboard-copy")
    assert buttons.count() == len(cells), f"{buttons.count()} copy buttons for {len(cells)} code cells"
    sources = ["".join(cell["source"]) for cell in cells]
    # The cases are on this page: a # comment with lines after it, math-like text in code.
    assert any(re.search(r"^ *#.*\n.*\S", source, re.MULTILINE) for source in sources)
    assert any(re.search(r"\$[^$\n]+\$", source) for source in sources)
    for number, (button, cell, source) in enumerate(zip(buttons.all(), cells, sources, strict=True), start=1):
        copied = _copy(page, button)
        assert copied == source, f"copy button {number} copied {copied[:200]!r}, the cell is {source[:200]!r}"
        shown = button.evaluate("b => b.closest('.jp-InputArea').querySelector('.highlight-ipynb pre').textContent")
        assert copied == shown.removesuffix("\n"), f"copy button {number} copied other code than the cell shows"
        snippet = REPO_ROOT / "snippets" / cell["metadata"]["snippet"]
        assert _same_program(copied, snippet), f"copy button {number}: not the program of {snippet}"
    assert _math_in_code(page) == 0, "KaTeX typeset math inside code or a copy button's text"
    visit.assert_clean()


_PAGE_COPY_BUTTONS = """() => [...document.querySelectorAll('.md-code__button[data-md-type=copy]')].map(button => {
    const code = document.querySelector(button.dataset.clipboardTarget);
    const source = code.closest('.highlight[data-search-exclude]');  // a snippet's source (site/fence.py)
    const downloads = source && [...document.querySelectorAll('.snippet-downloads')]
        .find(p => source.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING);
    const link = downloads && downloads.querySelector('a[download]');
    const href = link && new URL(link.getAttribute('href'), location.href).pathname;
    return {
        shown: code.textContent,
        snippet: href ? decodeURIComponent(href.split('/snippets/').pop()) : null,
        collapsed: !!button.closest('details:not([open])'),
        admonition: !!button.closest('.admonition'),
    };
})"""


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_page_copy_buttons_copy_the_shown_code(visit: Visit, locale: str):
    """Material's copy button on every code block: a snippet's source as the page shows it, outputs as shown."""
    page = visit.page
    _allow_clipboard(visit)
    seen = {"snippet": 0, "collapsed": 0, "admonition": 0, "math-like": 0}
    for path in COPY_PAGES[locale]:
        visit.goto(path)
        _wait_for(page, ".md-code__button[data-md-type=copy]", "no copy button", state="attached")
        if page.locator(".arithmatex").count():
            _wait_for(page, ".arithmatex .katex", "math not rendered by KaTeX")
        blocks = page.evaluate(_PAGE_COPY_BUTTONS)
        buttons = page.locator(".md-code__button[data-md-type=copy]").all()
        assert len(buttons) == len(blocks)
        for number, (button, block) in enumerate(zip(buttons, blocks, strict=True), start=1):
            copied = _copy(page, button)
            where = f"{path}, copy button {number}"
            if block["snippet"] is None:  # an output: Material copies the block's text without trailing blanks
                assert copied == block["shown"].rstrip(), f"{where} copied {copied[:200]!r}"
                continue
            snippet = REPO_ROOT / "snippets" / block["snippet"]
            expected = display_source(read_source(snippet), locale).removesuffix("\n")
            assert copied == expected, f"{where} ({block['snippet']}) copied {copied[:200]!r}"
            assert _same_program(copied, snippet), f"{where}: not the program of {snippet}"
            seen["snippet"] += 1
            seen["collapsed"] += block["collapsed"]
            seen["admonition"] += block["admonition"]
            seen["math-like"] += bool(re.search(r"\$[^$\n]+\$", copied))
        assert _math_in_code(page) == 0, f"KaTeX typeset math inside code on {path}"
    assert all(seen.values()), f"the pages no longer have each kind of block this test is for: {seen}"
    visit.assert_clean()


# No chapter puts a snippet in a content tab or uses `source="tabbed-…"`: a one-chapter course does, each inside
# a collapsed block too, with a comment Material could take for a code annotation and math-like text.
TABS_SNIPPET = """import math

# zh: 注释
# en: a comment
label = r"$x^2$"  # (1)
for i in range(2):
    print(label, i, r"\\(y\\)", math.pi > 3)
"""
TABS_OUTPUT = "$x^2$ 0 \\(y\\) True\n$x^2$ 1 \\(y\\) True\n"
TABS_PAGE = """# {title}

```snippet source="tabbed-left"
ch/tabs.py
```

=== "One"

    Prose with math: $a^2$.

=== "Two"

    ```snippet
    ch/tabs.py
    ```

??? note "Closed"

    === "A"

        Prose.

    === "B"

        ```snippet source="tabbed-right"
        ch/tabs.py
        ```
"""


@pytest.fixture(scope="module")
def tabs_site(tmp_path_factory) -> str:
    """`TABS_PAGE` in both languages, built with the site's config, engine and scripts, served; its base URL."""
    from minirepo import make_repo

    root = make_repo(tmp_path_factory.mktemp("tabs") / "repo", TABS_SNIPPET, "tabs.py")
    (root / "snippets" / "ch" / "tabs.out").write_text(TABS_OUTPUT, encoding="utf-8")
    for locale, title in (("zh", "第一章"), ("en", "Chapter one")):
        (root / "docs" / f"ch.{locale}.md").write_text(TABS_PAGE.format(title=title), encoding="utf-8")
    # KaTeX's stylesheet and fonts, as the site has them (its script, which typesets at build time, is in vendor/).
    shutil.copytree(REPO_ROOT / "docs" / "assets" / "katex", root / "docs" / "assets" / "katex")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stderr
    yield from _serve(root / "site")


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_copy_buttons_in_tabs_copy_the_shown_code(visit: Visit, tabs_site: str, locale: str):
    """Material's buttons in tabbed sources and content tabs (in a collapsed block too), and the notebook view's."""
    page = visit.page
    visit.base_url = tabs_site
    _allow_clipboard(visit)
    chapter = "/ch/" if locale == "zh" else "/en/ch/"
    visit.goto(chapter)
    _wait_for(page, ".arithmatex .katex", "math not rendered by KaTeX")
    buttons = page.locator(".md-code__button[data-md-type=copy]").all()
    kinds = [
        b.evaluate(
            "b => !!document.querySelector(b.dataset.clipboardTarget).closest('.highlight[data-search-exclude]')"
        )
        for b in buttons
    ]
    assert kinds.count(True) == 3 and kinds.count(False) == 3, kinds  # each embed: its source and its output
    source = display_source(TABS_SNIPPET, locale).removesuffix("\n")
    for number, (button, is_source) in enumerate(zip(buttons, kinds, strict=True), start=1):
        copied = _copy(page, button)
        expected = source if is_source else TABS_OUTPUT.removesuffix("\n")
        assert copied == expected, f"{chapter}, copy button {number} copied {copied!r}"
    assert _math_in_code(page) == 0, "KaTeX typeset math inside code"

    visit.goto(chapter + "notebook/")
    _wait_for(page, ".jupyter-wrapper .katex", "notebook math not rendered by KaTeX")
    buttons = page.locator(".jupyter-wrapper clipboard-copy").all()
    assert len(buttons) == 3
    for number, button in enumerate(buttons, start=1):
        copied = _copy(page, button)
        assert copied == source, f"{chapter}notebook/, copy button {number} copied {copied!r}"
    assert _math_in_code(page) == 0, "KaTeX typeset math inside a notebook's code or copy text"
    visit.assert_clean()


# --- h. weight ---------------------------------------------------------------------------------

FIRST_LOAD_BUDGET = 1_000_000
"""Bytes the first load of the heaviest chapter page may transfer, every request included (issue 12: 1.5 MB).
Raised to 1.75 MB when issue 26's content (cross-attention, mask polarity, attention cost) made chapter 29 the
heaviest page at 1.67 MB, 612 kB of it the Chinese search index and 273 kB KaTeX's script; issue 24 took both
off the first load (the index fetched when search opens, math typeset at build time): 1 MB since."""


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_first_load_of_the_heaviest_chapter_page_is_within_budget(visit: Visit, site_dir: Path, locale: str):
    import site_weight  # scripts/, on sys.path (conftest.py)

    pages = [
        page
        for page in site_weight.chapter_pages(site_dir)
        if (page.relative_to(site_dir).parts[0] == "en") == (locale == "en")
    ]
    heaviest = max(pages, key=lambda page: page.stat().st_size)
    path = "/" + heaviest.parent.relative_to(site_dir).as_posix() + "/"
    page = visit.page
    transferred: dict[str, int] = {}

    def on_finished(request) -> None:
        sizes = request.sizes()
        transferred[request.url] = transferred.get(request.url, 0) + (
            sizes["responseBodySize"] + sizes["responseHeadersSize"]
        )

    page.context.on("requestfinished", on_finished)
    visit.goto(path)
    # Read to the end, so every lazy chart is fetched too (the search index waits until search opens).
    page.evaluate(
        """async () => {
            for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
                window.scrollTo(0, y);
                await new Promise(resolve => setTimeout(resolve, 50));
            }
        }"""
    )
    page.wait_for_load_state("networkidle")
    charts = {url for url in transferred if "/assets/charts/" in url}
    on_page = set(page.eval_on_selector_all("img[src*='/assets/charts/']", "images => images.map(i => i.src)"))
    assert charts == on_page, f"charts on {path} not fetched, the measure would miss them: {on_page - charts}"
    assert not any(url.endswith("search_index.json") for url in transferred), "the search index was fetched unasked"
    total = sum(transferred.values())
    heaviest_first = sorted(transferred.items(), key=lambda item: -item[1])[:8]
    report = "\n".join(f"  {size / 1e3:8.1f} kB  {url}" for url, size in heaviest_first)
    print(f"first load of {path}: {total / 1e6:.3f} MB in {len(transferred)} requests\n{report}")  # pytest -s shows it
    assert total <= FIRST_LOAD_BUDGET, f"first load of {path}: {total:,} bytes > {FIRST_LOAD_BUDGET:,}\n{report}"
    visit.assert_clean()


# --- i. without JavaScript -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/autograd/11-backprop/", "/en/autograd/11-backprop/notebook/"])
def test_a_page_shows_everything_with_javascript_off(browser: Browser, base_url: str, path: str):
    """Prose, math (typeset at build time), code, outputs and charts all show on a phone with scripts disabled."""
    context = browser.new_context(viewport={"width": 412, "height": 900}, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    height = page.evaluate("document.body.scrollHeight")
    for y in range(0, height + 900, 450):  # lazy charts load as they come into view
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(20)
    page.wait_for_load_state("networkidle")
    shown = page.evaluate(
        """() => {
            const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const charts = [...document.querySelectorAll("img[src*='/assets/charts/']")];
            // Prose only: code may hold TeX on purpose (a chart label r"$\\ell$").
            const text = [...document.querySelectorAll('p, li, h1, h2, h3, td')]
                .filter(el => !el.closest('pre, code')).map(el => el.innerText).join('\\n');
            return {
                math: [...document.querySelectorAll('.katex-html')].filter(visible).length,
                tex: /\\\\[(\\[]|\\$\\$/.test(text),
                code: [...document.querySelectorAll('pre')].filter(visible).length,
                charts: charts.length,
                drawn: charts.filter(img => img.complete && img.naturalWidth > 0 && visible(img)).length,
                prose: document.querySelector('h1').innerText.length,
            };
        }"""
    )
    context.close()
    assert shown["prose"] and shown["code"] >= 3, shown
    assert shown["math"] >= 5 and not shown["tex"], shown
    assert shown["charts"] >= 1 and shown["drawn"] == shown["charts"], shown
