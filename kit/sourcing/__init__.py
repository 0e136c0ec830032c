"""Who speaks in an article, how, and what nobody is said to have said.

`analyse(article)` finds every *attribution*: a source (a person, an
institution, a news agency or an anonymous description), the *cue* that marks
the speech ("said", "according to", "claimed") and what was said, either in
quotation marks (*direct*) or in the writer's words (*indirect*).

The rules, each with an id a student can look up in
`lexicons/sourcing_patterns.csv`:

* A direct quotation takes its speaker from the cue right after it
  (`"...," Putin said`, `"...," said Putin`) or right before it
  (`Putin said: "..."`). A quotation with no cue of its own continues the
  nearest attribution: the other half of a split quote, the same multi-paragraph
  quotation, the same paragraph, or (news convention) the paragraph before.
* Reported speech is a cue verb from `lexicons/cue_verbs.csv` with a source as
  its subject (`Putin said that ...`, `..., Interfax reports.`) or
  "according to" a source.
* The source phrase is read by `mentions` and linked by `speakers`: names are
  linked to one person, "he" to the last person who spoke, "the Russian leader"
  to the last person whose title and country fit.
* An *unattributed claim* is a body sentence in the outlet's own voice (no
  quotation, no cue verb, no "according to") that contains a word from
  `lexicons/sourcing_claim_markers.csv`: a forecast ("will"), a necessity
  ("should"), a claim about intentions ("is ready to"), a judgement
  ("ridiculous") or a superlative. Plain facts (dates, places, who met whom)
  have no such word and are not listed.

One module per kind of extraction, each a set of functions over one
`context.Context`: `cues` (which words mark speech), `phrases` and `subjects`
(the phrase that names the source), `mentions` (what kind of source it is),
`speakers` (who it is; `names` and `antecedents` find a person again and what
"he" or "the minister" points back to, with `recency`), `direct`, `reported`,
`claims`, `headlines`; `assemble` turns what they found into results
(`model`). The order of the passes is in one function, `pipeline.analyse`.

Every pass is linear (or n log n) in the text, whatever the text
(`benchmarks/scaling.py --group sourcing`), and checks the report's time
budget (`steps.checked`, `kit.budget`).
"""

from kit.sourcing.cues import CueLexicon, builtin_cues, load_cues
from kit.sourcing.mentions import (
    Mention,
    Noun,
    is_document,
    lookup,
    lookup_noun,
    parse_mention,
)
from kit.sourcing.model import (
    LABELS,
    UNATTRIBUTED_RULE,
    Attribution,
    Kind,
    SourceType,
    Sourcing,
    SpeakerSummary,
    Unattributed,
    patterns,
    short_label,
)
from kit.sourcing.pipeline import analyse
from kit.sourcing.speakers import Entity, SpeakerBook, edit_distance

__all__ = [
    "LABELS",
    "UNATTRIBUTED_RULE",
    "Attribution",
    "CueLexicon",
    "Entity",
    "Kind",
    "Mention",
    "Noun",
    "SourceType",
    "Sourcing",
    "SpeakerBook",
    "SpeakerSummary",
    "Unattributed",
    "analyse",
    "builtin_cues",
    "edit_distance",
    "is_document",
    "load_cues",
    "lookup",
    "lookup_noun",
    "parse_mention",
    "patterns",
    "short_label",
]
