"""Tools that look at the running site from outside: screenshots and Lighthouse audits (not tests, not benchmarks)."""
