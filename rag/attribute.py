"""Who says each sentence of an article, and how: one `Attribution` per sentence span.

Rules over the text first: regular expressions find the cues of each sentence (a reporting
verb and the phrase before or after it, quote marks, "according to", a "Name:" label), and a
small state machine walks the article in order carrying what a sentence alone cannot say: the
quote left open by the previous sentence, the transcript label in force, the last named
speaker (whom "he" and "the diplomat" refer to), and whether the reader comments have begun.

Names are resolved against the people the whole article names: "Deputy Foreign Minister
Sergey Ryabkov" and "Sergey Ryabkov, Deputy Minister of ..." register Sergey Ryabkov with his
role, so a later "Ryabkov said" gets the full name and role, "he said" the last speaker, and
"the Russian diplomat said" the named person whose role fits.

Where the rules find no cue in a sentence that holds a common reporting word ("said", "told",
"according to", ...; about 2.5 sentences of a news-dev article), a second finder is asked:
rag/parse.py's reading of spaCy's dependency parse (RAG_ATTRIBUTION_PARSER; '' for the rules
alone), passed in as `attribute(article, finder)`; its cue goes through the same state machine
and obeys the rules' "no one speaks" exceptions. Chosen by measurement (bench/attribution_spacy.py,
README "Who says what"): on twelve news-dev articles neither side was tuned on, the rules with the
parser found direct speakers at P/R 0.80/0.77 against 0.74/0.68 for the rules alone, indirect
0.71/0.68 against 0.61/0.40; on all 333 dev sentences, once the rules had learnt those articles'
patterns, the two are level; on the 285 held-out sentences kind accuracy rises from 0.84 to 0.87
and indirect speakers trade precision for recall (0.83/0.53 -> 0.76/0.58). The parse costs
11-13 ms per news-dev article (the rules 6-8), against ~230 ms of embedding; spaCy alone in
place of the rules costs 75-85 ms and finds less.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from itertools import islice
from dataclasses import dataclass
from typing import Protocol

from .metadata import KNOWN_DOMAINS
from .text import STOPWORDS, TITLE_END, sentence_spans
from .types import Article, Attribution, Kind, SpeakerPhrase

#: Stored with the index (with the parser's name and version, see `attribution_version`):
#: attributions made by other rules are made again by the next sync (text only, nothing
#: re-embedded). Bump it whenever the rules change what they return.
ATTRIBUTION_VERSION = "42"


class SpeakerFinder(Protocol):
    """A second speaker finder for the sentences the rules find no cue in (rag/parse.py)."""

    version: str  # its name and version, stored with the index

    def speakers(self, sentences: Sequence[str], quoted: Sequence[Sequence[tuple[int, int]]]
                 ) -> list[SpeakerPhrase | None]:
        """Each sentence's speaker phrase, ignoring words inside its quoted character ranges."""
        ...


def attribution_version(finder: SpeakerFinder | None) -> str:
    """What the index stores: the rules' version, and the parser's when one fills their gaps."""
    return ATTRIBUTION_VERSION + (f"+{finder.version}" if finder is not None else "")

# --- Vocabulary ------------------------------------------------------------------------------

# Verbs that report speech. Past and present third person; "accuse"/"say" without the -s are
# too often parts of other clauses ("whom they accuse Russia of ...").
_VERBS = """said says told tells added adds claimed claims accused accuses stated noted notes
insisted insists warned warns denied denies stressed stresses explained explains argued argues
concluded concludes confirmed confirms reported reports expressed criticized criticised labeled
labelled wrote writes questioned emphasized emphasised asserted asserts admitted admits
acknowledged acknowledges suggested complained urged replied responded announced announces
recalled recalls vowed vows decried condemned condemns apologized apologised
described describes tell voiced informed declared declares say argue warn claim insist
recommend recommends recommended suggests assures assured commended praised praises criticizes
criticises denounced denounces lamented laments touted touts alleged alleges
blamed blames slammed reiterated reiterates portrayed portrays testified boasted suggest estimate predict
expect believe cautions""".split()
# A headline's verbs are capitalised: "Russia Accuses U.S. of Failing to Cooperate".
_HEADLINE_VERBS = "Says Accuses Warns Claims Denies Insists Urges Vows Slams Blames Condemns".split()
# Verbs that report what someone holds or found only with a "that" clause: "estimates that".
_THAT_VERBS = """estimated estimates noticed signaled signalled predicted predicts revealed reveals
conceded concedes maintained maintains contended contends cautioned tweeted posted found finds
believes believed thinks think hopes hoped indicated indicates highlighted highlights mentioned
promised promises""".split()
# Views and expectations hold a clause with or without "that": "Kloza believes the average
# will reach $4", "Kloza expects that record to fall".
_VIEW_VERBS = "believes believed expects expected predicts predicted thinks".split()
# "Hurley called the situation a “dire, catastrophic situation”": calling a thing by quoted
# words is saying them (not "called for", "called 911").
_VERB = re.compile(r"\b(?:" + "|".join(_VERBS + _HEADLINE_VERBS)
                   + r"|pointed out|(?<=been )(?:warning|saying|arguing|claiming|insisting)"
                   + r"|called(?= (?:\S+ ){1,10}?\u2042)|(?:"
                   + "|".join(_THAT_VERBS) + r")(?= (?:[\w ]{0,30} )?that\b)|(?:" + "|".join(_VIEW_VERBS)
                   + r")(?= (?:the |a |an |that |this |these |it |they |prices |[A-Z]\w* )(?:[\w'’$%.,-]+ ){0,5}?"
                   r"(?:will|would|could|might|may|should|can|is|are|was|were|to)\b))\b")
# ("have been warning the court was leaning ...": speech going on, a cue as "warned" is.)
# Words that may sit between a subject and its verb: "Russia has repeatedly insisted".
_BETWEEN = frozenset("""has have had also again repeatedly further later earlier previously then
once recently reportedly publicly officially is was would will has been first initially originally
already""".split())
# Nouns that head a description of a speaker: "one official", "the Russian diplomat".
_ROLE_NOUNS = frozenset("""official officials spokesman spokeswoman spokesperson diplomat
diplomats president minister ministers analyst analysts newspaper paper daily agency ministry
military government department source sources expert experts army leader leaders commander
commanders journalist journalists officer officers representative representatives envoy
ambassador secretary statement report personnel chief head adviser advisor aide aides lawmaker lawmakers
senator premier kremlin pentagon white house website channel broadcaster""".split())
# Groups that speak as one, unnamed and without an article: "police said", "health authorities
# have noted".
_GROUP_NOUNS = frozenset("""police authorities officials witnesses prosecutors investigators
researchers scientists doctors residents organizers organisers critics activists lawyers
attorneys observers protesters experts analysts sources officers deputies firefighters
paramedics troopers regulators economists witness resident neighbor neighbour doctor scientist
researcher lawyer attorney prosecutor investigator activist critic victim survivor""".split())
# Titles of local offices and professions that stand before a name as a title does ("Supervisor
# Steve Gallardo", "County Recorder Adrian Fontes"), not part of it.
_LOCAL_TITLES = frozenset("""supervisor recorder clerk treasurer auditor comptroller councilman councilwoman
councillor alderman assemblyman assemblywoman congressman congresswoman scientist economist researcher
minority majority whip speaker analyst correspondent commentator contributor editor reporter columnist pundit
anchor host""".split())
# Words of a title, which precede a name ("Deputy Foreign Minister") and are not a name.
_TITLE_WORDS = frozenset("""president vice prime minister deputy foreign defense defence
secretary state spokesman spokeswoman spokesperson ambassador envoy general chief director
chairman chairwoman senator governor mayor king queen prince commander admiral colonel captain
lieutenant major sergeant leader head adviser advisor aide official representative chancellor
premier justice judge attorney mr mrs ms dr sir lord affairs interior finance economy
department ministry office house council committee army air force navy military intelligence
of the for and staff security national federal senior top former acting first sheriff marshal
coach commissioner superintendent detective inspector trooper professor ceo founder
manager executive pastor bishop reverend officer administrator chair chairperson keeper""".split()) | _LOCAL_TITLES
# The heads of a title: a capitalised run holding one of these names a person's office.
_ROLE_HEADS = frozenset("""president minister secretary spokesman spokeswoman spokesperson
ambassador envoy general chief director chairman chairwoman senator governor mayor king queen
prince commander admiral colonel leader adviser advisor aide official representative
chancellor premier sheriff marshal coach commissioner superintendent detective inspector
professor ceo founder manager executive pastor bishop judge administrator chair chairperson
keeper""".split()) | _LOCAL_TITLES
# Place adjectives a role drops: "Russian Deputy Foreign Minister" -> "Deputy Foreign Minister".
_DEMONYMS = frozenset("""Russian Russia's Syrian Syria's American America's US U.S. UK U.K.
British Britain's Iranian Iran's Iraqi Turkish Israeli Chinese French German Saudi Ukrainian
Kurdish Egyptian Jordanian European Qatari Lebanese NATO EU""".split())
# Parties a description names its person by: "the Republican leader" is the leader named.
_PARTIES = frozenset("Republican Democratic Democrat GOP Conservative Labour Liberal Tory".split())
# A sentence the splitter ended at a middle initial: "Philip J." (then "Hanlon said ...").
_INITIAL_END = re.compile(r"(?:^|\s)[A-Z][a-z]+ [A-Z]\.$")
# '... Rhode Island," U.S.' | "House Speaker Nancy Pelosi said Saturday.": a country's initials
# the splitter ended a sentence at, before a titled name and its verb, are one sentence with it.
_COUNTRY_END = re.compile(r"(?:^|\s)(?:U\.S|U\.K|U\.N|E\.U)\.$")
_TITLED_VERB = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,6}(?:said|says|told|added|wrote|noted|warned|stated)\b")
# "Sergey Ryabkov, Deputy Minister of ...", "Terry Gainer, former chief of the U.S. Capitol
# Police": a role after a name, initials ("U.S.") within it.
_INITIALS_DOT = r"(?<=[A-Z]\.[A-Z])\.(?= (?!(?:He|She|It|They|The|A|In|But|And)\b)[A-Z])"
_APPOSITIVE_ROLE = re.compile(r"\b((?:[A-Z][\w’'-]+ ){1,3}[A-Z][\w’'-]+), (?:a |an |the )?"
                              rf"((?:[^,.;\n“\"]|\.(?=[A-Z]\.)|{_INITIALS_DOT}){{3,120}}?)"
                              rf"(?=[,;\n]|(?!{_INITIALS_DOT})\.(?![A-Z]\.)|$| said| told)")
