"""Benchmarks: figures printed, never asserted on time. See bench/README.md."""
