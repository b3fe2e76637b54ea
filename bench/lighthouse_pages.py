"""Lighthouse's mobile audit of the built site, served gzip-compressed on 127.0.0.1, as a phone would load it.

Usage (after `mkdocs build`, and once `npm ci --prefix bench/lighthouse`):

    python bench/lighthouse_pages.py                 # every chapter page and one notebook view per language, 3 runs
    python bench/lighthouse_pages.py --runs 1 -k 02-tensor   # pages whose address contains the text

Lighthouse 12 (pinned in bench/lighthouse/package-lock.json; 13 needs Node 22, Debian ships 20) runs its
default mobile preset: a Moto G Power's screen, simulated slow 4G (150 ms RTT, 1.6 Mbit/s down) and a 4x CPU
slowdown, in Debian's Chromium. Each page runs `--runs` times; the table gives the median of each figure
(performance score, largest contentful paint, total blocking time, cumulative layout shift, accessibility).
The blocking time depends on the machine and on what else runs on it: compare runs made on the same idle
machine only. Timings are judged by this benchmark, never by a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import statistics
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb", ".py"}
"""Suffixes served gzip-compressed, as GitHub Pages compresses text (images and fonts are sent as they are)."""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site directory, gzip-compressing text when the client accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' caching
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def pages(site: Path) -> list[str]:
    """Every chapter page of both languages, and one notebook view per language (site-relative addresses)."""
    found = []
    for index in sorted(site.glob("**/index.html")):
        rel = index.parent.relative_to(site).as_posix()
        parts = rel.split("/")
        chapter = len(parts) >= 2 and parts[-1][:2].isdigit() and parts[-1][2] == "-"
        if chapter:
            found.append(rel + "/")
    for language in ("", "en/"):
        views = sorted(site.glob(f"{language}*/28-*/notebook/index.html"))
        if views:
            found.append(views[0].parent.relative_to(site).as_posix() + "/")
    return ["", "en/", *found]


def audit(url: str) -> dict[str, float]:
    """One Lighthouse run of `url`: the five figures of the table (seconds for LCP, milliseconds for TBT)."""
    done = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--only-categories=performance,accessibility",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-2000:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"] * 100,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "accessibility": report["categories"]["accessibility"]["score"] * 100,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default site/)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is shown (default 3)")
    parser.add_argument("-k", dest="pattern", default="", help="only pages whose address contains this text")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        parser.error("Lighthouse is not installed: run `npm ci --prefix bench/lighthouse` first")
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} holds no built site: run `mkdocs build` first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    selected = [page for page in pages(args.site) if args.pattern in page]
    runs: dict[str, list[dict[str, float]]] = {}
    with tqdm(total=len(selected) * args.runs, unit="run", file=sys.stderr) as progress:
        for page in selected:
            for _ in range(args.runs):
                progress.set_postfix_str(page or "/", refresh=False)
                runs.setdefault(page, []).append(audit(base + page))
                progress.update()
    server.shutdown()
    print(f"Lighthouse 12 mobile, median of {args.runs} run(s) per page\n")
    print("| page | performance | LCP | TBT | CLS | accessibility |")
    print("|---|---|---|---|---|---|")
    for page, results in runs.items():
        median = {key: statistics.median(result[key] for result in results) for key in results[0]}
        print(
            f"| `/{page}` | {median['performance']:.0f} | {median['lcp_s']:.1f} s | {median['tbt_ms']:,.0f} ms"
            f" | {median['cls']:.3f} | {median['accessibility']:.0f} |"
        )
    worst = {
        "performance": min(statistics.median(r["performance"] for r in res) for res in runs.values()),
        "tbt_ms": max(statistics.median(r["tbt_ms"] for r in res) for res in runs.values()),
    }
    print(f"\nworst page: performance {worst['performance']:.0f}, TBT {worst['tbt_ms']:,.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
