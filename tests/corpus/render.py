"""Render the synthetic charters and write a truth JSON beside every file.

    python -m tests.corpus.render --out DIR [--formats pdf-lo,pdf-chromium,docx,html,txt]
                                  [--fonts noto,lohit,mukti,likhan] [--specs c00,c09]
                                  [--orientation auto|portrait|landscape]

File names: ``<spec>-<font>-<orientation>-<renderer>.<ext>`` and ``<name>.truth.json``.
A DOCX's truth carries the pages and split rows of its LibreOffice PDF, an HTML's
those of its Chromium PDF; the text copy mirrors the first font's LibreOffice PDF.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import measure
from .specs import CharterSpec, build_specs, nfc
from .writers import write_docx, write_html, write_text

FONTS = {"noto": "Noto Sans Bengali", "lohit": "Lohit Bengali", "mukti": "Mukti", "likhan": "Likhan"}
ENGLISH_FONT = ("dejavu", "DejaVu Serif")
FORMATS = ("pdf-lo", "pdf-chromium", "docx", "html", "txt")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer"]


# --------------------------------------------------------------------------
# Truth
# --------------------------------------------------------------------------

def cell(lines: list[str]) -> str:
    return nfc(" ".join(lines))


def service_truth(s) -> dict:
    o = s.officer
    return {"section": s.section, "serial": s.serial, "service_name": nfc(s.name),
            "delivery_method": cell(s.method), "required_documents": cell(s.documents),
            "fee_text": nfc(s.fee_text), "fee_bdt": s.fee_bdt, "is_free": s.is_free,
            "time_limit_text": nfc(s.time_text), "time_limit_days": s.time_days,
            "officer_name": nfc(o.name), "officer_designation": nfc(o.designation),
            "officer_phones": o.phones, "officer_emails": o.emails, "officer_text": cell(o.lines)}


def truth(spec: CharterSpec, font, renderer: str, orientation, pages: int, splits) -> dict:
    return {
        "id": spec.id, "language": spec.language, "font": font, "renderer": renderer,
        "orientation": orientation, "office_name": nfc(spec.office_name), "department": nfc(spec.department),
        "upazila": nfc(spec.upazila), "district": nfc(spec.district), "website": spec.website,
        "vision": nfc(spec.vision), "mission": nfc(spec.mission), "pages": pages,
        "services": [service_truth(s) for s in spec.services],
        "grievance": [{"serial": g.serial, "when": nfc(g.when), "officer_text": cell(g.officer_lines),
                       "address": nfc(g.address), "resolution_text": nfc(g.resolution)} for g in spec.grievance],
        "expectations": [nfc(e) for e in spec.expectations],
        "split_rows": [{"section": sec, "serial": serial} for sec, serial in splits],
    }


def write_truth(path: Path, record: dict) -> None:
    name = path.name.rsplit(".", 1)[0]
    (path.parent / f"{name}.truth.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                                     encoding="utf-8")


# --------------------------------------------------------------------------
# Converters
# --------------------------------------------------------------------------

def docx_to_pdf(docx: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="lo_profile_") as profile, \
            tempfile.TemporaryDirectory() as outdir:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", outdir, str(docx)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(Path(outdir) / (docx.stem + ".pdf"), pdf)


def html_to_pdf(page: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="chromium_") as profile:
        subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                        f"--print-to-pdf={pdf}", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=300)


# --------------------------------------------------------------------------
# One variant: spec x font x orientation
# --------------------------------------------------------------------------

def check_font(pdf: Path, font: str) -> None:
    wanted = font.replace(" ", "").lower()
    names = [n.replace("-", "").lower() for n in measure.embedded_fonts(pdf)]
    if not any(n.startswith(wanted) for n in names):
        raise RuntimeError(f"{pdf.name}: {font} not embedded (found {names})")


# renderer -> (source format, writer, converter, truth's renderer name for the PDF)
PIPELINES = {
    "lo": ("docx", write_docx, docx_to_pdf, "libreoffice"),
    "chromium": ("html", write_html, html_to_pdf, "chromium"),
}


def needed_pipelines(formats) -> list[str]:
    """The text copy mirrors the LibreOffice PDF, so it needs that pipeline too."""
    needs = {"lo": {"pdf-lo", "docx", "txt"}, "chromium": {"pdf-chromium", "html"}}
    return [renderer for renderer, wanted in needs.items() if wanted & set(formats)]


def render_pipeline(spec, font, orientation, renderer, formats, stem, out: Path, scratch: Path):
    """Source file then PDF; unrequested files go to scratch. Returns the PDF's (pages, split rows)."""
    ext, write, convert, pdf_renderer = PIPELINES[renderer]
    source = (out if ext in formats else scratch) / f"{stem}-{ext}.{ext}"
    pdf = (out if f"pdf-{renderer}" in formats else scratch) / f"{stem}-{renderer}.pdf"
    write(spec, font, orientation, source)
    convert(source, pdf)
    check_font(pdf, font)
    pages, splits = measure.page_count(pdf), measure.split_rows(pdf)
    if ext in formats:
        write_truth(source, truth(spec, font, ext, orientation, pages, splits))
    if f"pdf-{renderer}" in formats:
        write_truth(pdf, truth(spec, font, pdf_renderer, orientation, pages, splits))
    return pages, splits


