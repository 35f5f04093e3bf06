"""Getting feed bytes: source lists expanded (files, folders, OPML, text lists), feeds fetched
within hard bounds (timeouts, size caps, redirect and address checks, retries), and ReadFeeds.
feedparser never fetches: it only parses bytes this package has checked."""