# "Terry Gainer, former chief of the U.S." | "Capitol Police ..., described the protests as ...":
# an organisation's name the splitter cut after its country goes on.
_OF_COUNTRY_END = re.compile(r"\bof the (?:U\.S|U\.K|U\.N|E\.U)\.$")
# Capitalised words that are not part of a person's name.
_NOT_NAME = _DEMONYMS | frozenset("""The A An In On At By For But And Or If As So Then However
Meanwhile Earlier Later Instead Despite While When After Before Since Speaking Commenting
Although Though Because What Whether Why How Unless Until Whatever Appearing
According Also Still Yet This That These Those It Its He She They We I You His Her Their Our
Islamic United States Kingdom Union Nations Free Army Air Force Forces Ministry Department
State Defense Defence Foreign Center Centre Council Coalition Agency Front Republic Federation
Government Office House Kremlin Pentagon Washington Moscow Russia Syria Iraq Iran Turkey
Question Answer Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December GMT Read More
Listen Live Posted Support Community No Comment Comments Reply
Should Would Could Must Might Shall Can Did Does Do Is Are Was Were Has Have Had""".split())
# Words that open a clause after a name and a comma, where a role would stand: "Greg Penner, were
# introduced by ...".
_CLAUSE_OPENERS = frozenset("""were was is are who which whose whom said says told has have had
will would could should can may might did does do""".split())
# Words that open a sentence before a title: "When Springville Fire Chief Henry Clinton arrived".
_OPENERS = frozenset("""When While After Before As Since If Although Though Because Once Then But
And So Meanwhile Earlier Later Instead Despite Also Still Yet However Speaking Commenting
According In On At By For With""".split())
# Media that pass words on, beyond the outlets metadata knows by domain.
_MEDIA = ["RIA Novosti", "Interfax", "TASS", "ITAR-TASS", "Sputnik", "RT", "Anadolu",
          "Channel One", "Rossiya 24", "NTV", "Izvestia", "Kommersant", "Vedomosti", "Xinhua",
          "Al Arabiya", "Reuters", "AP", "AFP", "Associated Press", "Free Beacon", "state television",
          "state TV", "NYT", "New York Times", "Washington Post", "Wall Street Journal", "WSJ",
          "Guardian"] + sorted(set(KNOWN_DOMAINS.values()))
_MEDIA_LOWER = {m.lower(): m for m in _MEDIA}
# Case-sensitive (an outlet's name is capitalised) and anchored on a capital: ten times
# faster than one case-insensitive alternation of every name.
_MEDIA_RE = re.compile(r"\b(?=[A-Zs])(?:" + "|".join(
    re.escape(m) for m in sorted(_MEDIA, key=len, reverse=True)) + r"|Channel one|state TV)\b")
_PRODUCT_AFTER = re.compile(r" (?:V\b|vaccines?\b|jabs?\b|shots?\b|doses?\b)")
_MEDIA_NOUN = re.compile(r" (?:newspaper|daily|news agency|agency|broadcaster|TV channel)\b")
_MEDIA_BEFORE = re.compile(r"(?:[A-Z]\w+(?:'s|’s) )?(?P<name>(?:The )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})$")
_MEDIA_WORDS = frozenset("""newspaper daily agency agencies broadcaster channel television tv
radio network magazine website site news outlet""".split())
_PRONOUNS = {"he", "she"}
_ACRONYM = re.compile(r"(?:the )?(?P<name>[A-Z][\w.'’-]*(?: (?:of |and |for |the )?[A-Z][\w.'’-]*){1,6})"
                      r"(?: said| says| announced)? \((?P<acr>[A-Z]{2,6})\)")
# A dateline before the first sentence: "Hong Kong (CNN)", "(CNN)", "CNN —".
_DATELINE = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} )?\((?:CNN|AP|AFP|Reuters)\)\s*")
# Role nouns that name a body, not a person: "the State Department said" is the department's.
_INSTITUTIONS = frozenset("""newspaper paper daily agency ministry military government department
statement report kremlin pentagon white house website channel broadcaster army""".split())
# What "the company said" may call a named organisation: "the airline" is Southwest, "the
# advisory panel" the Tsunami Science & Technology Advisory Panel named before it.
_ORG_HEADS = frozenset("""company companies firm airline carrier retailer chain brand maker
manufacturer automaker group organization organisation nonprofit charity committee panel body
council board commission team club league union association institute university college
hospital bank network station studio startup platform force foundation district campaign
party utility insurer lab laboratory school""".split())
# Heads general enough that the organisation last named or heard is meant ("Cinemark ..., the
# company said"); the others must be in the name ("the panel" is an "... Advisory Panel").
_ORG_GENERIC = frozenset("""company companies firm airline carrier retailer chain brand maker
manufacturer automaker startup insurer utility body group organization organisation nonprofit
charity""".split())
_ORG_RUN = re.compile(r"[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|&|of|and|for|the))*")
_SELF_NAMED = re.compile(r"\b(?:identified (?:himself|herself|themselves) as|named|called) "
                         r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})")
# "The Academy ... in a statement issued on Monday condemned": the body issues the statement.
_IN_STATEMENT = re.compile(r"(?:^|\s)(?P<who>(?:The )?[A-Z][\w.'’-]*(?: (?:of |and |for |the )?[A-Z][\w.'’-]*){0,6}),?"
                           r" in a (?:written |joint )?statement\b")
# Documents that speak for whoever issued them: "the statement said".
_DOCUMENTS = frozenset("statement report release document tweet post letter briefing".split())
_DOCUMENT_OWNER = re.compile(
    r"^(?:the |a |an )?(?P<owner>(?!(?:The|A|An|This|That|Its|His|Her|Their|Our)\b)[A-Z][\w.&-]*"
    r"(?: [A-Z][\w.&-]*){0,4}|its|(?:the|a) (?:company|agency|ministry"
    r"|department|government|police|army|military|firm|organi[sz]ation|council|committee|commission|office|lottery"
    r"|airline|retailer|university|hospital|school|district|county|city|state))(?:['’]s|(?<=s)['’])? "
    r"(?:own |official |latest |new |press )?(?:announcement|statement|website|site|release|report|filing|post|tweet"
    r"|letter|records?|data|figures)(?: (?:shared|released|issued|posted|published|sent) (?:by|on|to) .*)?$"
    r"|^(?:the )?(?:figures|data|numbers|statistics) (?P<collector>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) "
    r"(?:collected|compiled|released|published|gathered)\b.*$")
# A subject cut off from its verb by a relative clause or appositive: "Xi, who spoke at ..., ".
_SUBJECT_CLAUSE = re.compile(
    r"(?:^|[\s(])(?P<who>(?:[Tt]he )?[A-Z][\w.'’-]*(?: (?:of |for |and )?[A-Z][\w.'’-]*){0,4}"
    r"|[Tt]he [a-z]+(?: [a-z]+)?), "
    r"(?:who|whose|a|an|the)\b[^,;\u2042]{1,200}, $")
# A person's name and an appositive without an article: "Matt Blanchette, senior manager of
# communications with CVS Pharmacy, told CNN", "Jeff Miller, NFL senior vice president, said".
_NAME_APPOSITIVE = re.compile(r"(?:^|[\s(])(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}), "
                              r"(?:[A-Z][\w.&'’-]* ){0,3}[a-z][^,;\u2042]{1,200}, $")
# A description, then the name it describes, between commas: "Britain's ambassador to
# Afghanistan, Laurie Bristow, said" (he speaks, not Afghanistan).
_DESCRIBED_THEN_NAMED = re.compile(r"(?:^|\s)(?:[\w.'’-]+\s+){0,6}[a-z][\w'’-]*\s+(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+,\s"
                                   r"(?P<who>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}),\s$")
# A name, then a description holding a relative clause and no closing comma: "Neil Borkan,
# the Taco Bell franchisee who will operate the Chicago location told USA TODAY" (he speaks).
_DESCRIBED_NAME = re.compile(r"(?:^|[\s(])(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}), (?:the|a|an) "
                             r"[^,;\u2042]{1,120}?\b(?:who|that)\b[^,;\u2042]{1,150}$")
# ... and "Jeanine Robbins, 60, of Anaheim, who ...": her age and town.
_AFFILIATED = re.compile(r"(?:^|\s)(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,2})(?:, \d{1,3},)? (?:of|from|at|with) "
                         r"(?:the |an? )?(?:[a-z]+ ){0,2}$")
# A participle whose speaker is the subject of its sentence: "Officials seized toys, saying ...".
_PARTICIPLE = re.compile(r"(?:, |\bby |\bwhile )(?:also |then |again |repeatedly )?"
                         r"(?P<verb>saying|adding|urging|warning|arguing|insisting|"
                         r"claiming|noting|announcing|accusing|stressing|explaining|asking|calling|telling)\b"
                         r"(?! [\d$])(?!(?<=adding) to\b)")  # not "adding 85,476 cases", "adding to"
_INTERVIEWER = frozenset({"question", "q", "answer", "a", "interviewer", "host", "moderator",
                          "reporter", "journalist", "anchor"})

# --- Patterns over lines -----------------------------------------------------------------------

_FURNITURE = re.compile(
    r"""(?ix)^(?:listen\ live|get\ short\ url|advertisement|menu|share(?:\ this)?|print|email
        |read\ more\b.*|related(?:\ articles|\ stories|\ coverage|\ content)?:?|see\ also:?
        |community\ standards.*|comments?|\d+\ comments?|no\ comments?|leave\ a\ (?:comment|reply)
        |reply|report|like|subscribe\b.{0,60}|sign\ up\b.{0,60}|skip\ to\b.{0,60}
        |support\ [^\n]{1,60}!
        |posted\ by\ [^\n]{1,80}?\ on\ [^\n]{1,40}?(?://|\|).*   # "Posted by X on DATE // ..."
        |\d{1,2}:\d{2}\b.{0,60}                                   # a clock line
        |[^()\n]{2,80}\ \(\d{1,6}\)                               # a story tag "Words (618)"
        |(?:published|updated|last\ updated)\b(?=[^\n]*\d)[^\n]{0,60}
        |(?:photo|image|credit)s?:\ .{1,80}
        |read\ the\ rest\b.*|more:\S.*                      # links to other stories
        |[^\n:]{3,80}:(?-i:(?=[A-Z'‘"“]))[^\n]{3,200}        # a teaser "Headline:Other headline" (a capital)
        |get\ [^\n]{0,60}\bnewsletter\b.*|.{0,120}\bdelivered\ to\ your\ inbox\b.*
        |(?:--|[—–])\ ?[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){1,3}   # a signature "-- John Fritze"
        |.{0,200}\bcontributed\ (?:reporting|to\ this\ report)\.?
        |(?:just\ watched|must\ watch|replay\ more\ videos)\b.*     # a video player's captions
        |(?-i:[A-Z][A-Z&'’ ]{2,40}[A-Z])                          # a section head "BREAKFAST BROWSE"
    )$""")
# A photo credit: "Russian Defense Minister Sergei Shoigu Russian Defense Ministry / AP".
_CREDIT = re.compile(r"^[^.!?\n]{2,160}\s/\s*[A-Z][\w .&'-]{0,40}$")
# The line after a quote naming who said it after a dash: "-- Former Obama energy adviser
# Jason Bordoff, on ..." (CNN's "TODAY'S QUOTE").
_DASH_SPEAKER = re.compile(r"^\s*(?:--|—|–)\s*(?:[\w.'’-]+\s+){0,6}?"
                           r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2})\s*(?:,|$)")
# An embedded tweet's signature, and the tweet's own line (its links).
_TWEET_SIG = re.compile(r"^[—–-]\s*(?P<name>[^()\n]{1,40}?)\s*\(@\w{1,15}\)")
_TWEET_BODY = re.compile(r"pic\.twitter\.com/|https?://t\.co/")


def tweet_signer(line: str) -> str | None:
    """Whose account an embedded tweet's signature names ("— RT (@RT_com) November 13, 2015": RT)."""
    return m.group("name") if (m := _TWEET_SIG.match(line.strip())) else None


