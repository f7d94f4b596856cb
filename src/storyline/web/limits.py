"""The web app's limits: how much one request may ask for and how much work it may cause.

In one place so that they can be read (and, in tests, changed) without going through the
routes; the routes read them when a request comes, not when they are defined.
"""

MAX_QUERY = 500          # characters of a search query
MAX_FILES = 20           # files per upload
PAGE_SIZE = 20           # search results per page
DOCUMENTS_PAGE = 100     # rows of the documents page
ERRORS_SHOWN = 100       # failed files listed on the documents page (all of them at /api/errors)
TIMELINE_CACHE = 8       # timelines kept (per query and options) while the store is unchanged
TIMELINE_BUILDS = 2      # timelines made at the same time (others wait their turn): each holds a lot of memory
SEARCH_SECONDS = 30      # a search running longer is stopped (503)
ARTICLE_CHARS = 200_000  # characters of a long article's text shown on its page (all of it in the JSON)
UPLOAD_BUILDS = 2        # uploads built at the same time (others wait their turn)
ARTICLE_ROWS = 500       # dates and removed blocks listed on an article page
