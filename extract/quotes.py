"""Direct quotations and who said them: attribution after ("…," ujar Budi), before
(Kata Budi, "…"), split, with -nya verbs (tegasnya), pronouns and titles resolved."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.names import parse_name
from extract.rules import alternation, load_rules, phrases

OPEN, CLOSE = "“\"", "”\""
MIN_QUOTE_WORDS = 4


@cache
def _attribution_end() -> re.Pattern:
    """Where the speaker phrase after a speech verb ends ("kata Abdul Gani saat ditemui …")."""
    return re.compile(rf"[.;:!?“”\"]|\s(?:{alternation(phrases('attribution_end'))})\s", re.I)


@dataclass
class Quote:
    start: int          # offsets of the quoted text, marks excluded
    end: int
    text: str
    attribution: str | None = None   # raw speaker text found ("Wali Kota Maulana", "nya", "Ia")
    attr_pos: int | None = None
    continues: bool = False          # paragraph of a multi-paragraph quote that does not close


@cache
def _verbs() -> tuple[re.Pattern, re.Pattern]:
    r = load_rules()
    bare = [v for v in r.speech_verbs if " " not in v]
    verbs = alternation(r.speech_verbs + [f"{v}nya" for v in bare if not v.startswith("me")])
    after = re.compile(rf"^\s*[,.]?\s*(?:(?:demikian|begitu)\s+)?(?P<verb>{verbs})(?![\w])(?P<rest>[^\n]{{0,120}})", re.I)
    before = re.compile(rf"(?P<who>[^\n.\"“”]{{0,120}}?)\s*(?:(?P<verb>{verbs})|menurut(?:nya)?|kata)(?:\s+(?:bahwa|pula|juga))?\s*[,:]?\s*$", re.I)
    return after, before


def _speech_after(tail: str) -> bool:
    return bool(_verbs()[0].match(tail))


def find_quote_spans(text: str) -> list[Quote]:
    quotes = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        i = 0
        lead = len(p_text) - len(p_text.lstrip())
        # sites that type ” (or ') for both marks open a paragraph with it: ”Sebenarnya … 100 persen,”
        misopened = p_text[lead:lead + 1] in ("”", "'") and p_text.find(p_text[lead], lead + 1) > lead + 1
        while i < len(p_text):
            ch = p_text[i]
            if ch == '"' and re.match(r"[,.!?)]", p_text[i - 1:i]) and _speech_after(p_text[i + 1:]):
                i += 1  # '… urusi)," kata X': the close of a quote opened paragraphs before, not an opening
                continue
            if ch in OPEN or (misopened and i == lead):
                closing = "”" if ch in "“”" else "'" if ch == "'" else '"'
                j = p_text.find(closing, i + 1)
                if ch == "“":  # "…, “ kata Bupati": an opening mark typed after the words closes them
                    wrong = re.search(r"[,.!?]\s?“", p_text[i + 1:])
                    if wrong and (j == -1 or i + 1 + wrong.end() - 1 < j):
                        j = i + 1 + wrong.end() - 1
                if ch == '"' and j == -1:
                    j = p_text.find("”", i + 1)
                if ch == "“" and j == -1:  # “…," ungkap Gubernur: marks of two kinds, one quotation
                    j = p_text.find('"', i + 1)
                if j == -1:  # opens but never closes in this paragraph: a multi-paragraph quote
                    quotes.append(Quote(p_start + i + 1, p_start + len(p_text), p_text[i + 1:].strip(), continues=True))
                    break
                quotes.append(Quote(p_start + i + 1, p_start + j, p_text[i + 1:j]))
                i = j + 1
                continue
            i += 1
    return [q for q in quotes if len(q.text.split()) >= MIN_QUOTE_WORDS]


def attribute(text: str, quotes: list[Quote]) -> None:
    after, before = _verbs()
    for q in quotes:
        tail = text[q.end + 1:q.end + 200] if not q.continues else ""
        m = after.match(tail)
        if m:
            verb, rest = m.group("verb"), m.group("rest")
            q.attr_pos = q.end + 1 + m.start("verb")
            if verb.lower().endswith("nya"):
                q.attribution = "nya"
            else:
                q.attribution = _attribution_end().split(rest, 1)[0].strip(" ,")
            continue
        line_start = text.rfind("\n", 0, q.start) + 1
        head = text[line_start:q.start - 1]
        m = before.search(head)
        if m and m.group("who").strip():
            q.attribution = m.group("who").strip(" ,")
            q.attr_pos = line_start + m.start("who")
    # a multi-paragraph quote takes the attribution of the paragraph that closes it
    for i in range(len(quotes) - 2, -1, -1):
        if quotes[i].continues and quotes[i].attribution is None:
            quotes[i].attribution, quotes[i].attr_pos = quotes[i + 1].attribution, quotes[i + 1].attr_pos


def speaker_text(attribution: str) -> tuple[str, str]:
    """Split attribution text into ('name', bare) / ('pronoun', word) / ('title', text)."""
    words = attribution.split()
    if not words:
        return "none", ""
    if words[0].lower() in load_rules().pronouns or attribution == "nya":
        return "pronoun", words[0].lower()
    for i in range(len(words)):
        if words[i][:1].isupper():
            offset = len(" ".join(words[:i])) + (1 if i else 0)
            parsed = parse_name(attribution, offset)
            if parsed:
                return "name", attribution[:parsed.end]
    return "title", attribution