# "Vladimir Putin: ..." or "Question: ..." at the start of a line.
_LABEL = re.compile(r"^(?P<label>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s*(?=\S)")
# Where reader comments begin: a commenter's header ("Sunni man wrote: ...", "jdoe says:" alone on
# its line), "12 Comments", "Leave a Reply", a username-and-time line "jdoe on October 8, 2015 at
# 3:14 pm". Everything after the first is comments, since a blog prints its comments after the
# article and nothing after them. News quotes people the same way ("Biden said:", "As Nate
# says:", "Another user wrote:"), so a header's name must be a handle, not a phrase that opens
# with a function word, and not a person the article names (see `_comment_header`).
_COMMENT_HEADER = re.compile(r"^(?P<who>[\w.'’-]{2,30}(?: [\w.'’-]{1,30}){0,2}) (?:wrote:(?:\s|$)|says:$)")
_COMMENT_START = re.compile(
    r"""(?ix)^(?:\d+\ (?:comments|responses|replies)\b.*
        |(?:leave\ a\ (?:comment|reply)|reader\ comments|comments\ \(\d+\)|discussion)\s*$
        |[\w.'’-]{2,30}\ (?:on\ )?\w+\ \d{1,2},\ \d{4}\ at\ \d{1,2}:\d{2}\s*[ap]\.?m\.?.*
    )""")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")

# --- Patterns inside sentences -----------------------------------------------------------------

_TOKEN = re.compile(r"\S+")
_SPACES = re.compile("[\u00a0\u2007\u2009\u202f\t]")
_QUOTE_MASK = "\u2042"  # stands for a quotation when looking for its speaker
_INTERVIEW = re.compile(r"\binterview with (?:the )?(?P<via>[^,;.]{2,60}?)(?=,| on | published| in |$)")
# A full stop inside a name ("U.S. officials", "New York Gov. Kathy Hochul") does not end it.
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>(?:[^,;.]|\.(?=\S| [A-Z][a-z])|(?<=[A-Z])\.(?= [a-z])){2,80}?)"
                        r"(?=,|;|\.$|$| that )")
# The name after what "according to" cites, ending the sentence: ", Richard Moore."
_NAMED_AFTER = re.compile(r"(?:\s+(?:that|which|who)\b[^,;]{0,80})?,\s*"
                          r"(?P<name>[A-Z][\w'’&-]*(?:\.?\s?[A-Z][\w'’&-]*){0,4})\.?\s*$")
# What "according to" cites when it is no one's word: "according to plan", "according to the data".
_DATA_WORDS = frozenset("""data figures statistics numbers estimates tally count records plan plans
schedule supply demand rules law tradition""".split())
# "Bill Gertz of the Free Beacon": the affiliation is not part of the name.
_AFFILIATION = re.compile(r"^(?P<who>(?:[A-Z][\w.'’-]* ){1,2}[A-Z][\w.'’-]*) (?:of|from|at) .*$")
_HEADLINE_LABEL = re.compile(r"^(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):\s")


@dataclass(frozen=True)
class _Person:
    name: str
    role: str | None


@dataclass(frozen=True)
class _Cue:
    who: str  # the speaker as the sentence gives it: "he", "Ryabkov", "the Russian diplomat"
    cue: str
    via: str | None


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    role: str | None = None
    person: bool = False


# --- Quotes --------------------------------------------------------------------------------------


# Two apostrophes close a quote in some wire copy ('... what Spirit offers,'' Geraghty said').
_QUOTE_CHAR = re.compile(r'[“”"]|\'\'')


def _quote_scan(sentence: str, depth: int) -> tuple[str, int, int, list[tuple[int, int]]]:
    """The sentence with quoted text masked, the quote depth after it, the longest quote's
    words, and the quoted character ranges."""
    quoted, start, longest = [], 0 if depth else None, 0
    n = len(sentence)
    for m in _QUOTE_CHAR.finditer(sentence):
        i, ch = m.start(), m.group(0)
        # A straight quote opens after a space or bracket and before a word; else it closes.
        opening = ch == "“" or (ch == '"' and (i == 0 or sentence[i - 1] in " ([—–“")
                                              and i + 1 < n and not sentence[i + 1].isspace())
        if opening:
            if depth == 0:
                start = i
            depth = min(depth + 1, 2)
        elif depth:
            depth -= 1
            if depth == 0 and start is not None:
                longest = max(longest, len(sentence[start + 1:i].split()))
                quoted.append((start, i + 1))
                start = None
    if depth and start is not None:
        longest = max(longest, len(sentence[start + 1:].split()))
        quoted.append((start, n))
    pieces, at = [], 0
    for a, b in quoted:
        pieces += [sentence[at:a], _QUOTE_MASK]
        at = b
    return "".join(pieces) + sentence[at:], depth, longest, quoted


def names_medium(text: str) -> str | None:
    """The news medium a text names ("RIA Novosti", "Interfax", "CNN"), if any."""
    m = _MEDIA_RE.search(text)
    return _MEDIA_LOWER.get(m.group(0).lower(), m.group(0)) if m else None


def is_demonym(word: str) -> bool:
    """Whether a word says where someone is from: "Russian", "Iranian", "Chinese"."""
    return word in _DEMONYMS or re.fullmatch(r"[A-Z][a-z]{2,}(?:ian|ean|ese)", word) is not None and (
        word not in _LIKE_DEMONYMS)


# Nouns ending as demonyms do, which say nothing of where anyone is from ("The Guardian").
_LIKE_DEMONYMS = frozenset("""Guardian Guardians Civilian Civilians Politician Physician Musician Technician
Historian Librarian Comedian Custodian Pedestrian Vegetarian Barbarian Median Meridian Christian""".split())


# --- The people, outlets and labels an article names ---------------------------------------------

# A particle is a whole word: "Ned Price deflected" is no run "Ned Price de".
_RUN_WORD = (r"(?:\[?[A-ZÀ-ÖØ-Þ][\w.'’-]*\]?|al-[A-Z][\w'’-]*"
             r"|(?:of|the|for|and|de|al|bin|von|van|president|spokesman|spokeswoman|minister)(?![\w'’-]))")
_CAP_RUN = re.compile(_RUN_WORD + r"(?:[ \t]+" + _RUN_WORD + ")*")
_WORD_END = re.compile(r"[a-z]{2}\.$")
# Latin-1 letters too: "Barthélémy Aguerre".
# "McCarthy", "MacArthur", "DeSantis", "O'Brien": a capital inside the name after its prefix.
_NAME_TOKEN = re.compile(r"(?:Mc|Mac|De|Di|Du|La|Le|O['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*"
                         r"|[A-Z]\.")


def _is_name_token(word: str) -> bool:
    return bool(_NAME_TOKEN.fullmatch(word)) and word not in _NOT_NAME and word.lower() not in _TITLE_WORDS


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """A capitalised run as (title words, name words): the name is its trailing name tokens."""
    words = [w.strip("[]") for w in words]
    n = len(words)
    # An owner is no part of the name after it: "Magazine's Helen Shaw" is Helen Shaw.
    while n > 0 and _is_name_token(words[n - 1]) and len(words) - n < 3 and (
            n == len(words) or not words[n - 1].endswith(("'s", "’s"))):
        n -= 1
    # "Keeper of the Privy Purse Michael Stevens": a title with "of" ends in its body's name,
    # which the person's name does not take three words from.
    title = [w.lower() for w in words[:n]]
    if len(words) - n == 3 and "of" in title and "the" in title[-2:]:
        n += 1
    return words[:n], words[n:]


def _clean_role(words: list[str]) -> str | None:
    # "Rishi Sunak and Foreign Secretary Liz Truss": the title after "and" is hers alone
    # (not "Secretary of Health and Human Services": no name stands before that "and").
    cut = max((k for k, w in enumerate(words) if w == "and" and k >= 2
               and _is_name_token(words[k - 1]) and _is_name_token(words[k - 2])), default=-1)
    words = words[cut + 1:]
    # "When Springville Fire Chief", "department Director Dr.": a sentence's opening word, a
    # lower-case word before the title (not "the mayor"), an abbreviated title after it are
    # no part of it.
    while words and (words[0] in _DEMONYMS or words[0] in _OPENERS
                     or words[0][:1].islower() and words[0] not in _ROLE_HEADS
                     or words[0].lower() in ("the", "a", "an", "of", "and") or words[0].endswith(("'s", "’s"))):
        words = words[1:]
    while words and (words[-1].lower() in ("of", "the", "for", "and") or TITLE_END.search(" " + words[-1])):
        words = words[:-1]
    if not any(w.lower() in _ROLE_HEADS for w in words):
        return None
    return " ".join(words) or None


