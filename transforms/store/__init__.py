"""The dataset on disk: partition layout, staging and the commit protocol (manifest as commit
point, roll-forward, recovery), committed snapshots for readers, the article and source state of
incremental runs, SkipUnchanged, WriteEvents and compaction."""
