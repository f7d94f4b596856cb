"""``storyline serve``: the web app over a store, under uvicorn.

The app is :func:`storyline.web.create_app`; this module says what is served and to whom,
and stops running searches and timelines at once when the server is told to stop.
"""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from .. import api
from .common import DbOption, fail, megabytes, say


def serve(db: Path = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default: only this machine)."),
          port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
          max_upload: float = typer.Option(api.DEFAULT_MAX_BYTES / 1024 / 1024, "--max-upload", min=0.001,
                                           help="Largest upload (all files together) in MB."),
          title: str = typer.Option("Timeline", "--title", help="Title of the timeline page."),
          allow_host: List[str] = typer.Option([], "--allow-host", help="Another host name this server answers to "
                                               "(with --host other than loopback: the name others reach it by).")
          ) -> None:
    """Open the story in a browser: timeline, articles, search and uploads (and a JSON API)."""
    try:
        import uvicorn

        from ..web import create_app
        from ..web.guard import host_names, is_loopback
    except ImportError as exc:  # pragma: no cover - the web dependencies are part of the install
        fail(f"the web app needs its dependencies ({exc.name}); reinstall storyline")
    existed = db.exists()
    try:
        loopback = is_loopback(host)
        web = create_app(db, max_upload_bytes=megabytes(max_upload), title=title,
                         allowed_hosts=host_names(host, allow_host))
        count = api.count_documents(db)
    except api.StoreError as exc:
        fail(str(exc))
    if not existed:
        say(f"no store at {db}: created an empty one; add documents from the Documents page")
    if not loopback:
        say(f"listening on {host}, not on loopback: anyone who can reach this machine can read the store and "
            "add documents to it (there is no login)", "warning:", "yellow")
    shown = f"[{host}]" if ":" in host else host
    say(f"serving {db} ({count} documents) at http://{shown}:{port}/ — Ctrl-C to stop")
    if not loopback:
        say("answering to the host names " + ", ".join(host_names(host, allow_host)) + " (add others with --allow-host)")

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:  # Ctrl-C or SIGTERM: running searches and timelines stop now
            web.state.stopping.set()
            super().handle_exit(sig, frame)

    Server(uvicorn.Config(web, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)).run()
