"""Soak the watcher: a local outlet publishes a new article every few seconds; the watcher polls it in a
bounded loop with the real pipeline and store; memory (RSS) and throughput are printed every minute.

Only 127.0.0.1 is contacted. Usage: python benchmarks/bench_watch_soak.py [--minutes 30] [--every 5]
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from veilleur.pipeline import Pipeline
from veilleur.store import Store
from veilleur.watch.config import Source
from veilleur.watch.fetch import Fetcher
from veilleur.watch.runner import Watcher

PLACES = ["Gao", "Mopti", "Tombouctou", "Kidal", "Ménaka", "Ségou", "Sikasso", "Kayes"]
TEMPLATE = ("Des hommes armés ont attaqué le {day} juin le village voisin de {place}, au Mali, tuant {dead} "
            "civils, selon des sources locales. Les assaillants ont incendié des greniers avant de repartir. "
            "Un élu local a confirmé le bilan et appelé l'armée à renforcer sa présence dans la zone.")


def rss_kib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return float(line.split()[1]) / 1024
    return 0.0


def serve(published: list[int]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/rss.xml":
                items = "".join(f"<item><title>Attaque {n}</title><link>{base}/article/attaque-{n}</link></item>"
                                for n in published[-50:])
                body = f"<rss version=\"2.0\"><channel><title>Soak</title>{items}</channel></rss>".encode()
            elif self.path.startswith("/article/attaque-"):
                n = int(self.path.rsplit("-", 1)[1])
                text = TEMPLATE.format(day=1 + n % 28, place=PLACES[n % len(PLACES)], dead=2 + n % 9)
                body = (f"<html><head><meta property=\"article:published_time\" content=\"2021-06-{1 + n % 28:02d}\">"
                        f"</head><body><article><p>{text}</p></article></body></html>").encode()
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(minutes: float, every: float) -> None:
    published: list[int] = []
    server = serve(published)
    source = Source("Soak", f"http://127.0.0.1:{server.server_address[1]}/rss.xml", "rss")
    with tempfile.TemporaryDirectory() as tmp, Fetcher(politeness=0.0) as fetcher:
        store = Store(f"sqlite:///{Path(tmp) / 'soak.db'}")
        store.migrate()
        watcher = Watcher(store, Pipeline.from_defaults(), fetcher)
        started = time.monotonic()
        next_report, rounds, stored = started, 0, 0
        print(f"{'minute':>6} {'rounds':>7} {'articles':>9} {'events':>7} {'RSS MiB':>8}")
        while time.monotonic() - started < minutes * 60:
            published.append(len(published))
            report = watcher.poll_round([source])
            rounds += 1
            stored += sum(s.stored for s in report.sources)
            if time.monotonic() >= next_report:
                minute = (time.monotonic() - started) / 60
                print(f"{minute:6.1f} {rounds:7d} {stored:9d} {store.count_events():7d} {rss_kib():8.1f}", flush=True)
                next_report += 60
            time.sleep(every)
        print(f"done: {rounds} rounds, {stored} articles stored, {store.count_events()} events, "
              f"RSS {rss_kib():.1f} MiB")
        store.close()
    server.shutdown()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between rounds (one new article each)")
    args = parser.parse_args()
    main(args.minutes, args.every)
