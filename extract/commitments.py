"""Commitment sentences: pledge, target or instruction (cues in extract/rules/commitment_cues.csv),
with the target's number and deadline where stated."""
from __future__ import annotations

import re
from functools import cache

from extract.rules import alternation, load_rules, phrase_before, phrase_pattern, phrases
from models.vocab import months

KIND_ORDER = ("target", "instruction", "pledge")
COMMITTING = {*KIND_ORDER, "appeal", "weak_instruction", "weak_target", "target_noun", "weak_pledge"}
APPEAL_AS = "instruction"  # an appeal (mengimbau, mengajak) asks others to act


@cache
def _deadline() -> re.Pattern:
    """"paling lambat akhir April 2025", "hingga akhir tahun ini", "pada triwulan III"."""
    lead, part = alternation(phrases("deadline_lead")), alternation(phrases("deadline_part"))
    period, month = alternation(phrases("deadline_period")), alternation(months())
    return re.compile(rf"\b(?:{lead})\s+(?:(?:{part})\s+)?(?:(?:{period})(?:\s+[IV]+)?|(?:\d{{1,2}}\s+)?(?:{month})(?:\s+\d{{4}})?|\d{{4}})(?![\w])", re.I)


@cache
def _number_unit() -> re.Pattern:
    units = alternation(phrases("target_unit"))
    return re.compile(rf"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>{units})(?![\w])", re.I)


@cache
def _cue_patterns() -> list[tuple[re.Pattern, str]]:
    by_kind: dict[str, list[str]] = {}
    for cue, kind in load_rules().cues:
        by_kind.setdefault(kind, []).append(cue)
    return [(re.compile(rf"(?<![\w-])(?:{alternation(cues)})(?![\w-])", re.I), kind)
            for kind, cues in by_kind.items()]


@cache
def _imperative() -> re.Pattern:
    """A sentence that opens with an order: a verb stem with an imperative suffix ("Laksanakan
    tupoksi", "Pahami target"), after an optional lead ("Jadi", "Untuk itu,")."""
    lead = alternation(phrases("imperative_lead"))
    suffix = alternation(phrases("imperative_suffix"))
    known = alternation(phrases("imperative_word"))
    return re.compile(rf"^[\s“\"]*(?:(?:{lead})\s*,?\s+)?(?P<verb>(?:{known})|[A-Za-z]{{3,}}(?:{suffix}))(?![\w-])", re.I)


def _is_imperative(sentence: str) -> bool:
    m = _imperative().match(sentence)
    if not m:
        return False
    verb = m.group("verb").lower()
    if verb in phrases("imperative_word"):
        return True  # "Jaga diri …", "Pertahankan akreditasi …": orders the prefix rules would miss
    if len(verb) < 6:
        return False
    if verb.endswith("si"):
        return False  # "Relokasi", "Evaluasi": nouns, not orders
    if verb in phrases("imperative_not_word") or verb in load_rules().not_names:
        return False
    return not any(verb.startswith(p) for p in phrases("imperative_not_prefix"))


AMOUNT = re.compile(r"\d+(?:[.,]\d+)*(?!\d)(?<!\b(?:19|20)\d\d)|\b(?:19|20)\d\d(?=[.,]\d)")  # a number, not a bare year


def _affirmed(pattern: re.Pattern, sentence: str, kind: str) -> re.Match | None:
    """The first cue of a kind that is not denied ("tidak bisa diselesaikan" sets no target)."""
    for m in pattern.finditer(sentence):
        if kind not in KIND_ORDER or not phrase_before("cue_negated").search(sentence, max(0, m.start() - 20), m.start()):
            return m
    return None


@cache
def _purpose_clause() -> re.Pattern:
    lead, connective = alternation(phrases("purpose_lead")), alternation(phrases("purpose_not"))
    return re.compile(rf"^[\s“\"]*(?:{lead})\s+(?!(?:{connective})\b)[^,.;]{{3,100}},\s*", re.I)


@cache
def _condition_clause() -> re.Pattern:
    return re.compile(rf"^[\s“\"]*(?:{alternation(phrases('condition_lead'))})\s+[^,.;]{{3,120}},\s*", re.I)


