"""Running the stages over many articles: the local stream, --jobs processes, a Dask cluster,
and `run_analysis`, the one function the `sourcing analyze` command calls."""
