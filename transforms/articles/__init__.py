"""From feed bytes to Article records: entries normalized (ids, canonical URLs, UTC dates,
plain text without markup), duplicates collapsed (ParseArticles), and the optional article-page
fetch (FetchFullText) that honours robots.txt."""