class _Cast:
    """The people and media one article names, and who was named last."""

    def __init__(self, text: str):
        self.people: dict[str, _Person] = {}  # by last name
        self.order: list[str] = []  # last names, in order of first mention
        self.media: list[tuple[int, str]] = []  # (offset, name)
        self._titled: set[str] = set()
        # "the Qatari Ministry of Commerce and Industry said (MOCI)": MOCI is that ministry.
        self.acronyms: dict[str, str] = {}
        self._firsts: dict[str, _Person] | None = None  # lone given names, built when first needed
        self.text = text
        self._initials: dict[str, str | None] = {}  # acronyms spelled out, found when first asked
        self._names: dict[str, bool] = {}  # see `capitalised`
        for m in re.finditer(r" \([A-Z]{2,6}\)", text):
            if found := _ACRONYM.search(text, max(0, m.start() - 120), m.end()):
                self.acronyms[found.group("acr")] = found.group("name")
        for m in _CAP_RUN.finditer(text):
            words = m.group(0).split()
            # A run may cross a sentence end ("... on Friday. Foreign Minister Sergei Lavrov").
            ends = [i for i, w in enumerate(words[:-1])
                    if _WORD_END.search(w) and not TITLE_END.search(" " + w)]
            title, name = _split_title(words[ends[-1] + 1:] if ends else words)
            if 2 <= len(name) <= 3:
                self._add(name, _clean_role(title))
            # "Rishi Sunak and Foreign Secretary Liz Truss" names two people.
            if "and" in title and 2 <= len(first := _split_title(title[:title.index("and")])[1]) <= 3:
                self._add(first, None)
        # "Sergey Ryabkov, Deputy Minister of ...", "John Kirby, a State Department spokesman".
        for m in _APPOSITIVE_ROLE.finditer(text):
            name = m.group(1).split()
            described = re.sub(r"(?<=\b[A-Z]\.[A-Z])$", ".", m.group(2)).split()  # "head of the U.N."
            while name and not _is_name_token(name[0]):
                name = name[1:]
            # "Greg Penner, were introduced by NFL Commissioner Roger Goodell": a clause, not his role.
            if described[0] in _CLAUSE_OPENERS:  # lower case: "WHO regional director" is a role
                continue
            role = _clean_role(described)
            if len(name) >= 2 and role and all(_is_name_token(w) for w in name):
                self._add(name, role, appositive=True)
        # "Britain's The Guardian newspaper": the name before a medium's noun.
        for m in _MEDIA_NOUN.finditer(text):
            window = max(0, m.start() - 80)
            if found := _MEDIA_BEFORE.search(text, window, m.start()):
                self.media.append((found.start("name"), found.group("name")))
        for m in _MEDIA_RE.finditer(text):
            if not _PRODUCT_AFTER.match(text, m.end()):  # "the Sputnik V vaccine" is no outlet
                self.media.append((m.start(), _MEDIA_LOWER.get(m.group(0).lower(), m.group(0))))
        self.media.sort()

    def learn_role(self, person: _Person, role: str) -> None:
        """Give a registered person the role a speaker phrase gives him, where none was known."""
        key = next((k for k, v in self.people.items() if v is person), None)
        if key is not None:
            self.people[key] = _Person(person.name, role)

    def _add(self, name: list[str], role: str | None, appositive: bool = False) -> None:
        name = [*name[:-1], re.sub(r"['’]s$", "", name[-1])]  # "Attica Scott's daughter"
        key = name[-1]
        known = self.people.get(key)
        full = " ".join(name)
        if known is None:
            self.order.append(key)
            self.people[key] = _Person(full, role)
            if role and not appositive:
                self._titled.add(key)
            return
        # The fullest name wins; a title before the name wins over an appositive description.
        better_name = full if len(name) > len(known.name.split()) else known.name
        if role and not appositive and key not in self._titled:
            self._titled.add(key)
            better_role = role
        else:
            better_role = known.role or role
        self.people[key] = _Person(better_name, better_role)

    def person(self, words: list[str]) -> _Person | None:
        """The registered person a mention's name words refer to ("Ryabkov", "Vladimir Putin")."""
        if not words:
            return None
        found = self.people.get(words[-1].rstrip("’'s").rstrip(",")) or self.people.get(words[-1])
        if found is not None and len(words) >= 2 and _is_name_token(words[-2]) \
                and words[-2] not in found.name.split():
            return None  # "Greg Penner" is not Carrie Walton Penner, whom "Penner" was filed under
        if found is None and len(words) == 1:
            # A lone given name that only one person has: "Xi" of "Xi Jinping".
            if self._firsts is None:
                firsts: dict[str, list[_Person]] = {}
                for p in self.people.values():
                    if len(p.name.split()) >= 2:
                        firsts.setdefault(p.name.split()[0], []).append(p)
                self._firsts = {k: v[0] for k, v in firsts.items() if len(v) == 1}
            found = self._firsts.get(words[0].rstrip(","))
        if found is None and words[-1].isupper() and words[-1] in self.acronyms:
            return _Person(self.acronyms[words[-1]], None)
        return found

    def alone(self, name: str, title: str) -> bool:
        """Whether the article names `name` without `title` before it: General Milley is
        "Milley" somewhere, General Motors is never "Motors"."""
        return re.search(r"(?<!\b" + re.escape(title) + r" )\b" + re.escape(name) + r"\b", self.text) is not None

    def capitalised(self, word: str) -> bool:
        """Whether a word is a name, not a common word opening its sentence ("Doctors",
        "Launched"): the article capitalises it after a lowercase word too, or it is an acronym."""
        if word not in self._names:
            self._names[word] = (word.isupper() and 2 <= len(word) <= 6) or re.search(
                r"[a-z,] " + re.escape(word) + r"\b", self.text) is not None
        return self._names[word]

    def body_like(self, name: list[str]) -> bool:
        """Whether a name may be an organisation's rather than a person's: no one registered
        by it with a role, and, for two or more words, a last word the article never uses
        alone (Rick Singleton is "Singleton" later; Daily Harvest stays "Daily Harvest")."""
        person = self.person(name)
        if person is None or len(name) == 1 and name[0] in self.acronyms:
            return True
        if person.role or len(name) == 1 and len(person.name.split()) >= 2:
            return False
        words = person.name.split()
        if len(words) < 2:
            return True
        alone = len(re.findall(r"\b" + re.escape(words[-1]) + r"\b", self.text))
        return alone == len(re.findall(re.escape(words[-2]) + r"\s+" + re.escape(words[-1]) + r"\b", self.text))

    def spelled_out(self, acronym: str) -> str | None:
        """The name an acronym abbreviates, when the article spells it out: "Metropolitan
        Transportation Authority" for MTA."""
        if not 2 <= len(acronym) <= 6 or not acronym.isalpha() or acronym in _DEMONYMS \
                or acronym.lower() in _MEDIA_LOWER:
            return None
        if acronym not in self._initials:
            # One search for this acronym's words (few acronyms speak in an article).
            words = r" (?:(?:of|and|for|the) )?".join(c + r"[a-z]+" for c in acronym)
            m = re.search(r"\b" + words + r"\b", self.text)
            self._initials[acronym] = m.group(0) if m else None
        return self._initials[acronym]

    def medium(self, phrase: str, before: int | None = None) -> str | None:
        """The medium a phrase names, or (for "the newspaper") the last one named before an offset."""
        low = phrase.lower()
        if m := _MEDIA_RE.search(phrase):
            return _MEDIA_LOWER.get(m.group(0).lower(), m.group(0))
        for _, name in self.media:
            # "The" before "daily" is no medium's name, and "the company" holds no "The".
            if name not in _NOT_NAME and re.search(r"\b" + re.escape(name.lower()) + r"\b", low):
                return name
        words = low.split()
        if words and words[-1] in _MEDIA_WORDS and before is not None:
            if words[0] in ("the", "that", "this") and len(words) <= 3:
                earlier = [n for at, n in self.media if at < before]
                if earlier:
                    return earlier[-1]
        return None

    def by_role(self, description: list[str], recent: list[_Person]) -> _Person | None:
        """The named person whose role fits a description ("diplomat", "Deputy Foreign Minister")."""
        words = [w.lower() for w in description if w.lower() not in ("the", "a", "an")
                 and w not in _DEMONYMS and w not in _PARTIES and not w.endswith(("'s", "’s"))]
        if not words:
            return None
        head = words[-1]
        if head not in _ROLE_NOUNS and head not in _ROLE_HEADS or head in _INSTITUTIONS:
            return None
        named = {p.name for p in recent}
        candidates = recent[::-1] + [self.people[k] for k in self.order if self.people[k].name not in named]
        for person in candidates:
            role = (person.role or "").lower()
            if not role:
                continue
            if role_fits(words, role):
                return person
        return None


def role_fits(description: Sequence[str], role: str) -> bool:
    """Whether a role ("Deputy Foreign Minister") fits a description's lower-case words
    ("diplomat": any foreign-service office; else every word, as a word start, in the role)."""
    role = role.lower().replace("defence", "defense")
    description = [w.replace("defence", "defense") for w in description]
    if description and description[-1] in ("diplomat", "diplomats"):
        return any(w in role for w in ("foreign", "ambassador", "envoy", "diplomat"))
    if description == ["leader"]:  # "the Kremlin leader": a head of state or government
        return re.search(r"\b(?:president|prime minister|premier|chancellor|king|leader)\b", role) is not None
    return all(re.search(r"\b" + re.escape(w), role) for w in description)


# --- Finding the cue in one sentence ---------------------------------------------------------------


