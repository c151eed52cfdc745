"""html: a saved web page (a RIS paper's page) to its text, through selectolax's lexbor parser.

The bytes are decoded by what the page declares (byte-order mark, `<meta charset>`, the
HTTP-equiv Content-Type, the XML declaration), checked against the bytes, else detected
(UTF-8, else Windows-1252); the encoding used is reported. Scripts, styles, forms' controls,
hidden elements and page chrome (navigation, menus, footers, cookie notes) are dropped;
the rest is text in reading order, one line per block, a table row as its cells joined by
TAB: the shape the segmenter and extractors know from PDFs' text layers.

Why lexbor (selectolax) and not libxml2 (lxml): it builds the tree a browser builds, the one
the page's authors saw (libxml2 drops whatever follows a stray `</html>`, which the pages of
ALLRIS classic have many of), in half libxml2's time. Its tree builder is quadratic in the
depth of nested block elements (100,000 nested `<div>`s take 48 s), so a page with more
tags than a real one has is measured first and refused when nested deeper than any
browser renders (MAX_DEPTH).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.errors import DocumentTooLarge, UnreadableDocument

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A saved RIS page is well under 1 MB, with its paper's whole text; more than this is no page
# to read (a database dump, a page that went on streaming).
MAX_BYTES = 20_000_000
# Browsers' tree builders stop nesting at 512 (Blink) elements; no real page comes near.
MAX_DEPTH = 512
# Below this many tags a page cannot be nested deep enough to cost the parser a second.
_TAGS_BEFORE_DEPTH_CHECK = 10_000
# Where a page's declared encoding is looked for (the HTML standard's pre-scan reads 1024
# bytes; pages saved by hand put comments before the <meta>).
_PRESCAN = 4096

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
# The HTML standard reads these labels as Windows-1252, as every browser does.
_AS_CP1252 = {"iso8859-1", "ascii", "cp1252"}

# Elements that are not the page's text.
_SKIP_TAGS = frozenset(
    {
        *("head", "script", "style", "noscript", "template", "title", "meta", "link"),
        *("iframe", "object", "embed", "svg", "canvas", "map", "img", "dialog"),
        *("input", "button", "select", "option", "textarea", "nav", "footer", "aside"),
    }
)
# Elements that hold the whole page or its content: never chrome by their id or class.
_CONTAINERS = frozenset({"html", "body", "main"})
# Roles of page chrome.
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "menubar", "menu", "search"})
# An id or class that starts with one of these marks page chrome: "navbar-collapse",
# "smc-nav-config", "rismenu", "skipLinks", "cookieDialog", "footer".
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|rismenu|risnavi|risfoot|breadcrumb|cookie|skip|sidebar|footer)",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCK = frozenset(
    {
        *("address", "article", "blockquote", "body", "caption", "center", "details", "div"),
        *("dl", "dt", "dd", "fieldset", "figcaption", "figure", "form", "header", "hr", "html"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "ol", "ul", "p", "pre", "section"),
        *("summary", "table", "thead", "tbody", "tfoot", "tr", "td", "th"),
    }
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2007\u202f\u200b]+")
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
# Elements whose end tag may be left out, and void ones: they say nothing of nesting.
_NOT_NESTING = frozenset(
    b"area base br col embed hr img input link meta source track wbr param keygen p li dt dd "
    b"tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp".split()
)


@dataclass(slots=True)
class HtmlPage:
    """A decoded, parsed page: its tree, and what it says about itself."""

    tree: LexborHTMLParser
    encoding: str
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        node = self.tree.css_first("title")
        return squeeze(node.text()) if node is not None else ""

    def meta(self, name: str) -> str:
        """The content of `<meta name=...>` (first of that name), or ""."""
        for node in self.tree.css("meta[name]"):
            if (node.attributes.get("name") or "").casefold() == name.casefold():
                return node.attributes.get("content") or ""
        return ""

    @property
    def root(self) -> LexborNode:
        return self.tree.body or self.tree.root  # type: ignore[return-value]


def parse(data: bytes) -> HtmlPage:
    """Decode and parse a saved page. Raises DocumentError subclasses with a one-line reason."""
    if len(data) > MAX_BYTES:
        raise DocumentTooLarge(
            f"HTML page of {len(data) / 1e6:.1f} MB, over the limit of {MAX_BYTES // 1_000_000} MB"
        )
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        raise UnreadableDocument("not an HTML page: a PDF saved under an .html name")
    if data.count(b"<") > _TAGS_BEFORE_DEPTH_CHECK and (depth := nesting(data)) > MAX_DEPTH:
        raise UnreadableDocument(
            f"HTML nested {depth} elements deep, more than the {MAX_DEPTH} a browser shows"
        )
    text, encoding, warnings = decode(data)
    if "<" not in text:
        raise UnreadableDocument("not an HTML page: no markup in it")
    tree = LexborHTMLParser(text)
    # A saved page that opens its <html> ends it; one whose end is lost in saving does not.
    end = data.rstrip()[-4096:].lower()
    if b"<html" in data[:_PRESCAN].lower() and b"</html" not in end and b"</body" not in end:
        warnings.append("page is truncated (no closing </html>): its end is missing")
    return HtmlPage(tree, encoding, warnings)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """The page's text, the encoding read, and a warning where the declared one was wrong."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, []
            except UnicodeDecodeError as e:
                raise UnreadableDocument(f"invalid {encoding} page: {e.reason}") from e
    declared = _declared(data[:_PRESCAN])
    warnings = []
    if declared is not None and declared != "utf-8" and not data.isascii():
        # A page saved again as UTF-8 that kept its old "iso-8859-1" meta: bytes that are
        # valid UTF-8 with multi-byte sequences are next to never Latin-1 text ("Ã¼" for "ü").
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            warnings.append(f"page declares {declared} but its bytes are UTF-8: read as UTF-8")
            return text, "utf-8", warnings
    if declared is not None:
        try:
            return data.decode(declared), declared, []
        except UnicodeDecodeError:
            warnings.append(f"page declares {declared} but is not: read as detected")
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", warnings
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", warnings