@cache
def _verb_then_link(verbs: str, links: str) -> re.Pattern:
    """A verb group then, within the clause, a link group: "mengingatkan/menegaskan … agar …"
    (directive_*) and "mengingatkan para camat untuk …" (remind_*) tell others what to do."""
    verbs, links = alternation(phrases(verbs)), alternation(phrases(links))
    return re.compile(rf"(?<![\w-])(?:{verbs})(?![\w-])[^.;]{{0,80}}?(?<![\w-])(?:{links})(?![\w-])", re.I)


def classify(sentence: str, quoted: bool = False, named: bool = False) -> str | None:
    """pledge | target | instruction, or None for a statement.

    Strong cues (menargetkan, meminta, berjanji …) decide by precedence target > instruction >
    pledge. Weak cues count only alone:
    - "harus", "wajib", "jangan" (weak_instruction) order others, except where a rule is
      restated ("sesuai peraturan, bupati harus …"); with the speaker's own side ("harus kita
      turunkan") they are a pledge;
    - a sentence that opens with an imperative ("Laksanakan tupoksi") is an instruction;
    - a deadline ("paling lambat", weak_target) makes a target unless the sentence says when an
      event takes place ("rapat digelar pekan depan": schedule);
    - the noun "target" makes a target only with a number and no realisation ("realisasinya");
    - "akan" (weak_pledge) makes a pledge when someone of the speaker's side acts (quoted, a named
      official in the sentence, kami/pihaknya/Pemkab, a future passive), unless hedged, negated
      ("belum") or in someone else's relative clause ("yang akan"); not as a condition's consequence.
    """
    sentence = phrase_pattern("ignore_for_kind").sub(" ", sentence)  # "… dari target Rp 5 miliar": background, not a target set
    sentence = _purpose_clause().sub("", sentence, count=1)  # "Untuk menjamin transparansi, …": why, not what
    hits = {kind: m for pattern, kind in _cue_patterns() if (m := _affirmed(pattern, sentence, kind))}  # one pass over the cues
    found = set(hits)
    if "appeal" in found:
        found.add(APPEAL_AS)
    directive = (_verb_then_link("directive_verb", "directive_link").search(sentence)
                 or _verb_then_link("remind_verb", "remind_link").search(sentence))
    first_cue = min([m.start() for k, m in hits.items() if k in COMMITTING] + ([directive.start()] if directive else []),
                    default=len(sentence))
    past = _past().search(sentence, 0, first_cue)  # "pada 2024 lalu PAD ditargetkan …": told as past
    if past and phrase_pattern("contrast_joiner").search(sentence, past.end(), first_cue):
        past = None  # "tahun lalu banyak capaian, tapi harus ada koreksi": the order is now
    strong = next((k for k in KIND_ORDER if k in found), None)
    if strong == "instruction" and "regulation" in found and \
            0 <= hits["instruction"].start() - hits["regulation"].end() <= 20:
        return None  # "peraturan menteri tersebut mewajibkan …": a rule restated, not the speaker's order
    if strong == "pledge" and "weak_instruction" in found and _obliged(sentence, hits["weak_instruction"], hits["pledge"]):
        return "instruction"  # "Kita wajib memastikan …", "OPD wajib berkomitmen …": demanded of others
    if strong == "instruction" and not past and ("weak_target" in found and not found & {"schedule", "hedge"}
                                                 or _minimum().search(sentence)):
        return "target"  # "meminta … paling lambat akhir Mei", "meminta setiap desa minimal tiga unit"
    if strong and not (strong != "instruction" and past):
        return strong
    if past and strong != "instruction" and not directive:
        return None  # background, not a commitment
    if "weak_instruction" in found and not found & {"regulation", "hedge", "relative"}:
        if _own_obligation(sentence, hits["weak_instruction"]):
            return "pledge"
        # "harus disusun … paling lambat sebulan setelah …": an order with a deadline sets a target
        return "target" if phrase_pattern("deadline_strict").search(sentence) and not found & {"schedule", "realisation"} \
            else "instruction"
    if directive:
        return "instruction"  # "mengingatkan kepala puskesmas agar tidak lagi …"
    if quoted and any(_is_imperative(opening) for opening in _order_openings(sentence)):
        return "instruction"  # orders are spoken: a reported sentence opening like this is narrative
    if "weak_target" in found and not found & {"schedule", "realisation", "hedge"}:
        if "weak_pledge" in found and not AMOUNT.search(sentence) and "target_noun" not in found \
                and phrase_pattern("pledge_actor").search(sentence):
            return "pledge"  # "Pemkab tahun depan akan memberlakukan kartu": a dated pledge, no figure to reach
        return "target"
    if "target_noun" in found and AMOUNT.search(sentence) and "realisation" not in found:
        return "target"
    relative = "relative" in found and not _relative_own().search(sentence)  # "yang akan kami laksanakan" is ours
    hedged = "hedge" in found and _hedge_governs(sentence, hits["hedge"], hits.get("weak_pledge"))
    if "weak_pledge" in found and "negation" not in found and not hedged and not relative:
        if "conditional" in found and not phrase_pattern("pledge_actor").search(sentence):
            return None  # "Kalau lingkungan tidak bersih, nyamuk akan berkembang": a consequence
        if quoted or named or phrase_pattern("pledge_actor").search(sentence) or _future_passive().search(sentence):
            return "pledge"  # "kami akan", "akan kami evaluasi", "Pemkab akan": the speaker's side acts
    return None