_WHEN_WORDS = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday week month year weekend
morning afternoon evening night""".split()
# A time between a subject and its verb: "Musk on Friday declared", "Biden last week said".
_TIME_TAIL = re.compile(r"(?: (?:on|last|this|earlier|late|early|later)(?: this| last)?(?: " + "| ".join(_WHEN_WORDS)
                        + r")(?: (?:morning|afternoon|evening|night))?)+$")


def _subject_before(tokens: list[str]) -> list[str]:
    """The phrase that ends right before a reporting verb: its subject, or [] if none."""
    if m := _TIME_TAIL.search(" " + " ".join(tokens[-5:])):
        tokens = tokens[:len(tokens) - len(m.group(0).split())]
    i = len(tokens)
    while i > 0 and tokens[i - 1].lower() in _BETWEEN:
        i -= 1
    if i == 0:
        return []
    last = tokens[i - 1]
    if last.lower() in _PRONOUNS:
        return [last]
    if last in ("it", "It"):
        return ["it"]  # an organisation or a document: resolved to the last body that spoke
    if last == "they" and i >= 2 and (tokens[i - 2].endswith(",") or _QUOTE_MASK in tokens[i - 2]):
        return ["they"]  # '“...,” they added': a group or body that spoke, like "it"
    if last.endswith((",", ":", ";", _QUOTE_MASK)) or _QUOTE_MASK in last:
        return []
    out: list[str] = []
    lowercase = 0
    end = i
    while i > 0:
        word = tokens[i - 1]
        bare = word.strip("[]")
        if word.endswith((",", ":", ";", ")")) or _QUOTE_MASK in word:
            break
        if bare.lower() in ("his", "her") and 1 <= len(out) <= 2 and all(w.isalpha() and w.islower() for w in out):
            return [word] + out  # "Her family said": the family of the person last named (`_resolve`)
        if bare[:1].isupper():
            out.insert(0, word)
        elif bare.lower() == "the" and out and out[0][:1].isupper() and i >= 3 \
                and tokens[i - 2].lower() in ("for", "of") and tokens[i - 3][:1].isupper():
            out.insert(0, word)  # "The International Union for the Conservation of Nature"
        elif bare.lower() in ("the", "a", "an", "one", "two", "some", "several", "many", "three"):
            out.insert(0, word)
            break
        elif bare.lower() in ("of", "for", "and") and out and (out[0][:1].isupper()
                                                               or out[0] == "the" and len(out) > 1):
            out.insert(0, word)
        elif bare.lower() in STOPWORDS or lowercase >= 3 or not bare.isalpha():
            break
        else:
            lowercase += 1
            out.insert(0, word)
        i -= 1
        if len(out) >= 9:
            break
    first = end - len(out)
    if out and first >= 2 and tokens[first - 1].lower() in ("for", "of", "in", "from") \
            and tokens[first - 2].lower() in _ROLE_NOUNS | _GROUP_NOUNS \
            and (out[0].lower() in ("the", "a", "an") or tokens[first - 1].lower() in ("in", "from")):
        # "A spokesman for the couple said", "Officials in southwestern Virginia say": the
        # spokesman and the officials speak, not the couple or the state.
        k = first - 2
        k -= k > 0 and tokens[k - 1].lower() in ("a", "an", "the", "one")
        return tokens[k:first] + out
    if out and first >= 3 and tokens[first - 1].lower() in ("from", "with", "at") \
            and _is_name_token(tokens[first - 2]) and _is_name_token(tokens[first - 3]):
        # "Tony Roulstone from the University of Cambridge told CNN": he speaks, not his university.
        return tokens[first - 3:first - 1]
    if out and out[0].lower() in ("the", "a", "an") and first >= 3 and [t.lower() for t in tokens[first - 2:first]] \
            == ["familiar", "with"] and tokens[first - 3].lower() in _ROLE_NOUNS | _GROUP_NOUNS | {"person", "people"}:
        # "A source familiar with the conversation told": the source speaks.
        k = first - 3
        k -= k > 0 and tokens[k - 1].lower() in ("a", "an", "the", "one", "two", "three")
        return tokens[k:first] + out
    while out and out[0].lower() in ("of", "for", "and"):
        out = out[1:]
    # Capitalised sentence openers are not part of the subject ("But the US ...").
    while out and out[0] in _NOT_NAME and out[0] not in _DEMONYMS and out[0] not in (
            "The", "A", "An", "Washington", "Moscow", "Russia", "Syria", "Iran", "Iraq", "Turkey",
            "Kremlin", "Pentagon", "United") and not (len(out) > 1 and out[0] == "Islamic"):
        out = out[1:]
    if not out:
        return []
    head = out[-1].strip("[]").lower()
    if not out[-1][:1].isupper() and head not in _ROLE_NOUNS and head not in _GROUP_NOUNS \
            and not _is_description(out):
        return []
    return out


def _is_description(words: list[str]) -> bool:
    """A short definite description of someone unnamed: "The lighthouse keeper", "the protesters"."""
    head = words[-1].lower()
    return (2 <= len(words) <= 5 and words[0] in ("The", "the") and head.isalpha()
            and head not in STOPWORDS and not head.endswith(("ly", "ing", "ed")))


def _subject_after(rest: str) -> list[str]:
    """The subject after an inverted verb: ", said John Kirby, a ..." or "said the spokesman"."""
    if m := _DESCRIBED_AFTER.match(rest):
        return m.group(0).strip().rstrip(",.;").split()  # "said Reed family spokesperson Jonathan Franks"
    tokens = _TOKEN.findall(rest)
    out: list[str] = []
    for word in tokens[:8]:
        bare = word.rstrip(",.;:!?")
        if not out and bare.lower() in ("the", "a", "an", "one"):
            out.append(bare)
        elif bare[:1].isupper() and bare not in ("On", "In", "At", "Thursday", "Friday", "Monday",
                                                 "Tuesday", "Wednesday", "Saturday", "Sunday"):
            out.append(bare)
        elif out and bare.lower() in _ROLE_NOUNS:
            out.append(bare)
        elif out and out[0].lower() in ("the", "a", "an", "one") and bare.isalpha() and bare.lower() not in STOPWORDS:
            out.append(bare)
        else:
            break
        if word != bare and not (len(out) > 1 and _INITIAL.fullmatch(word)) and not TITLE_END.search(" " + word):
            break  # (a middle initial or a title goes on: "says Peter T. DeSimone", "said Dr. Lisa Hays")
    if out and out[-1].lower() in _ROLE_NOUNS and not tokens[len(out) - 1].endswith((",", ".", ";")):
        # "said an official from the Ministry of Commerce": the body is part of who.
        if m := re.match(r"\s*(?:\S+\s+){%d}(?P<of>(?:from|of|at) (?:the )?[A-Z][\w.'’-]*"
                         r"(?: (?:of |and |for )?[A-Z][\w.'’-]*){0,5})" % len(out), rest):
            out += m.group("of").rstrip(",.;").split()
    if out and not out[-1][:1].isupper() and out[-1].lower() not in _ROLE_NOUNS:
        return []
    return out if out and (out[-1][:1].isupper() or out[-1].lower() in _ROLE_NOUNS) else []


_INITIAL = re.compile(r"[A-Z]\.")
# A description holding lower-case words, then the name: "Reed family spokesperson Jonathan
# Franks" (the family's name is no speaker), "team press officer Ola Berg", "RSM chief
# economist Joe Brusuelas", "Patriots owner Robert Kraft:", "designated hitter Nelson Cruz,"
# (not "said last week Ola Berg").
_NOT_DESCRIBING = (r"(?!(?:on|in|at|to|for|of|and|but|that|this|last|next|late|early|week|month|year|night|morning"
                   r"|evening|afternoon|when|while|after|before|as|with|from|by|also|then|again|later|earlier)\b)")
_DESCRIBED_AFTER = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+)?(?:" + _NOT_DESCRIBING + r"[a-z][\w-]*\s+){0,2}"
                              + _NOT_DESCRIBING + r"[a-z][\w-]{2,}\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen)\.\s+)?"
                              r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}(?=[,.;:]|$)")
# Words before "that" which open a clause of thought or saying, not a relative clause.
_THAT_OPENERS = frozenset("""so such now believes believed thinks thought knows knew hopes hoped
fears feared means meant suggests suggested shows showed clear likely possible true noting
saying adding insisting warning arguing claiming""".split())


def _relative_clause(before: str, who: list[str]) -> bool:
    """Whether a subject sits in a relative clause: "jets that Zelensky said", ", when the state reported"."""
    tokens = before.split()
    at = next((i for i in range(len(tokens) - 1, 0, -1) if tokens[i] == who[0]), 0)
    if at == 0 or any(c in " ".join(tokens[at:]) for c in ",;\u2042"):
        return False
    rel, prev = tokens[at - 1], tokens[at - 2] if at >= 2 else ""
    if rel in ("which", "whom"):
        return prev.lower() not in ("in", "during", "at", "through")  # "a speech in which he said"
    if rel == "when":
        return prev.endswith(",")
    bare = prev.lower()
    return rel == "that" and bare.isalpha() and bare not in _VERBS and bare not in _THAT_OPENERS


def _told_whom(rest: str) -> str | None:
    """Who was told: "told RIA Novosti that", "told Channel one, the ..."."""
    m = re.match(r"\s+((?:[A-Z][\w.-]*)(?: (?:[A-Z][\w.-]*|one|24))*)", rest)
    if not m:
        return None
    whom = m.group(1)
    # A full stop, not "U.S.": "told CNN." is CNN.
    return whom[:-1] if whom.endswith(".") and whom.count(".") == 1 else whom


# The sentences a parser is asked about when the rules find no cue in them: those holding one
# of the commonest reporting words (2.5 sentences of a news-dev article; every form of every
# reporting verb would be 24, ten times the parsing for little more).
_COMMON = re.compile(r"\b(?:said|says|saying|told|tells|telling|added|adds|adding|according to|stated|"
                     r"claimed|claims|warned|warns|noted|notes|wrote|writes|announced|declared|described|"
                     r"urged|urging|denied|insisted|argued|accused|reported|explained|estimated|estimates)\b")


def _parsed_cues(finder: SpeakerFinder, asked: list[tuple[str, str, list[tuple[int, int]]]],
                 cast: _Cast) -> list[_Cue | None]:
    """The finder's cue for each (masked sentence, sentence, quoted ranges), in one batch."""
    found = finder.speakers([sentence for _, sentence, _ in asked], [quoted for _, _, quoted in asked])
    out: list[_Cue | None] = []
    for (masked, _, _), phrase in zip(asked, found, strict=True):
        if phrase is None:
            out.append(None)
            continue
        # What the rules know is no one speaking, the parser does not make speech.
        if phrase.verb == "according to" and _nobody(phrase.who) or _deed(
                phrase.verb, masked[len(_before_phrase(masked, phrase.verb)) + len(phrase.verb):]):
            out.append(None)
            continue
        interview = _INTERVIEW.search(masked)
        cue, via = phrase.verb, interview.group("via").strip() if interview else None
        if phrase.listener and cast.medium(phrase.listener):
            cue, via = f"{phrase.verb} {phrase.listener}", phrase.listener
        out.append(_Cue(phrase.who, cue, via))
    return out


def _nobody(according_to: str) -> bool:
    """Whether what "according to" cites is nobody's word: "plan", "the latest data", "reports"."""
    words = according_to.split()
    unnamed = not any(w[:1].isupper() for w in words)
    return according_to.lower() in ("reports", "the report", "media reports", "sources") or unnamed and (
        words[-1].lower() in _DATA_WORDS or words[0].lower() not in (
            "a", "an", "the", "his", "her", "their", "its", "one", "two", "some", "several", "local", "state", "federal")
        and words[-1].lower() not in _GROUP_NOUNS | _ROLE_NOUNS)


def _deed(verb: str, rest: str) -> bool:
    """Whether a reporting verb reports a deed, given the text after it: announcing an
    offensive, insisting on a thing, responding to the area ("Deputies responded Monday to
    the area": arriving, not answering), arguing with someone (a caption's "Williams argues
    with umpire Carlos Ramos")."""
    return (verb in ("announced", "announces") and re.match(r" (?:a|an) ", rest) is not None
            or verb.startswith("argu") and rest.startswith(" with ")
            or verb in ("insisted", "insists") and rest.startswith(" on ")
            or verb in ("added", "adds", "adding") and rest.startswith(" to ")
            or verb in ("responded", "responds") and re.match(r"(?: \w+){0,2} to (?:the|a|an) ", rest) is not None)


def _find_cue(masked: str, cast: _Cast) -> _Cue | None:
    """The first reporting cue of a (quote-masked) sentence and the speaker phrase it names."""
    interview = _INTERVIEW.search(masked)
    via_interview = interview.group("via").strip() if interview else None
    if m := _ACCORDING.search(masked):
        who = m.group("who").strip()
        if a := _AFFILIATION.match(who):
            who = a.group("who")
        # "according to the chief of Britain's foreign intelligence service, Richard Moore": the
        # description, then the name it describes.
        if re.search(r"\b[a-z]", who) and (named := _NAMED_AFTER.match(masked, m.end())):
            who = named.group("name")
        if not _nobody(who):
            # "The man said he had ..., according to the sheriff's office": the man speaks,
            # through the office.
            if (inner := _verb_cue(masked[:m.start()], cast, via_interview)) and inner.who.lower() not in _PRONOUNS:
                return _Cue(inner.who, inner.cue, inner.via or who)
            # "According to Bill Gertz of the Free Beacon, officials have stated ...": the officials
            # speak, through his reporting.
            if not masked[:m.start()].strip(" " + _QUOTE_MASK) and masked[m.end():m.end() + 2].startswith(",") and (
                    inner := _verb_cue(masked[m.end():].lstrip(", "), cast, via_interview)) and (
                    inner.who.lower() not in _PRONOUNS):
                return _Cue(inner.who, inner.cue, m.group("who").strip())
            return _Cue(who, "according to", via_interview)
    if m := _IN_STATEMENT.search(masked):
        # The name just before it speaks when it opens the sentence; "Grace thanked her crew
        # for filming in Scotland, in a statement": the subject does, not Scotland.
        opens = not _DATELINE.sub("", masked[:m.start("who")]).strip(" " + _QUOTE_MASK)
        if (who := m.group("who").split()) and (who[0] not in _NOT_NAME or len(who) > 1) and opens:
            return _Cue(m.group("who"), "in a statement", via_interview)
        if not opens and (who := _sentence_subject(masked[:m.start("who")])):
            return _Cue(" ".join(who), "in a statement", via_interview)
    if m := _IN_VIEW.match(masked):
        who = m.group("who") or {"his": "he", "her": "she", "their": "they"}[m.group("pronoun").lower()]
        return _Cue(who, "in the view of", via_interview)
    if (m := _SAID_FIRST.match(masked)) and (who := _subject_after(m.group("who"))) and \
            len(" ".join(who)) >= len(m.group("who").strip()) - 1:
        return _Cue(" ".join(who), m.group("verb").lower(), via_interview)
    return _verb_cue(masked, cast, via_interview)


# "In Campbell-Johnston's opinion, the sculptor should ...": a named person's view, opening the sentence.
_IN_VIEW = re.compile(r"\W*In (?:(?P<pronoun>his|her|their)|(?:the )?(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
                      r"['’]s?) (?:own )?(?:opinion|view|words|estimation|judge?ment|assessment|telling|reckoning),")
# 'Said Patriots owner Robert Kraft: "..."': the verb first, the speaker before a colon.
_SAID_FIRST = re.compile(r"\W*(?P<verb>Said|Says|Added|Adds|Wrote|Writes|Noted|Tweeted)\s+(?P<who>[^:\u2042]{2,80}):")


