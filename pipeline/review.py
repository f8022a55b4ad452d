"""The review page: every extracted service row beside the source it came from.

``charter review processed/ -o review/`` writes static HTML that needs no network:
``index.html`` (one line per charter: office, place, services, findings by
severity) and one page per charter in which each service row stands beside the
crop of the source page region its cells came from (PDF, rendered with pypdfium2
at the cells' boxes) or the source cells as written (HTML, Word, text copies),
with its repairs and findings inline and a filter by rule and severity.

The source of a record is its ``source_file`` under one of the input folders the
run kept in ``run.json`` (or the ``--source-root`` folders); it is used only when
its SHA-256 is the record's, so a crop never shows a changed file.
"""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from . import emit, package
from .model import Charter, Service
from .readers.base import file_sha256

SEVERITIES = ["error", "warning", "info"]
SCALE = 2.0              # 144 dpi: small Bangla print stays legible in a crop
MARGIN = 3.0             # points around the cells' boxes
FONT_FAMILY = "Charter Bangla"
# Latin from a plain sans-serif; Bangla from the installed Bangla fonts, then those of Windows,
# macOS and Android (a browser takes each character from the first font that has it).
FONT_STACK = ('"Noto Sans", "DejaVu Sans", "Segoe UI", Arial, "Noto Sans Bengali", "Noto Serif Bengali", '
              '"Lohit Bengali", "Mukti", "Likhan", "Ani", "Nirmala UI", "Vrinda", "Shonar Bangla", '
              '"Kohinoor Bangla", "Bangla Sangam MN", sans-serif')
FONT_DIR = "fonts"
# The embedded font serves Bengali only (its block, the joiners conjuncts use, the dandas).
FONT_RANGE = "U+0980-09FF, U+200C-200D, U+0964-0965"
FONT_TEXT = "".join(chr(c) for c in range(0x0980, 0x0A00)) + "\u200c\u200d\u0964\u0965"
MISSING_FONTTOOLS = "error: --embed-font needs fontTools: pip install 'charter-pipeline[review]'"
# A written cell of each column, in the order a charter prints them.
AS_WRITTEN = [("serial", lambda s: s.serial_text), ("service", lambda s: s.name),
              ("method", lambda s: s.delivery_method_text), ("documents", lambda s: s.required_documents),
              ("fee", lambda s: s.fee_text), ("time limit", lambda s: s.time_limit_text),
              ("officer", lambda s: s.officer.raw)]


class ReviewError(Exception):
    """The review cannot be written; ``str()`` is the one-line reason."""


@dataclass
class Source:
    """Where a record's document is, and whether it is the one the record was made from."""
    path: Path | None
    note: str = ""
    link: str = ""       # the document relative to the review folder


# ------------------------------------------------------------------ inputs

def findings_by_charter(folder: Path) -> dict[str, list[dict]]:
    findings: dict[str, list[dict]] = defaultdict(list)
    if (folder / "audit.csv").exists():
        for row in emit.csv_rows(folder, "audit"):
            findings[row["charter_id"]].append(row)
    return findings


def records(folder: Path) -> Iterator[Charter]:
    for path in sorted((folder / emit.CHARTERS_DIR).glob("*.json")):
        yield Charter.from_dict(json.loads(path.read_text(encoding="utf-8")))


def source_roots(folder: Path, given: Iterable[str | Path] | None) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    return [(folder / p).resolve() for p in package.load_options(folder).inputs]


def find_source(charter: Charter, roots: list[Path]) -> Source:
    """The record's document: ``source_file`` under a root, or under its parent for the
    ``<input folder name>/<path>`` names two inputs with the same path get."""
    candidates = [root / charter.source_file for root in roots] + [root.parent / charter.source_file for root in roots]
    found = [p for p in dict.fromkeys(candidates) if p.is_file()]
    for path in found:
        if file_sha256(path) == charter.source_sha256:
            return Source(path)
    if found:
        return Source(None, f"{found[0]} has changed since the run (its SHA-256 differs): no source shown")
    return Source(None, f"{charter.source_file} is not under {', '.join(map(str, roots)) or 'any input folder'}"
                        " (give --source-root)")


# ------------------------------------------------------------------ PDF crops

def _boxes_by_page(service: Service) -> dict[int, list[float]]:
    """The union of the service's cell boxes on each page it spans."""
    boxes: dict[int, list[float]] = {}
    for cells in service.provenance.cells.values():
        for cell in cells:
            if cell.get("bbox"):
                x0, top, x1, bottom = cell["bbox"]
                box = boxes.setdefault(cell["page"], [x0, top, x1, bottom])
                box[:] = [min(box[0], x0), min(box[1], top), max(box[2], x1), max(box[3], bottom)]
    return dict(sorted(boxes.items()))