def render_variant(spec, font_key, font, orientation, formats, out: Path) -> dict:
    """Render one spec x font x orientation; returns {renderer: (pages, split rows)}."""
    stem = f"{spec.id}-{font_key}-{orientation}"
    with tempfile.TemporaryDirectory() as scratch:
        return {renderer: render_pipeline(spec, font, orientation, renderer, formats, stem, out, Path(scratch))
                for renderer in needed_pipelines(formats)}


def render_spec(spec, font_keys, orientation, formats, out: Path) -> list[str]:
    if spec.language == "en":
        fonts = [ENGLISH_FONT]
    else:
        fonts = [(k, FONTS[k]) for k in font_keys]
    orient = orientation if orientation != "auto" else default_orientation(spec)
    report = []
    for i, (key, font) in enumerate(fonts):
        measured = render_variant(spec, key, font, orient, formats if i == 0 else
                                  [f for f in formats if f != "txt"], out)
        for renderer, (pages, splits) in measured.items():
            report.append(f"{spec.id} {key} {orient} {renderer}: {pages} pages, {len(spec.services)} services, "
                          f"split {len(splits)}")
        if i == 0 and "txt" in formats:
            pages, splits = measured["lo"]
            path = out / f"{spec.id}-{orient}-txt.txt"
            write_text(spec, set(splits), path)
            write_truth(path, truth(spec, None, "txt", orient, pages, splits))
    return report


def default_orientation(spec: CharterSpec) -> str:
    """Every third Bangla charter is landscape, as many published ones are."""
    return "landscape" if spec.language == "bn" and int(spec.id[1:3]) % 3 == 1 else "portrait"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--fonts", default="noto,lohit,mukti")
    parser.add_argument("--specs", default="", help="comma-separated id prefixes; default all")
    parser.add_argument("--orientation", default="auto", choices=("auto", "portrait", "landscape"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    args.formats = args.formats.split(",")
    args.fonts = args.fonts.split(",")
    unknown = (set(args.formats) - set(FORMATS)) | (set(args.fonts) - set(FONTS))
    if unknown:
        parser.error(f"unknown format or font: {sorted(unknown)}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    prefixes = [p for p in args.specs.split(",") if p]
    specs = [s for s in build_specs() if not prefixes or any(s.id.startswith(p) for p in prefixes)]
    with ThreadPoolExecutor(args.jobs) as pool:
        reports = pool.map(lambda s: render_spec(s, args.fonts, args.orientation, args.formats, args.out), specs)
        for lines in reports:
            print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
