"""Use cases over the store, the planner and the writers; adapters call these, nothing else."""
