"""Polite, bounded HTTP for the watcher (httpx).

Every request: a timeout, a cap on the response size (read as a stream, abandoned past the cap), at most
a few redirects, retries with exponential back-off on timeouts, connection errors and 5xx answers, a
delay between two requests to one host, and robots.txt obeyed (fetched once per host and run). Feeds are
fetched conditionally: the ETag and Last-Modified of the last answer are sent back, and a 304 costs
nothing more.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

USER_AGENT = "Veilleur/0.1 (conflict news monitor; +https://github.com/veilleur)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request that failed for good (after its retries), with the reason."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content: bytes = b""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """One HTTP client for a watcher's round; close it (or use it as a context manager) when done."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry, doubled at each
    politeness: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    _client: httpx.Client | None = field(default=None, repr=False)
    _last_request: dict[str, float] = field(default_factory=dict, repr=False)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=True, max_redirects=5,
                                        headers={"User-Agent": self.user_agent})
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def allowed(self, url: str) -> bool:
        """Does the host's robots.txt let us fetch this URL? (No robots.txt, or an unreadable one: yes.)"""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        robots = self._robots[host]
        return robots is None or robots.can_fetch(self.user_agent, url)

    def _read_robots(self, host: str) -> RobotFileParser | None:
        try:
            answer = self._request(host + "/robots.txt", {}, retries=0)
        except FetchError:
            return None
        if answer.status != 200:
            return None
        robots = RobotFileParser()
        robots.parse(answer.content.decode("utf-8", "replace").splitlines())
        return robots

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        """GET ``url`` (conditionally when validators are given); FetchError when it cannot be had."""
        if not self.allowed(url):
            raise FetchError(f"disallowed by robots.txt: {url}")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        answer = self._request(url, headers, retries=self.retries)
        if answer.status >= 400:
            raise FetchError(f"HTTP {answer.status} for {url}")
        return answer

    def _request(self, url: str, headers: dict[str, str], retries: int) -> Response:
        delay = self.backoff
        for attempt in range(retries + 1):
            self._wait_for_host(url)
            try:
                answer = self._stream(url, headers)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                problem = f"{type(exc).__name__} for {url}"
                if attempt == retries:
                    raise FetchError(problem) from exc
            except httpx.TooManyRedirects as exc:
                raise FetchError(f"too many redirects for {url}") from exc
            else:
                if answer.status not in RETRY_STATUSES or attempt == retries:
                    return answer
            time.sleep(delay)
            delay *= 2
        raise FetchError(f"no answer for {url}")  # pragma: no cover - the loop always returns or raises

    def _stream(self, url: str, headers: dict[str, str]) -> Response:
        with self.client.stream("GET", url, headers=headers) as answer:
            declared = answer.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"response too large: {declared} bytes (limit {self.max_bytes}) for {url}")
            body = bytearray()
            for chunk in answer.iter_bytes():
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise FetchError(f"response too large: over {self.max_bytes} bytes for {url}")
            return Response(str(answer.url), answer.status_code, bytes(body), answer.headers.get("ETag", ""),
                            answer.headers.get("Last-Modified", ""))

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.politeness - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()