def crop(document, page: int, box: list[float], target: Path) -> Path:
    """Render the region ``box`` (x0, top, x1, bottom in points from the top left) of ``page``."""
    pdf_page = document[page - 1]
    width, height = pdf_page.get_size()
    x0, top, x1, bottom = box
    cut = (max(0.0, x0 - MARGIN), max(0.0, height - bottom - MARGIN),
           max(0.0, width - x1 - MARGIN), max(0.0, top - MARGIN))     # left, bottom, right, top
    image = pdf_page.render(scale=SCALE, crop=cut).to_pil()
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target, format="PNG")
    return target


def crops(charter: Charter, source: Source, target: Path) -> dict[int, list[tuple[int, str, float]]]:
    """Service index -> [(page, image path relative to the review folder, width in points)]."""
    if source.path is None or charter.source_format != "pdf":
        return {}
    import pypdfium2   # comes with pdfplumber; loaded only for PDF sources

    images: dict[int, list[tuple[int, str, float]]] = {}
    try:
        document = pypdfium2.PdfDocument(source.path)
    except pypdfium2.PdfiumError as exc:
        source.note = f"{source.path}: PDFium cannot open it ({exc}): no crops"
        return {}
    try:
        for index, service in enumerate(charter.services):
            for page, box in _boxes_by_page(service).items():
                name = f"{charter.charter_id}/{index + 1}-p{page}.png"
                crop(document, page, box, target / name)
                images.setdefault(index, []).append((page, name, box[2] - box[0] + 2 * MARGIN))
    finally:
        document.close()
    return images


# ------------------------------------------------------------------ fonts

def _fc_match(pattern: str) -> Path | None:
    if not shutil.which("fc-match"):
        return None
    found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, timeout=30)
    return Path(found.stdout.strip()) if "bengali" in found.stdout.lower() else None


def font_files(given: str) -> dict[int, Path]:
    """CSS weight -> the OFL Bangla font to embed: ``given``, or the Noto Sans Bengali fontconfig names
    (its bold too, so headings are not a smeared regular)."""
    if given != "auto":
        return {400: Path(given)}
    regular, bold = _fc_match("Noto Sans Bengali:lang=bn"), _fc_match("Noto Sans Bengali:bold:lang=bn")
    if regular is None:
        raise ReviewError("no Noto Sans Bengali found to embed (apt-get install fonts-noto-core, "
                          "or give --embed-font FILE)")
    return {400: regular} | ({700: bold} if bold and bold != regular else {})


def embed_font(path: Path, target: Path, name: str) -> str:
    """A WOFF subset of ``path`` (Bengali, every shaping feature) as ``target/fonts/<name>``."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont, TTLibError
    except ImportError:
        raise ReviewError(MISSING_FONTTOOLS) from None
    try:
        font = TTFont(path)
    except (OSError, TTLibError) as exc:
        raise ReviewError(f"{path}: not a font file ({exc})") from None
    licence = " ".join(r.toUnicode() for r in font["name"].names if r.nameID == 13)
    if "Open Font License" not in licence:
        raise ReviewError(f"{path}: not under the SIL Open Font License, so not embedded ({licence[:60]!r})")
    options = subset.Options()
    options.flavor, options.layout_features, options.name_IDs = "woff", ["*"], ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=FONT_TEXT)
    subsetter.subset(font)
    relative = f"{FONT_DIR}/{name}"
    (target / FONT_DIR).mkdir(parents=True, exist_ok=True)
    font.flavor = "woff"
    font.save(target / relative)
    return relative


def embed_fonts(given: str, target: Path) -> list[tuple[int, str]]:
    return [(weight, embed_font(path, target, f"bangla-{weight}.woff"))
            for weight, path in font_files(given).items()]


# ------------------------------------------------------------------ HTML

def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def style(faces: list[tuple[int, str]]) -> str:
    """The page's CSS; ``faces`` are the embedded fonts (weight, file), if any."""
    face = "".join(f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{file}") format("woff"); '
                   f"font-weight: {weight}; unicode-range: {FONT_RANGE}; }}\n" for weight, file in faces)
    family = f'"{FONT_FAMILY}", {FONT_STACK}' if faces else FONT_STACK
    return face + f"""body {{ font-family: {family}; margin: 1.5em; color: #222; line-height: 1.45; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: .4em .5em; vertical-align: top; text-align: left; }}
th {{ background: #f3f3f3; }}
td.values {{ width: 42%; }}
td.source img {{ max-width: 100%; border: 1px solid #999; display: block; margin-bottom: .3em; }}
dl {{ margin: .3em 0; display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; }}
dt {{ color: #666; }} dd {{ margin: 0; }}
.cells th {{ width: 7em; font-weight: normal; color: #666; }}
.error {{ color: #a00; }} .warning {{ color: #8a5a00; }} .info {{ color: #355; }}
ul {{ margin: .3em 0; padding-left: 1.2em; }}
.repairs li {{ color: #345; }}
.note {{ color: #666; font-style: italic; }}
.filters {{ margin: 1em 0; }}
"""