def _order_openings(sentence: str) -> list[str]:
    """Where a spoken order may open: the sentence, after a condition ("Kalau …, segera
    koordinasikan"), its last comma clause ("…, berapa biayanya, segera usulkan")."""
    openings = [sentence, _condition_clause().sub("", sentence, count=1)]
    return openings + [sentence.rsplit(",", 1)[-1]] if "," in sentence else openings


def _own_obligation(sentence: str, must: re.Match) -> bool:
    """"kami harus", "harus kami lakukan": the speaker's own side is bound, a pledge."""
    return bool(phrase_pattern("first_person").search(sentence[max(0, must.start() - 12):must.end() + 8]))


def _obliged(sentence: str, must: re.Match, pledge: re.Match) -> bool:
    """"harus/wajib" right before a pledge verb, said of others (not "kami harus memastikan")."""
    return 0 <= pledge.start() - must.end() <= 25 and not _own_obligation(sentence, must)


@cache
def _minimum() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases('minimum_quantity'))})\s+(?:\d|(?:{alternation(phrases('number_word'))})(?![\w-]))", re.I)


def _hedge_governs(sentence: str, hedge: re.Match, weak: re.Match | None) -> bool:
    """"Semoga …, dan kami akan menerima beliau": a hedge in an earlier clause leaves the pledge
    after "dan"/"tetapi" standing; one in the same clause ("kami berharap akan …") cancels it."""
    if not weak or hedge.start() > weak.start():
        return True
    return not _clause_break().search(sentence, hedge.end(), weak.start())


@cache
def _clause_break() -> re.Pattern:
    return re.compile(rf",\s*(?:{alternation(phrases('clause_joiner'))})\s", re.I)


@cache
def _relative_own() -> re.Pattern:
    """"yang akan kami laksanakan", and the cleft "pemerintah yang akan merawat", "Dinas PUPR
    yang akan memanggilnya": the speaker's side or a government is the one who will act."""
    actor = alternation(phrases("pledge_actor"))
    return re.compile(rf"(?<![\w-])yang\s+akan\s+(?:{actor})(?![\w-])"
                      rf"|(?<![\w-])(?:{actor})(?:\s+[A-Z][\w-]*){{0,2}}\s+yang\s+akan(?![\w-])", re.I)


@cache
def _past() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases('past_marker'))})(?![\w-])|\b(?:19|20)\d{{2}}\s+lalu\b", re.I)


@cache
def _future_passive() -> re.Pattern:
    prefixes = alternation(phrases("passive_prefix"))
    return re.compile(rf"(?<![\w-])akan\s+(?:\w+\s+)?(?:{prefixes})[a-z]{{3,}}", re.I)


def target_details(sentence: str) -> tuple[float | None, str | None, str | None]:
    value = unit = None
    m = _number_unit().search(sentence)
    if m:
        value = float(m.group("value").replace(".", "").replace(",", ".")) if "," in m.group("value") or \
            re.fullmatch(r"\d+", m.group("value")) else float(m.group("value"))
        unit = "%" if m.group("unit").lower() in ("%", "persen") else m.group("unit")
    d = _deadline().search(sentence)
    return value, unit, d.group().strip() if d else None
