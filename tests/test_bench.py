"""`sourcing bench`: its corpus, and a small run end to end (the figures themselves are measured
by hand on the target machine; see the README)."""

from __future__ import annotations

from analyzer.run.bench import build_corpus, run_bench


def test_corpus_is_500_article_length_texts_built_the_same_every_time():
    corpus = build_corpus(500)
    assert len(corpus) == 500
    assert len({row["id"] for row in corpus}) == 500
    assert all(len(row["text"].split()) >= 600 for row in corpus)
    assert all("\n\n" in row["text"] for row in corpus)  # paragraphs, like an article
    assert corpus == build_corpus(500)


def test_a_small_bench_measures_every_figure(tmp_path):
    report = run_bench(articles=10, jobs=2, work_dir=tmp_path)
    figures = report.figures
    for name in ("help_s", "one_article_s", "model_load_s", "spacy_wps", "parse_wps", "jobs1_wps", "jobs2_wps",
                 "rss_1x_mb", "rss_small_mb"):
        assert figures[name] > 0, name
    lines = "\n".join(report.lines())
    assert "of spaCy's throughput" in lines and "parse alone" in lines and "x --jobs 1" in lines and "peak memory" in lines
    # every run wrote its tables: the benchmark measured real analyses, not failures
    for folder in ("one", "jobs1-0", "jobs1-1", "jobs2", "tenth"):
        rows = (tmp_path / folder / "scorecard.csv").read_text(encoding="utf-8").splitlines()
        assert len(rows) >= 2, folder
        assert len((tmp_path / folder / "errors.csv").read_text(encoding="utf-8").splitlines()) == 1, folder


def test_the_dask_cluster_line_gives_its_ratio_to_jobs_1():
    from analyzer.run.bench import BenchReport

    figures = {"model_load_s": 1.0, "help_s": 0.3, "one_article_s": 3.0, "one_article_first_s": 3.2, "spacy_wps": 7000.0, "jobs1_wps": 6000.0,
               "dask_wps": 10200.0, "dask_workers": 2, "rss_small_mb": 300.0, "rss_1x_mb": 330.0}
    lines = BenchReport(500, 300000, figures).lines()
    assert [line for line in lines if "--engine dask" in line] == [
        "sourcing analyze --engine dask on a 2-worker cluster (dask scheduler + dask worker --nthreads 1 on 127.0.0.1, "
        "workers warm, best of 2): 10,200 words/s = 1.70x --jobs 1"]
