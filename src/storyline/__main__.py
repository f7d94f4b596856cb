"""``python -m storyline``: the command line."""

from .cli import app

app(prog_name="storyline")
