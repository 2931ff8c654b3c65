"""Domain types and their JSON codec; no I/O."""
