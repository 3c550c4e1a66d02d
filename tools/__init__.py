"""Developer tools: a static file server, the benchmark and content checks."""