def page(title: str, body: str, faces: list[tuple[int, str]], script: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="bn">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
            f"<style>\n{style(faces)}</style>\n</head>\n<body>\n{body}\n"
            + (f"<script>\n{script}</script>\n" if script else "") + "</body>\n</html>\n")


FILTER_SCRIPT = """const rule = document.getElementById("rule"), severity = document.getElementById("severity"),
      flagged = document.getElementById("flagged"), shown = document.getElementById("shown");
function apply() {
  const rows = document.querySelectorAll("tr.service");
  let count = 0;
  for (const row of rows) {
    const rules = row.dataset.rules.split(" "), severities = row.dataset.severities.split(" ");
    const show = (!rule.value || rules.includes(rule.value))
      && (!severity.value || severities.includes(severity.value))
      && (!flagged.checked || row.dataset.rules || row.dataset.repairs !== "0");
    row.hidden = !show;
    count += show;
  }
  shown.textContent = count + " of " + rows.length + " services shown";
}
function remember() {   // the filter in the address (#rule=…&severity=…), to send a reviewer a view
  const state = new URLSearchParams();
  if (rule.value) state.set("rule", rule.value);
  if (severity.value) state.set("severity", severity.value);
  if (flagged.checked) state.set("flagged", "1");
  history.replaceState(null, "", "#" + state);
  apply();
}
const start = new URLSearchParams(location.hash.slice(1));
rule.value = start.get("rule") || "";
severity.value = start.get("severity") || "";
flagged.checked = start.has("flagged");
for (const control of [rule, severity, flagged]) control.addEventListener("change", remember);
apply();
"""

INDEX_SCRIPT = """const filter = document.getElementById("filter");
filter.addEventListener("input", () => {
  const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const row of document.querySelectorAll("tr.charter"))
    row.hidden = !words.every(word => row.textContent.toLowerCase().includes(word));
});
"""


def _finding_items(findings: list[dict]) -> str:
    return "".join(f'<li class="{_e(f["severity"])}"><b>{_e(f["severity"])}</b> <code>{_e(f["rule"])}</code>'
                   f'{" " + _e(f["field"]) if f["field"] else ""}: {_e(f["message"])}</li>' for f in findings)


