"""An exercise checked: the student's labels beside the analyzer's (and the teacher's key),
agreement per label, and for each difference what the analyzer saw and why.

The agreement is `sourcing evaluate`'s own scoring (score/evaluation.score) with the student's
answers as the gold and the analyzer as the prediction: for each label, "both" are the
sentences both gave it, "only you" and "only the analyzer" the others, and agreement is the F1
of the two (1 = the same sentences). Nothing here is kept: the answers arrive with the form and
leave with the page.
"""

from __future__ import annotations

from typing import Mapping, Optional, Sequence

from ..labels import LABEL_TABLE, in_label_order, label_code
from ..records import Sentence
from ..run.local import ArticleResult
from ..score.evaluation import (Evaluation, GoldArticle, GoldSentence, PredictedSentence, predictions_from_result,
                                score)


def answers_as_gold(article_id: str, text: str, sentences: Sequence[Sentence],
                    answers: Mapping[int, Sequence[str]]) -> GoldArticle:
    """The student's answers as a gold article over the analysed sentences."""
    gold = [GoldSentence(s.start_char, s.end_char, s.text, frozenset(answers.get(s.index, ())))
            for s in sentences if not s.is_heading]
    return GoldArticle(article_id, text, None, gold)


def agreement(evaluation: Evaluation) -> list[dict]:
    """Per label: the sentences only the first gave it, only the second, both, and the F1."""
    rows = []
    for label in LABEL_TABLE:
        s = evaluation.labels[label.name]
        rows.append({"label": label.name, "code": label.code, "first_only": s.fn, "second_only": s.fp,
                     "both": s.tp, "agreement": f"{s.f1:.0%}" if s.tp + s.fp + s.fn else "–"})
    return rows


def _labels_view(labels) -> list[dict]:
    return [{"label": name, "code": label_code(name)} for name in in_label_order(labels)]


def checked_view(result: ArticleResult, answers: Mapping[int, Sequence[str]],
                 key: Optional[Mapping[int, frozenset]], whys: Mapping[str, str]) -> dict:
    """Everything the check page shows (plain data for the template)."""
    article = result.article
    student = answers_as_gold(article.id, article.text, result.sentences, answers)
    analyzer_said = {article.id: predictions_from_result(result)}
    with_analyzer = score([student], analyzer_said)
    rows_of: dict[int, list] = {}
    for a in result.attributions:
        rows_of.setdefault(a.sentence_index, []).append(a)
    sentences = []
    for s in result.sentences:
        if s.is_heading:
            continue
        yours = set(answers.get(s.index, ()))
        theirs = set(s.labels)
        sentences.append({
            "index": s.index, "text": s.text, "yours": _labels_view(yours), "analyzer": _labels_view(theirs),
            "key": _labels_view(key.get(s.index, ())) if key is not None else None,
            "agree": yours == theirs, "key_agrees": key is not None and yours == set(key.get(s.index, ())),
            "sources": [{"label": a.label, "code": label_code(a.label), "source": a.resolved_source or a.source or
                         "(no source named)", "cue": a.cue, "rule_id": a.rule_id, "why": whys.get(a.rule_id, ""),
                         "cue_rule_id": a.cue_rule_id if a.cue_rule_id != a.rule_id else "",
                         "cue_why": whys.get(a.cue_rule_id, "") if a.cue_rule_id != a.rule_id else ""}
                        for a in rows_of.get(s.index, [])],
        })
    view = {"sentences": sentences, "total": with_analyzer.sentences, "same": with_analyzer.exact_matches,
            "agreement": agreement(with_analyzer), "differences": [s for s in sentences if not s["agree"]],
            "has_key": key is not None}
    if key is not None:
        key_gold = [GoldSentence(s.start_char, s.end_char, s.text, frozenset(key.get(s.index, ())))
                    for s in result.sentences if not s.is_heading]
        yours_predicted = {article.id: [PredictedSentence(g.start, g.end, g.labels) for g in student.sentences]}
        with_key = score([GoldArticle(article.id, article.text, None, key_gold)], yours_predicted)
        view.update(key_same=with_key.exact_matches, key_agreement=agreement(with_key))
    return view