# ", he" / ", Putin" / ", the Russian president" just before a sentence's last verb.
_TRAILING_CUE = re.compile(r",[\s\u2042”]*(?:he|she|they|[Tt]he [a-z]+(?: [a-z]+)?|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*$")


# What may follow a sentence's last verb and still leave it the last word: "said Sunday."
_ENDS = re.compile(r"(?:\s+(?:on|last|this|early|late|earlier|later))?(?:\s+(?:" + "|".join(_WHEN_WORDS)
                   + r"|today|yesterday))*[\s.]*$")
# ", Texas state Sen. Roland Gutierrez, D-San Antonio," before that verb: a lawmaker and his party.
_PARTY_APPOSITIVE = re.compile(r",\s*(?P<who>(?:[A-Za-z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*"
                               r"(?: [A-Z][\w.'’-]*){0,3}),\s*[DRI]-[A-Z][\w. ]*,\s*$")


def _verb_cue(masked: str, cast: _Cast, via_interview: str | None) -> _Cue | None:
    """The first reporting verb of a sentence with a subject before or after it."""
    # A subject is a few words long: only the text just before a verb is read, and only the
    # first verbs, so a huge run-on "sentence" costs linear time.
    verbs = list(islice(_VERB.finditer(masked), 12))
    # "The Kremlin informed the US ..., he said.": a cue that ends the sentence after a comma
    # says who speaks all of it; the verbs before it are what he reports.
    if verbs and _ENDS.match(masked[verbs[-1].end():]) and (_TRAILING_CUE.search(masked[:verbs[-1].start()])
                                                           or _PARTY_APPOSITIVE.search(masked[:verbs[-1].start()])):
        verbs.insert(0, verbs.pop())
    for m in verbs:
        verb = m.group(0)
        before = _TOKEN.findall(masked[max(0, m.start() - 200):m.start()])
        rest = masked[m.end():]
        if before and before[-1].lower() in ("been", "being", "is", "was", "were", "are", "be") \
                and not verb.endswith("ing"):
            continue  # "Boris Johnson has been described as ...": others describe him ("is saying" is his)
        who = _subject_before(before)
        if not who and before and before[-1] in ("-", "–", "—"):
            who = _dashed_subject(masked[max(0, m.start() - 300):m.start()])
        elif not who and before and before[-1] in ("and", "but"):
            # "She found luck using Instacart, but said it was scary": the sentence's subject.
            who = _sentence_subject(masked[:m.start()])
        k = len(before)
        while k and before[k - 1].lower() in _BETWEEN:
            k -= 1
        if not who and k and before[k - 1].endswith(","):
            head = masked[max(0, m.start() - 300):m.start()].split()
            head = " ".join(head[:len(head) - (len(before) - k)]) + " "
            if c := _SUBJECT_CLAUSE.search(head):
                who = c.group("who").split()
                # "The man, who identified himself as Cory Allan Martin, said"
                if n := _SELF_NAMED.search(c.group(0)):
                    who = n.group("name").split()
                while who and who[0] in _NOT_NAME and who[0] not in ("The", "the"):
                    who = who[1:]
            elif (c := _NAME_APPOSITIVE.search(head)) and len(_split_title(c.group("who").split())[1]) >= 2:
                who = c.group("who").split()
            elif (c := _DESCRIBED_THEN_NAMED.search(head)) and len(_split_title(c.group("who").split())[1]) >= 2:
                who = c.group("who").split()  # "Britain's ambassador to Afghanistan, Laurie Bristow, said"
            # "Emma Pelton of the nonprofit Xerces Society, which ...": she speaks, not the society.
            if who and c and (a := _AFFILIATED.search(head, 0, c.start("who"))):
                who = a.group("who").split()
        if not who and (party := _PARTY_APPOSITIVE.search(masked[max(0, m.start() - 300):m.start()])):
            who = party.group("who").split()  # "..., state Sen. Roland Gutierrez, D-San Antonio, said"
        inverted = False
        if not who and verb not in ("told", "tells") and before and (
                before[-1].endswith((",", _QUOTE_MASK)) or _QUOTE_MASK in before[-1] or before[-1].endswith("”")):
            who = _subject_after(rest)
            if who:
                rest = rest[rest.find(who[-1]) + len(who[-1]):]
                inverted = True
        if who and (d := _DESCRIBED_NAME.search(masked, max(0, m.start() - 300), m.start())) and \
                d.group(0).rstrip().endswith(" ".join(who)) and len(_split_title(d.group("who").split())[1]) >= 2:
            who = d.group("who").split()
        if verb in _VIEW_VERBS and re.search(r"\b(?:whether|if)\s+\S+\s+$", masked[:m.start()]):
            continue  # "asked whether she believes ...": a question put to her, not her view
        if not who or _deed(verb, rest) or _relative_clause(masked[:m.start()], who):
            continue  # "the jets that Zelensky has said are needed": the outlet's, not his
        cue, via = verb, via_interview
        if verb in ("told", "tells"):
            whom = _told_whom(rest)
            medium = cast.medium(whom) if whom else None
            if whom and medium:
                cue, via = f"{verb} {whom}", whom
        head = masked[:m.start()] if inverted else masked[:masked.rfind(who[0], 0, m.start())]
        if not rest.strip(" .") and _relays(who, verb, cast) and (
                inner := _verb_cue(head, cast, None)) and inner.who.lower() not in _PRONOUNS:
            # "Matovic said ..., Politico reports", "..., says Deutsche Welle", "..., the news
            # site adds": Matovic speaks, through the outlet.
            return _Cue(inner.who, inner.cue, cast.medium(" ".join(who)) or " ".join(who))
        return _Cue(" ".join(who), cue, via)
    if (m := _PARTICIPLE.search(masked)) and (who := _sentence_subject(masked[:m.start()])):
        return _Cue(" ".join(who), m.group("verb"), via_interview)
    return None


def _dashed_subject(text: str) -> list[str]:
    """The subject before a verb set off by dashes: the name inside them ("Two parties - For the
    People and Freedom - said"), else the phrase before them ("The minister - in Paris - said")."""
    text = text.rstrip()[:-1].rstrip()
    opening = max(text.rfind(f" {dash} ") for dash in "-–—")
    if opening < 0:
        return []
    inside = _TOKEN.findall(text[opening + 3:])
    if inside and inside[0][:1].isupper() and all(w[:1].isupper() or w in ("of", "and", "for", "the", "&")
                                                  for w in inside):
        return inside
    return _subject_before(_TOKEN.findall(text[:opening]))


