# Import throughput and search latency against SQLite FTS5 on the shared
# corpora; prints PASS/MISS per target and rewrites docs/benchmarks.md.
.PHONY: bench
bench:
	cargo run --release -p parley-bench -- --corpora ../shared/corpora --out docs/benchmarks.md