def _declared(head: bytes) -> str | None:
    """The encoding the page's head declares, by its Python codec name; None if none is
    declared or the name is unknown."""
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(head)
        if m is None:
            continue
        try:
            name = codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            continue
        if name in _AS_CP1252:
            return "cp1252"
        return "utf-8" if name.startswith("utf-16") else name  # a text page cannot be UTF-16
    return None


def nesting(data: bytes) -> int:
    """How deep the page's elements nest, counted from its tags (elements whose end tag
    may be left out do not count), without parsing it."""
    depth = deepest = 0
    for m in _TAG.finditer(data):
        if m.group(2).lower() in _NOT_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def squeeze(text: str) -> str:
    """White space (no-break spaces too) as single spaces, trimmed, without soft hyphens
    ("Rats\xadinformations\xadsystem": a word with its break points marked)."""
    return _SPACES.sub(" ", text.replace("\xad", "")).strip()


def skipped(node: LexborNode) -> bool:
    """Whether an element is no part of the page's text: scripts, controls, hidden parts,
    page chrome."""
    if node.tag == "button" and node.css_first("div") is not None:
        # SessionNet 5's agenda: each item's number and title in its accordion's button.
        return False
    if node.tag in _SKIP_TAGS:
        return True
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs or (attrs.get("role") or "") in _SKIP_ROLES:
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    if node.tag in _CONTAINERS:
        return False  # <body id="menu"> (Hannover's SIM): the whole page, named for its CSS
    return bool(_CHROME.search(f"{attrs.get('id') or ''} {attrs.get('class') or ''}"))


def text(node: LexborNode) -> str:
    """The text of `node` as read: a line per block, table rows as TAB-separated cells,
    list items of ordered lists numbered, page chrome left out."""
    out: list[str] = []
    # (node, True) marks the end of an element: a block ends its line there.
    stack: list[tuple[LexborNode, bool]] = [(node, False)]
    while stack:
        current, closing = stack.pop()
        tag = current.tag
        if closing:
            out.append("\n")
            continue
        if tag == "-text":
            out.append(_SPACES.sub(" ", current.text_content or ""))
            continue
        if tag is None or tag.startswith(("-", "_", "!")) or skipped(current):
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag == "tr" and current.css_first("table") is None:
            out.append("\n" + row(current) + "\n")
            continue
        if tag in _BLOCK:
            out.append("\n")
            stack.append((current, True))
        elif _set_apart(current) and _line_so_far(out).strip():
            out.append("\t")  # a cell of its own, beside what is left of it on the line
        if tag == "li":
            out.append(_marker(current))
        children = list(current.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    lines = (line.strip(" ") for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line.strip())


# An inline element set to the right of its line: by its class ("PIO-Kopfzeile-Rechts",
# Offenbach's head line of a paper's number and its day of issue) or its style.
_RIGHT_CLASS = re.compile(r"(?:^|[\s_-])(?:rechts|right)(?:$|[\s_-])", re.I)
_RIGHT_STYLE = re.compile(r"float\s*:\s*right", re.I)


def _line_so_far(out: list[str]) -> str:
    """The text after the last line break of the pieces in `out`."""
    pieces = []
    for piece in reversed(out):
        _, newline, tail = piece.rpartition("\n")
        pieces.append(tail)
        if newline:
            break
    return "".join(reversed(pieces))


def _set_apart(node: LexborNode) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    right = _RIGHT_CLASS.search(attrs.get("class") or "")
    return bool(right or _RIGHT_STYLE.search(attrs.get("style") or ""))


def row(tr: LexborNode) -> str:
    """A table row as its non-empty cells' text, TAB-separated."""
    cells = []
    for cell in tr.iter():
        if cell.tag not in ("td", "th") or skipped(cell):
            continue
        value = squeeze(text(cell).replace("\t", " "))
        if value:
            cells.append(value)
    return "\t".join(cells)


def _marker(li: LexborNode) -> str:
    """The marker of an ordered list's item ("3. " for the third), "" for other items."""
    parent = li.parent
    if parent is None or parent.tag != "ol":
        return ""
    try:
        number = int(parent.attributes.get("start") or 1)
    except ValueError:
        number = 1
    for sibling in parent.iter():
        if sibling.mem_id == li.mem_id:
            break
        if sibling.tag == "li":
            number += 1
    kind = parent.attributes.get("type") or "1"
    if kind in "aA" and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return (letter.upper() if kind == "A" else letter) + ") "
    if kind in "iI":
        return _roman(number, kind == "i") + ". "
    return f"{number}. "


def _roman(number: int, lower: bool) -> str:
    digits = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in digits:
        while number >= value:
            out, number = out + letters, number - value
    return out.lower() if lower else out