def _relays(who: list[str], verb: str, cast: _Cast) -> bool:
    """Whether a sentence's closing cue names an outlet passing on what someone else said: a
    medium, "the news site", or an organisation's name ("says Deutsche Welle"), not a person
    (in "Putin said ..., Lavrov added" Lavrov speaks)."""
    phrase = " ".join(who)
    if cast.medium(phrase) or who[-1].lower() in _MEDIA_WORDS:
        return True
    named = [w for w in who if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
    return (verb in ("says", "reports", "reported", "writes", "wrote", "adds", "added") and len(named) >= 2
            and len(named) == len(who) and named[-1] not in cast.people and named[0] not in cast.people)


def _sentence_subject(text: str) -> list[str]:
    """The phrase a sentence opens with when it is a subject ("Saudi officials", "He"), else []."""
    tokens = _TOKEN.findall(_DATELINE.sub("", text.lstrip()))[:9]
    if tokens and tokens[0].lower() in _PRONOUNS:
        return [tokens[0]]
    for j in range(len(tokens), 0, -1):
        who = _subject_before(tokens[:j])
        if who and all(t in _NOT_NAME and t not in _DEMONYMS for t in tokens[:j - len(who)]) \
                and tokens[j - 1] == who[-1]:
            return who
    return []


# --- Resolving a speaker phrase ------------------------------------------------------------------------


#: How far into an article its lead runs, for descriptions it names later (characters).
_LEAD_CHARS = 400


def _resolve(who: str, cast: _Cast, recent: list[_Person], at: int,
             orgs: Sequence[str] = ()) -> _Speaker:
    words = who.split()
    if len(words) == 1 and words[0] in cast.acronyms:
        return _Speaker(cast.acronyms[words[0]])
    if len(words) <= 2 and words[-1].isupper() and (full := cast.spelled_out(words[-1])):
        return _Speaker(full)  # "the MTA" -> Metropolitan Transportation Authority
    if len(words) >= 3 and words[0].lower() in _GROUP_NOUNS and words[1].lower() in ("in", "from", "at", "familiar"):
        return _Speaker(" ".join(words))  # "Officials in southwestern Virginia", not a person "Virginia"
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        if recent:
            p = recent[-1]
            return _Speaker(p.name, p.role, True)
        return _Speaker(None)
    if 2 <= len(words) <= 3 and words[0].lower() in ("his", "her") and recent and words[-1].isalpha():
        return _Speaker(f"{' '.join(words[1:])} of {recent[-1].name}")  # "Her family": the family of ...
    owner = max((k for k, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), default=-1)
    if owner >= 0 and all(_is_name_token(w) for w in words[owner + 1:]):
        words = words[owner + 1:]  # "New York Magazine's Helen Shaw" is Helen Shaw
    if "of" in words[1:]:
        # "Kinnear of Verisk Maplecroft": the person, not the firm, speaks.
        left = words[:words.index("of", 1)]
        name = _split_title(left)[1]
        if cast.person(name) is not None or len(name) >= 2:
            words = left
    title, name = _split_title([w for w in words if w.lower() not in ("the", "a", "an")] if
                               words[0].lower() in ("the",) else words)
    # Names after "of" or "and" end an organisation's name ("Academy of Motion Picture Arts").
    organisation = bool(title) and title[-1].lower() in ("of", "and", "for", "the")
    if name and not organisation:
        if p := cast.person(name):
            role = _clean_role(title) or p.role
            if role and not p.role:
                cast.learn_role(p, role)  # "Griner's Mercury head coach Vanessa Nygaard": "the coach" later
            return _Speaker(p.name, role, True)
        if len(name) == 1 and title and all(w.isupper() for w in title):
            return _Speaker(" ".join(title + name))  # "ITV News", not a person called News
        if len(name) == 1 and title and title[-1][:1].isupper() and not cast.alone(name[0], title[-1]):
            return _Speaker(f"{title[-1]} {name[0]}")  # "General Motors", not a general called Motors
        # One capitalised word after words that are no title ("Ministry of Commerce and
        # Industry") ends an organisation's name, not a person's.
        if (len(name) >= 2 or title and (_clean_role(title) or len(name[0]) <= 1 or not any(
                w.lower() in ("of", "and", "for") or w in _NOT_NAME for w in title))):
            return _Speaker(" ".join(name), _clean_role(title), True)
    if medium := cast.medium(who, before=at):
        return _Speaker(medium)
    # "A senior Russian diplomat has said" in an article's lead, before anyone is named, is the
    # Deputy Foreign Minister it names next: news opens with the description and names him in
    # the next paragraph. Once someone is named, or further down, "a senior official" is a
    # source the article keeps anonymous.
    lead = words[0].lower() in ("a", "an") and not recent and at < _LEAD_CHARS
    if lead or words[0].lower() in ("the",) or words[0].endswith(("'s", "’s")) or (
            words[0][:1].isupper() and words[0] not in ("A", "An")):
        if p := cast.by_role(words, recent):
            return _Speaker(p.name, p.role, True)
    if words[0] in ("The", "the") and len(words) >= 2 and (org := _organisation(words[1:], cast, at, orgs)):
        return _Speaker(org)
    if words[0] in ("The", "the") and (words[-1].lower() in _ROLE_NOUNS or words[-1][:1].isupper()):
        words = words[1:]
    # "directors Adil El Arbi and Bilall Fallah": the names speak, the description is their role.
    lead = next((k for k, w in enumerate(words) if not w[:1].islower()), len(words))
    if 0 < lead < len(words) and words[0].lower() not in ("a", "an", "the") and len(words) - lead >= 2 \
            and all(_is_name_token(w) or w in ("and", "El", "al") for w in words[lead:]):
        return _Speaker(" ".join(words[lead:]), " ".join(words[:lead]), True)
    return _Speaker(" ".join(words) or None)


def _organisation(description: list[str], cast: _Cast, at: int, orgs: Sequence[str]) -> str | None:
    """The named organisation a description after "the" means: a name holding its words
    ("the advisory panel": "... Advisory Panel"; "the airline": "Southwest Airlines"), or for
    a generic head ("the company") the organisation the last sentences named or heard."""
    head = description[-1].lower()
    if head not in _ORG_HEADS or any(not w.replace("-", "").isalpha() for w in description):
        return None
    # Where it is based says nothing of its name: "the Denver-based airline" is an airline.
    wanted = [w.lower() for w in description if not w.lower().endswith("-based")]

    def holds(name: str) -> bool:
        words = [w.lower().rstrip("s") for w in name.split()]
        return all(w.rstrip("s") in words for w in wanted)

    window = cast.text[max(0, at - 4000):at]
    named = [m.group(0) for m in _ORG_RUN.finditer(window)]
    found = [n for n in named if n.split()[-1].lower().rstrip("s") == head.rstrip("s") and holds(n)]
    found += [cast.acronyms[o] for o in orgs if o in cast.acronyms and holds(cast.acronyms[o])]
    if not found and len(wanted) == 1:
        # "Credit Suisse bank ... The bank has said": the name the article gives the head to.
        found = [m.group("name") for m in re.finditer(r"(?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}) "
                                                       + re.escape(head) + r"\b", window)
                 if (m.group("name").split()[0] not in _NOT_NAME or len(m.group("name").split()) > 1)
                 and not m.group("name").endswith("-based")]
    if found:
        name = found[-1]
        return name[4:] if name.startswith("The ") else name
    if head in _ORG_GENERIC and orgs:
        return cast.acronyms.get(orgs[-1], orgs[-1])
    return None


def _subject_org(masked: str, cast: _Cast) -> str | None:
    """The organisation a sentence opens with ("Cinemark also will ...", "JetBlue cancellations
    are ...", "The CCC's latest budget"): a capitalised name that is no registered person and
    no word of `_NOT_NAME` (a weekday, a country, "However")."""
    tokens = _TOKEN.findall(_DATELINE.sub("", masked.lstrip()))[:8]
    dash = next((k for k, t in enumerate(tokens[:5]) if t in ("—", "–", "-")), 0)
    if dash and all(t.isupper() for t in tokens[:dash]):
        tokens = tokens[dash + 1:]  # a byline and dateline "USA TODAY CHICAGO — Taco Bell ..."
    if tokens and tokens[0] == "The":
        tokens = tokens[1:]
    name: list[str] = []
    for token in tokens:
        if token.endswith(".") and len(token) <= 5 or token.lower() in _TITLE_WORDS and token.lower() not in _ORG_HEADS:
            break  # "Mt." "Gov." "U.S." or a title: a place or a person follows
        bare = token.rstrip(",.;:")
        possessive = bare.endswith(("'s", "’s"))
        bare = bare[:-2] if possessive else bare
        if not bare[:1].isupper() and not (name and bare in ("of", "and", "&", "for")):
            break
        name.append(bare)
        if possessive or bare != token:
            break
    while name and name[-1] in ("of", "and", "&", "for"):
        name.pop()
    if not name or name[0] in _NOT_NAME or _QUOTE_MASK in name[0] or name[0].lower() in STOPWORDS \
            or name[0].lower() in _TITLE_WORDS and name[0].lower() not in _ORG_HEADS \
            or not cast.capitalised(name[0]) or not cast.body_like(name):
        return None
    return " ".join(name)


# --- The article --------------------------------------------------------------------------------


def _trailing_furniture(lines: list[str]) -> int:
    """Index of the first line of a closing block of links and tags ("related headlines"), or len."""
    first, seen_furniture = len(lines), False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if not line:
            continue
        if _is_furniture_line(line):
            seen_furniture = True
        elif not (len(line.split()) <= 20 and not _SENTENCE_END.search(line.rstrip("'’\""))
                  and (line[0].isupper() or line[0] in "'‘\"“")):
            break
        first = i
    return first if seen_furniture else len(lines)


def _is_furniture_line(line: str) -> bool:
    if _FURNITURE.match(line) or _CREDIT.match(line):
        return True
    # A dateline ("CNN —") or an agency's credit ("Associated Press") alone on its line.
    if line.rstrip(" —–-").lower() in _MEDIA_LOWER:
        return True
    items = [x.strip() for x in line.split(",")]
    # A tag list: "Syrian conflict, Russian Foreign Ministry, Sergei Ryabkov, Syria, Russia".
    return (len(items) >= 4 and all(0 < len(x.split()) <= 4 and x[:1].isupper() for x in items)
            and not _SENTENCE_END.search(line))


def attribute(article: Article, finder: SpeakerFinder | None = None) -> list[Attribution]:
    """One Attribution per sentence span of the article's text, in order; `finder` (a
    rag.parse.SpeakerParser) is asked about the sentences the rules find no cue in."""
    spans = sentence_spans(article.text)
    if not spans:
        return []
    # No-break and thin spaces read as spaces (one character each, so offsets stay put).
    text = _SPACES.sub(" ", article.text)
    cast = _Cast(text)
    raw_lines = text.split("\n")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    tail = _trailing_furniture(raw_lines)

    # Transcript labels count only when speakers take turns: an interviewer's label ("Question:")
    # and someone answering, or two names each speaking at least twice. A single "Putin: ..."
    # line is a headline, and a list of "Oklahoma City: ..." lines is not a conversation.
    labels = {}
    for i, line in enumerate(raw_lines):
        m = _LABEL.match(line.strip())
        if m and _is_turn_label(m.group("label"), cast):
            labels[i] = m.group("label")
    turns = Counter(v.lower() for v in labels.values())
    asked = any(v in _INTERVIEWER for v in turns)
    transcript = len(turns) >= 2 and (asked or sum(n >= 2 for n in turns.values()) >= 2)
    # The people who take turns. A line that opens with one of their names and no colon of
    # its own is the writer's, about them ("Hite was amused ..."): it ends the turn. With a
    # clause before the colon it is still their turn ("Hite, who got the news ...: I remember").
    speakers = {v.split()[-1] for v in labels.values() if v.lower() not in _INTERVIEWER} if transcript else set()
    narrated: set[int] = set()
    for i, line in enumerate(raw_lines):
        first = line.strip().split(" ", 1)[0].rstrip(",")
        if i in labels or first not in speakers:
            continue
        if (m := re.match(r"\s*(\S+), [^:\n]{3,200}:\s+(?=\S)", line)) and m.group(1) in speakers:
            labels[i] = m.group(1)
        else:
            narrated.add(i)
    # Comments begin at the first comment header after the article's first lines.
    comments_from = next((i for i, line in enumerate(raw_lines)
                          if i > 0 and _comment_header(line.strip(), cast)), len(raw_lines))
    tweet_lines = _tweet_lines(raw_lines)

    out: list[Attribution] = []
    recent: list[_Person] = []  # people named as speakers or subjects, most recent last
    depth = 0
    label_speaker: _Speaker | None = None
    label_cue: str | None = None
    last_line = -1
    last_body: _Speaker | None = None  # the last organisation to speak
    last_body_line = -9
    opens: dict[int, str | None] = {}  # the organisation each sentence opens with, when asked

    def near(i: int) -> list[str]:
        """Organisations the last sentences open with ("the company" is one named lately);
        found only for a cue that needs them, as the search costs more than the rest."""
        for k in range(max(0, i - 8), i + 1):
            if k not in opens:
                opens[k] = _subject_org(scans[k][3], cast)
        return [name for k in range(max(0, i - 8), i + 1) if (name := opens[k])]
    described: list[_Speaker] = []  # unnamed speakers introduced as "a source close to ..."
    last_speaker: tuple[int, _Speaker] | None = None  # (line, speaker) of the last quote/indirect
    # Quote runs: sentences from one that leaves a quote open to the one that closes it share
    # a speaker, which the closing sentence usually names ("... ,” said John Kirby).
    scans = []
    raw: list[tuple[str, int, list[tuple[int, int]]]] = []  # (sentence, quote depth before it, quoted ranges)
    for a, b in spans:
        line = bisect.bisect_right(line_starts, a) - 1
        sentence = text[a:b]
        if line != last_line and depth and not sentence.lstrip().startswith(("“", '"')):
            depth = 0  # a paragraph that does not reopen the quote ends it
        if line != last_line and depth and sentence.lstrip().startswith(("“", '"')):
            sentence = sentence.lstrip()[1:]  # the reopening mark of a continued quote
        continued = depth > 0
        before = depth
        masked, depth, longest, quoted = _quote_scan(sentence, depth)
        scans.append((line, continued, depth > 0, masked, longest))
        raw.append((sentence, before, quoted))
        last_line = line
    runs: dict[int, int] = {}  # sentence -> first sentence of its quote run
    for i, (_, continued, _, _, _) in enumerate(scans):
        runs[i] = runs[i - 1] if continued and i > 0 else i

    # The rules first; where they find no cue in a sentence holding a common reporting word,
    # the finder (one batch per article).
    cues = [_find_cue(s[3], cast) for s in scans]
    if finder is not None:
        ask = [i for i, cue in enumerate(cues) if cue is None and _COMMON.search(scans[i][3])]
        for i, cue in zip(ask, _parsed_cues(finder, [(scans[i][3], raw[i][0], raw[i][2]) for i in ask], cast)):
            cues[i] = cue
    # A quote alone on its line, its speaker on the next after a dash (CNN's "TODAY'S QUOTE":
    # '"We have not yet seen how bad this energy crisis is going to get."' | "-- Former Obama
    # energy adviser Jason Bordoff, on ...").
    for i, (line, *_rest) in enumerate(scans):
        last_on_line = i + 1 == len(scans) or scans[i + 1][0] != line
        if cues[i] is None and raw_lines[line].lstrip()[:1] in "\"“" and last_on_line:
            after = next((x for x in raw_lines[line + 1:] if x.strip()), "")
            if m := _DASH_SPEAKER.match(after):
                cues[i] = _Cue(m.group("name"), "quoted as", None)
    # A sentence the splitter ended at an abbreviated title ("... Republican Sen." | "Roger
    # Wicker said.") is one sentence with its other half: one cue, quoted if either half is.
    # So is one ended at a middle initial ("Dartmouth President Philip J." | "Hanlon said").
    partner: dict[int, int] = {}
    for i in range(len(spans) - 1):
        half = text[spans[i][0]:spans[i][1]].rstrip()
        after = text[spans[i + 1][0]:spans[i + 1][1]]
        if scans[i][0] == scans[i + 1][0] and (TITLE_END.search(half) or _INITIAL_END.search(half) and _is_name_token(
                after.split(" ", 1)[0].rstrip(",.")) or _COUNTRY_END.search(half) and _TITLED_VERB.match(after)
                or _OF_COUNTRY_END.search(half) and after[:1].isupper()):
            joined = scans[i][3] + " " + scans[i + 1][3]
            cue = _find_cue(joined, cast)
            if cue is None and finder is not None and _COMMON.search(joined):
                sentence = raw[i][0] + " " + raw[i + 1][0]
                cue = _parsed_cues(finder, [(joined, sentence, _quote_scan(sentence, raw[i][1])[3])], cast)[0]
            if cue:
                cues[i] = cues[i + 1] = cue
            partner[i], partner[i + 1] = i + 1, i
    # A short quoted phrase inside someone's reported words ('X said police were "called
    # upon"') leaves the sentence reported speech; a quote is most of its sentence or opens it.
    quotes = [continued or left_open or masked.lstrip().startswith(_QUOTE_MASK) and longest >= 1
              or longest >= 3 and (2 * longest >= len(masked.split()) or longest >= 12)
              for _, continued, left_open, masked, longest in scans]
    run_cue: dict[int, _Cue] = {}
    for i, first in runs.items():
        if cues[i] and first not in run_cue:
            run_cue[first] = cues[i]

    for i, (a, b) in enumerate(spans):
        line, continued, left_open, masked, longest = scans[i]
        sentence = text[a:b]
        line_text = raw_lines[line].strip()
        starts_line = text[line_starts[line]:a].strip() == ""

        def emit(kind: Kind, speaker: _Speaker | None = None, cue: str | None = None,
                 via: str | None = None) -> None:
            out.append(Attribution(a, b, kind, speaker.name if speaker else None,
                                   speaker.role if speaker else None, cue, via))

        if line >= comments_from:
            # The commenter a header names ("Sunni man wrote: ...") writes that line. Not the
            # lines after it: blogs print the next comments with no header at all (seed 003),
            # and a wrong name is worse than "a reader".
            m = _COMMENT_HEADER.match(line_text)
            commenter = m.group("who") if m and not _is_furniture_line(sentence) else None
            emit("furniture" if _is_furniture_line(sentence) else "comment",
                 _Speaker(commenter) if commenter else None)
            continue
        if line >= tail or (starts_line and _is_furniture_line(line_text)) or _is_furniture_line(sentence):
            emit("furniture")
            continue
        if line in tweet_lines:
            emit("embedded", _Speaker(tweet_lines[line]), via="Twitter")
            continue
        if transcript and line in labels and starts_line:
            label = labels[line]
            if label.lower() in _INTERVIEWER:
                label_speaker = _Speaker(None)
                cue = label
            else:
                p = cast.person(label.split())
                label_speaker = _Speaker(p.name, p.role, True) if p else _Speaker(label)
                cue = label
                if p:
                    _remember(recent, p)
            label_cue = cue
        if line in narrated:
            label_speaker = None
        if transcript and label_speaker is not None:
            emit("transcript", label_speaker, cue=label_cue)
            continue

        cue = run_cue.get(runs[i]) if (continued or left_open) else cues[i]
        quoted = quotes[i] or (i in partner and quotes[partner[i]])
        body = None
        if cue is not None and cue.who.lower() in ("it", "they"):
            # "It added that ...", "..., they added": the body that spoke in this or the last paragraphs.
            body = last_body if last_body and line - last_body_line <= 2 else None
            cue = _Cue(body.name, cue.cue, cue.via) if body and body.name else None
        if cue is None and starts_line and not continued and (m := _HEADLINE_LABEL.match(sentence)):
            if (p := cast.person(m.group("who").split())) is not None:
                emit("indirect", _Speaker(p.name, p.role, True), cue=":")
                continue
        if cue is not None:
            words = cue.who.split()
            bodies = near(i) if words[0] in ("the", "The") and words[-1].lower() in _ORG_HEADS else []
            speaker = body if body and body.name == cue.who else _resolve(cue.who, cast, recent, a, bodies)
            if cue.who.lower() in _PRONOUNS and speaker.name is None and last_speaker and line - last_speaker[0] <= 2 \
                    and _unnamed_person(last_speaker[1].name):
                speaker = last_speaker[1]  # "A spokesman for the couple said ..." | "He said ..."
            # "a statement by his management team posted on his page": the team.
            doc = re.search(r"\b(?:from|of|by) (?P<by>(?:the )?\S.*?)(?: (?:posted|published|released|issued|shared"
                            r"|sent|obtained) .*)?$", cue.who)
            if _MEDIA_RE.fullmatch(cue.who):
                pass  # "The Washington Post reported": the outlet, not a post by "Washington"
            elif owner := _DOCUMENT_OWNER.match(cue.who):
                # "Toyota's announcement", "its website", "the company statement", "figures AAA
                # collected": whose document it is speaks.
                who = owner.group("owner") or owner.group("collector")
                if who == "its":
                    speaker = last_body or speaker
                else:
                    speaker = _resolve(who, cast, recent, a, near(i) if who.lower().startswith("the ") else [])
            elif doc and (words[0].lower() in ("a", "an", "the") or words[0].endswith(("'s", "’s"))) and words[1:2] \
                    and any(w.lower() in _DOCUMENTS for w in words[:5]):
                speaker = _resolve(doc.group("by"), cast, recent, a, near(i))
            elif (words[0].lower() in ("a", "an", "the") and len(words) >= 3 and words[-1].lower() in _DOCUMENTS
                  and all(w[:1].isupper() for w in words[1:-1]) and not all(w in _DEMONYMS for w in words[1:-1])):
                speaker = _resolve(" ".join(words[1:-1]), cast, recent, a)  # "an IndyStar report"
            elif cue.who.split()[-1].lower() in _DOCUMENTS and cue.who.split()[0].lower() == "the" and last_body:
                speaker = last_body  # "the statement said": the body whose statement it is
            words = cue.who.split()
            if not speaker.person and words[0] == "the" and len(words) == 2 and speaker.name:
                # "the source said" after "according to a source close to the situation"
                speaker = next((d for d in reversed(described) if words[1].lower()
                                in d.name.lower().split()[1:4]), speaker)
            elif not speaker.person and speaker.name and speaker.name.split()[0] in ("a", "an"):
                described.append(speaker)
            resolved = speaker.name and (speaker.name[:1].isupper() or words[0].lower() in ("his", "her"))
            if not speaker.person and resolved:
                last_body, last_body_line = speaker, line
            head = _before_phrase(masked, cue.who)
            if cue.who.lower() in _PRONOUNS and (p := _subject_person(head, cast)):
                # "Xi Jinping set the tone ..., in which he decried": the sentence's own subject.
                speaker = _Speaker(p.name, p.role, True)
            if speaker.person and speaker.name:
                _remember(recent, cast.person(speaker.name.split()) or _Person(speaker.name, speaker.role))
            last_speaker = (line, speaker)
            emit("quote" if quoted else "indirect", speaker, cue.cue, cue.via)
            continue
        # A quotation with no speaker of its own continues the last speaker's words when it
        # opens the sentence or runs long, and that speaker spoke in this or the last paragraph.
        context = last_speaker if last_speaker and line - last_speaker[0] <= 2 else None
        # A sentence that opens with a quoted term and goes on in the writer's words is his
        # ('"Conversion therapy" tries to change ...', '"Batgirl" star Leslie Grace thanked').
        unquoted = sum(_QUOTE_MASK not in w for w in masked.split())
        opens_quote = masked.lstrip().startswith(_QUOTE_MASK) and (longest >= 4 or 2 * longest >= unquoted)
        if context and (continued or left_open or opens_quote or longest >= 6) and (longest or continued):
            emit("quote", context[1])
            continue
        if (continued or opens_quote) and longest >= 3:
            emit("quote")
            continue
        # The subject of the outlet's own sentence is whom a later "he" means.
        if p := _subject_person(masked, cast):
            _remember(recent, p)
        emit("reporting", _Speaker(article.outlet))
    return out


def _before_phrase(text: str, phrase: str) -> str:
    """The text before the first whole-word occurrence of a phrase (all of it if none); no
    regular expression is built per phrase, since compiling one costs more than the search."""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "_")):
            return text[:at]
        at = text.find(phrase, at + 1)
    return text


