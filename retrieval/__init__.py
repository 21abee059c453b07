"""From plan documents to ranked, cited passages: ingestion, hybrid search and answer composition."""