def _amount(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _values(service: Service) -> str:
    o = service.officer
    invalid = "; ".join(f"{p.digits} ({p.reason})" for p in o.phones if not p.valid)
    rows = [("fee", f"{_amount(service.fee_bdt)} taka ({service.fee_kind})"),
            ("time limit", f"{_amount(service.time_limit_days)} days"
                           f"{f' ({service.time_limit_unit})' if service.time_limit_unit else ''}"),
            ("officer", ", ".join(x for x in (o.name, o.designation, o.office) if x)),
            ("phones", "; ".join(o.valid_phones)), ("invalid phones", invalid), ("emails", "; ".join(o.emails)),
            ("pages", ", ".join(map(str, service.provenance.pages)))]
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{_e(v)}</dd>" for k, v in rows if v) + "</dl>"


def _source_cell(service: Service, images: list[tuple[int, str, float]], source: Source) -> str:
    if images:
        # One point of the page is one CSS pixel in every crop, so a narrow continuation
        # on the next page is not blown up beside the full row above it.
        return "".join(f'<img src="{_e(src)}" width="{width:.0f}" alt="page {page}: the cells of this row" '
                       f'loading="lazy"><div class="note">page {page}</div>' for page, src, width in images)
    written = "".join(f"<tr><th>{label}</th><td>{_e(get(service))}</td></tr>" for label, get in AS_WRITTEN
                      if get(service))
    note = f'<div class="note">{_e(source.note)}</div>' if source.note else ""
    return f'<table class="cells">{written}</table>{note}'


def service_row(service: Service, findings: list[dict], images: list[tuple[int, str, float]],
                source: Source) -> str:
    repairs = service.provenance.repairs
    rules = " ".join(sorted({f["rule"] for f in findings}))
    severities = " ".join(sorted({f["severity"] for f in findings}))
    heading = f"{service.section} {service.serial_text or service.serial or ''}".strip()
    repair_items = "".join(f"<li><code>{_e(r.action)}</code> {_e(r.detail)}</li>" for r in repairs)
    return (f'<tr class="service" data-rules="{_e(rules)}" data-severities="{_e(severities)}" '
            f'data-repairs="{len(repairs)}">\n'
            f'<td class="values"><div><b>{_e(heading)}</b> {_e(service.name)}</div>{_values(service)}'
            + (f'<ul class="repairs">{repair_items}</ul>' if repairs else "")
            + (f'<ul class="findings">{_finding_items(findings)}</ul>' if findings else "")
            + f'</td>\n<td class="source">{_source_cell(service, images, source)}</td>\n</tr>')


def _filters(findings: list[dict]) -> str:
    rules = "".join(f'<option value="{_e(r)}">{_e(r)}</option>' for r in sorted({f["rule"] for f in findings}))
    severities = "".join(f'<option value="{s}">{s}</option>' for s in SEVERITIES)
    return (f'<div class="filters"><label>rule <select id="rule"><option value="">every rule</option>{rules}'
            f'</select></label> <label>severity <select id="severity"><option value="">every severity</option>'
            f'{severities}</select></label> <label><input type="checkbox" id="flagged"> only rows with findings or '
            f'repairs</label> <span id="shown"></span></div>')


def _service_findings(charter: Charter, findings: list[dict]) -> tuple[dict[tuple, list[dict]], list[dict]]:
    """Findings by (section, serial) of a service, and those about the charter as a whole."""
    keys = {(s.section, "" if s.serial is None else str(s.serial)) for s in charter.services}
    by_service: dict[tuple, list[dict]] = defaultdict(list)
    general = []
    for f in findings:
        key = (f["section"], f["serial"])
        (by_service[key] if key in keys else general).append(f)
    return by_service, general


def charter_page(charter: Charter, findings: list[dict], source: Source, images: dict,
                 faces: list[tuple[int, str]]) -> str:
    by_service, general = _service_findings(charter, findings)
    loc = charter.location
    place = ", ".join(x for x in (loc.upazila, loc.district, loc.division) if x)
    rows = "\n".join(service_row(s, by_service[(s.section, "" if s.serial is None else str(s.serial))],
                                 images.get(i, []), source) for i, s in enumerate(charter.services))
    link = f' (<a href="{_e(source.link)}">open</a>)' if source.link else ""
    body = (f'<p><a href="index.html">all charters</a></p>\n<h1>{_e(charter.office_name or charter.charter_id)}</h1>\n'
            f"<p>{_e(place)} · {len(charter.services)} services · source <code>{_e(charter.source_file)}</code>"
            f"{link} ({_e(charter.source_format)}, {charter.pages} pages)</p>\n"
            + (f'<p class="note">{_e(source.note)}</p>\n' if source.note else "")
            + (f'<h2>About the whole charter</h2><ul class="findings">{_finding_items(general)}</ul>\n' if general else "")
            + _filters(findings)
            + f'\n<table class="services">\n<thead><tr><th>extracted</th><th>source</th></tr></thead>\n<tbody>\n'
            f"{rows}\n</tbody>\n</table>")
    return page(f"{charter.office_name or charter.charter_id}: review", body, faces, FILTER_SCRIPT)


def index_row(charter: Charter, findings: list[dict]) -> str:
    counts = Counter(f["severity"] for f in findings)
    loc = charter.location
    cells = [f'<a href="{_e(charter.charter_id)}.html">{_e(charter.office_name or charter.charter_id)}</a>',
             _e(loc.upazila), _e(loc.district), str(len(charter.services))]
    cells += [f'<span class="{s}">{counts[s]}</span>' if counts[s] else "0" for s in SEVERITIES]
    return '<tr class="charter">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def index_page(rows: list[str], faces: list[tuple[int, str]]) -> str:
    header = "".join(f"<th>{h}</th>" for h in ["office", "upazila", "district", "services", *SEVERITIES])
    body = (f"<h1>Citizen's Charters: review</h1>\n<p>{len(rows)} charters. Each page shows every extracted service "
            f'beside the source region it came from.</p>\n<p><label>filter <input id="filter" type="search" '
            f'placeholder="office, upazila, district"></label></p>\n'
            f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")
    return page("Citizen's Charters: review", body, faces, INDEX_SCRIPT)


# ------------------------------------------------------------------ the folder

def write(folder: str | Path, target: str | Path, roots: Iterable[str | Path] | None = None,
          font: str | None = None) -> Path:
    """The review pages of the processed ``folder`` in ``target``; ``font`` ('auto' or a
    file) embeds a subset of an OFL Bangla font. Returns the index page."""
    folder, target = Path(folder), Path(target)
    faces = embed_fonts(font, target) if font else []
    findings = findings_by_charter(folder)
    found_roots = source_roots(folder, roots)
    rows = []
    for charter in records(folder):
        source = find_source(charter, found_roots)
        if source.path:
            source.link = Path(os.path.relpath(source.path.resolve(), target.resolve())).as_posix()
        images = crops(charter, source, target)
        emit.write_atomic(target / f"{charter.charter_id}.html",
                          charter_page(charter, findings[charter.charter_id], source, images, faces))
        rows.append(index_row(charter, findings[charter.charter_id]))
    index = target / "index.html"
    emit.write_atomic(index, index_page(rows, faces))
    return index