def _subject_person(masked: str, cast: _Cast) -> _Person | None:
    """A registered person named among a sentence's first words, where its subject sits, or
    just after an opening clause ("Setting out her vision as manager, Sarina Wiegman was ...")."""
    words = _DATELINE.sub("", masked.lstrip()).split()
    if words and words[0].lower() in _PRONOUNS:
        return None  # "He has called Greta Thunberg an ignorant child": he, not she
    comma = next((k for k, w in enumerate(words[:16]) if w.endswith(",")), None)
    for word in words[:6] + (words[comma + 1:comma + 4] if comma is not None and comma >= 5 else []):
        bare = re.sub(r"(?:'s|’s)$", "", word.strip(",.;:()[]"))
        if _is_name_token(bare) and (p := cast.person([bare])) is not None:
            return p
    return None


def _unnamed_person(name: str | None) -> bool:
    """Whether a speaker is someone described, not named: "A spokesman for the couple"."""
    words = (name or "").lower().split()
    return len(words) >= 2 and words[0] in ("a", "an", "the", "one") and words[1] in _ROLE_NOUNS | _GROUP_NOUNS


def _remember(recent: list[_Person], person: _Person) -> None:
    recent[:] = [p for p in recent if p.name != person.name] + [person]


def _comment_header(line: str, cast: _Cast) -> bool:
    if _COMMENT_START.match(line):
        return True
    m = _COMMENT_HEADER.match(line)
    if not m:
        return False
    words = m.group("who").split()
    return (words[0].lower() not in STOPWORDS and words[0].lower() not in ("another", "user", "one")
            and not any(w.lower() in _BETWEEN for w in words) and cast.person(words) is None)


def _is_turn_label(label: str, cast: _Cast) -> bool:
    if label.lower() in _INTERVIEWER:
        return True
    words = label.split()
    # One word is a turn label only as the last name of someone the article names in full
    # ("Hite:" after "Rick Hite"), not "Oklahoma City:" nor "Update:".
    known = cast.person(words)
    return (known is not None and (len(words) >= 2 or len(known.name.split()) >= 2 and _is_name_token(words[0]))) or (
        len(words) >= 2 and all(_is_name_token(w) for w in words))


def _tweet_lines(lines: list[str]) -> dict[int, str]:
    """Lines of embedded tweets: each signature line and the tweet's text line before it."""
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not (name := tweet_signer(line)):
            continue
        found[i] = name.strip()
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j >= 0 and (_TWEET_BODY.search(lines[j]) or not _SENTENCE_END.search(lines[j].strip())):
            found[j] = found[i]
    for i, line in enumerate(lines):
        if i not in found and _TWEET_BODY.search(line) and len(line.split()) <= 60:
            found[i] = ""
    return {i: (n or None) for i, n in found.items()}
