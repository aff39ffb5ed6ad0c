"""A question typed all in lower case ("putin said assad agrees to what kind of elections") has
its names capitalised as the closest passages write them ("Putin", "Assad", "ISIS", "Free
Beacon"), so that the checks reading names by their capitals (who is asked about, which names
an answer must be about, whose words are asked for) read it as they read a question typed with
care. A word is capitalised only when every time the passages use it, past a sentence's first
word, they capitalise it: "us" stays "us" where a passage says "tell us", "army" where one says
"the terrorist army". Questions typed with care (a capital first, and after it) are left as typed.

A question typed in haste loses more than capitals: its fillers ("ok so", "double-check:"),
the apostrophes of its contractions ("whats", "couldnt") and its shorthand ("w/", "RU", "DFM",
"ops", "say re") are put back as a careful writer types them (`tidied`), so that the checks
reading the question's shape ("what's the date ...", "why did ... couldn't ...") and its names
read it too. Its hedges ("Konashenkov I believe", "if I remember right", "Riabkov or however
it's spelled"), which say how sure the asker is, not what is asked, are dropped. A name misspelt
("Riabkov", "Shoygu") is read as the closest passages spell it (`respelled`), rather than
refused as a name the articles never mention. A learner's question, which drops its auxiliary
("What Putin say about ...?", "When RT post the tweet?") and names its source last (", by
Sputnik?", ", Putin say?"), is read as the same question asked in full (`with_auxiliary`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from .text import STOPWORDS


# Offices, which the passages capitalise before a name ("President Vladimir Putin") and a question
# names in lower case.
_TITLES = frozenset("""president minister secretary king queen prince emir chancellor premier spokesman
spokeswoman general colonel deputy foreign defense defence prime ambassador envoy""".split())


def needed(question: str) -> bool:
    """Whether the question was typed in haste: no capital after its first character, or none
    at its start ("when did putin do that Q&A ...")."""
    return not re.search(r"[A-Z]", question[1:]) or question[:1].islower()


# Fillers a hurried question opens with, before what it asks.
_FILLER = re.compile(r"^(?:(?:ok(?:ay)?|so|hey|um+|uh+|well|and|also|quick(?: one| q(?:uestion)?)?"
                     # (A forum user's "lol how many ...", "ngl, why ...", "wait, when ...".)
                     r"|lol|lmao|ngl|tbh|imo|btw|honestly|seriously|wait"
                     # (A teenager's "bro when did ...", "lowkey what ...", "deadass who ...".)
                     r"|bro|bruh|dude|lowkey|deadass|fr|no cap|can tell me"
                     # (A talkback caller's "G'day mate, quick one - ...", "Righto, ...", "Reckon you
                     # could tell me ...".)
                     r"|g['’]day(?: mate)?|righto|mate|reckon (?:you|ya) (?:could|can)(?= tell| give| find)"
                     r"|remind me(?=[,:;!-]*\s+(?:what|when|where|who|whom|which|why|how)\b)"
                     # (A call-centre courtesy: "Good day po! May I know who ...", "Hi Sir/Ma'am, kindly
                     # confirm what ...".)
                     r"|(?:good (?:day|morning|afternoon|evening)|hi|hello|greetings|dear)"
                     r"(?:\s+(?:po|sir|ma['’]am|madam|all|team|everyone))?(?:\s*/\s*(?:sir|ma['’]am|madam))?(?=\s*[!,.:])"
                     r"|(?:sir|ma['’]am|madam)(?:\s*/\s*(?:sir|ma['’]am|madam))?(?=\s*[,!:])"
                     # (Not before "which ...": `terse.requested` reads "kindly confirm which ...".)
                     r"|(?:kindly|please) confirm(?=[,:;!-]*\s+what\b)"
                     # (A Kenyan reporter's "Kindly, on which date ...?")
                     r"|kindly(?=[,:;!-]*\s+(?:(?:on|in|at|to|from|for|by)\s+)?(?:what|when|where|who|whom|which|why|how)\b)"
                     # (A student's "Kindly help po, I'm mixing up ...", "Kindly po, Shoigu said ...".)
                     r"|kindly(?: help)?(?=\s*,)|aye"
                     # (A translator's "Kindly I ask: the claim that ...".)
                     r"|(?:kindly\s+)?I (?:ask|want to ask|would like to ask)(?=\s*[:,])"
                     # (A producer's "Vale, last source check: where did ...?")
                     r"|(?:(?:last|final|one more|another|quick)\s+)?(?:double[- ]check"
                     r"|(?:fact|quote|byline|date|caption|name|source|attrib(?:ution|\.)?)[- ]check)"
                     # ("Viral claim: Lavrov said ... . What was his wording ...?")
                     r"|viral (?:claim|quote|post|tweet|headline|line)"
                     # ("Digest line: what did Ryabkov say ...?": what the answer is for.)
                     r"|(?:digest|newsletter|log|briefing|wire|bulletin) (?:line|entry|item)(?=\s*[:,–—-])"
                     r"|for (?:a|the|my|our) (?:reference|citation|source|record) (?:i['’]m|i am|we['’]re|we are)"
                     r" (?:verifying|checking|confirming)(?=\s*[:,–—-])"
                     # ("According to the articles, who stated ...?": they are all it reads.)
                     r"|(?:according to|per|in|from|based on) the (?:(?:indexed|retrieved|available|news|five) )?"
                     r"(?:articles|reports|sources|texts|coverage)"
                     # ("For the briefing note: how did Ryabkov say ...?": what the answer is for.)
                     r"|for the (?:record|briefing(?: note| paper)?|brief|committee|memo|minutes|file"
                     # (A producer's "Quick one for the script. Somebody said ...".)
                     r"|script|episode|segment|show|voice-?over|desk|column|story|bulletin|news desk|night desk)"
                     # ("Quick one for my debaters: what did ...?")
                     r"|for my (?:debaters|students|class|pupils|readers|listeners|viewers|team|editor|notes|essay"
                     r"|show notes|sheet|spreadsheet|podcast|piece|story)(?=\s*[:,])"
                     # (A Brazilian producer's "Oi gente!", "Tá, so ...", "Nossa, ...".)
                     r"|(?:(?:oi|ol[áa])(?:\s+gente)?|gente|t[áa]|p[ôo]|nossa|olha|eita|ent[ãa]o|beleza)(?=\s*[,!])"
                     r")\b\s*[,:;!.–—-]*\s+)+",
                     re.IGNORECASE)
# A call-centre courtesy after the question ("? Thank you in advance po.", ". For your reference, this
# is regarding ...", "? Just for my reference.") and its "po", no part of what is asked.
_THANKS_TAIL = re.compile(r"(?<=[?.!])(?:\s+(?:(?:just\s+)?for (?:your|my) (?:reference|information)[^.?!]*"
                          r"|thank(?:s| you)(?:\s+(?:po|sir|ma['’]am|madam|so much|very much|in advance|for [^.?!]{0,60}))*"
                          r"|please(?:\s+(?:sir|ma['’]am|madam))?)[.!]*)+\s*$",
                          re.IGNORECASE)
# ("May I know who ...?", "Good day po! May I know who ...?", "In the comments, may I know who ...?")
_MAY_I_KNOW = re.compile(r"(?:^\W*|(?<=[,!.:])\s*)(?:may|can|could) (?:i|we) (?:please |kindly )?(?:know|ask)"
                         r"(?=[,:;!-]*\s+(?:what|when|where|who|whom|which|why|how)\b)", re.IGNORECASE)
# A deposition's "the said statement of Ryabkov": the statement. (A sub-editor's "the said deputy
# minister Ryabkov", "the said spokesman": the one named before.)
_THE_SAID = re.compile(r"\b([Tt]he) said (?=statement|remarks?|claim|words|quote|interview|article|report|story|piece"
                       r"|news|line|(?:deputy |foreign |defen[cs]e |prime )?minister|spokes(?:man|woman|person)"
                       r"|official|president|secretary|ambassador|diplomat|commander|agency|outlet|newspaper|channel)")
_PO = re.compile(r"\s+po\b(?=\s*[,!.?]|\s+(?:thank|may|kindly|please)\b)")
# Contractions typed without their apostrophe, which no English word spells.
_CONTRACTIONS = re.compile(r"\b(what|where|who|how|when|that|there)s\b|\b(could|would|should|did|does|do|is|was"
                           r"|were|are|has|have|had)nt\b|\b(can|won)t\b", re.IGNORECASE)
# The progressive of a report, read as its past.
_PROGRESSIVE = {"posting": "post", "publishing": "publish", "reporting": "report", "telling": "tell", "saying": "say",
                "answering": "answer", "writing": "write", "giving": "give", "running": "run", "claiming": "claim",
                "describing": "describe", "quoting": "quote", "complaining": "complain", "arguing": "argue"}


def _article_lowered(phrase: str) -> str:
    """The phrase with its opening article in lower case, to stand inside a question."""
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", phrase)


# Shorthand a hurried asker types for what the articles spell out.
# ("the RU defense minister" is the Russian one, as "the RU jets" are.)
_RUSSIAN_NOUN = (r"(?=\s+(?:defen[cs]e|foreign|deputy|military|army|air|jets?|planes?|aircraft|forces?"
                 r"|government|officials?|president|ministry|minister|diplomats?|embassy|ambassador|envoy"
                 r"|spokes(?:man|woman|person))\b)")
# A name of up to three words as typed, capitalised (the learner's word orders below).
_NAME_TYPED = r"((?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,2})"
# A learner's "What Ryabkov answered ...?", and the "what Putin said about ..." a request wraps ("Got a
# caller wanting to know what Putin said about ..."): what did he say (answer, ...).
_WHAT_NAME_DID = re.compile(r"^(\W*)[Ww]hat " + _NAME_TYPED + r"\s+(said|says|thinks|thought|answered|responded|replied"
                            r"|told)\b")


def _what_did(m: re.Match[str]) -> str:
    return f"{m.group(1)}What did {m.group(2)} {_BARE_VERB.get(m.group(3), 'say')}"


def what_did(question: str) -> str:
    """"What Putin said about Y?" as "What did Putin say about Y?"."""
    return _WHAT_NAME_DID.sub(_what_did, question)


_SHORTHAND = ((re.compile(rf"\b(?:RU|rus)\b{_RUSSIAN_NOUN}"), "Russian"), (re.compile(r"\bRU\b"), "Russia"),
              # A phone's: "wat", "wich", "hw many", "thru", "abt", "b4", "bc", "ppl", "acording", "u".
              (re.compile(r"\b(?:wat|wht|wut)\b"), "what"), (re.compile(r"\b(?:wich|whic)\b"), "which"),
              (re.compile(r"\bhw\b"), "how"), (re.compile(r"\bthru\b"), "through"), (re.compile(r"\babt\b"), "about"),
              (re.compile(r"\bb4\b"), "before"), (re.compile(r"\bbc\b"), "because"), (re.compile(r"\bppl\b"), "people"),
              (re.compile(r"\bacc?ording\b"), "according"), (re.compile(r"(?<![\w'’.-])u(?![\w'’.-])"), "you"),
              (re.compile(r"(?<![\w'’.-])r(?![\w'’.-])"), "are"),
              # Dictation's spoken punctuation and its "wear" for "where": "what is the name of the
              # minister comma the one who ...", "wear are the jets based question mark".
              (re.compile(r"\s+comma\s+", re.IGNORECASE), ", "),
              (re.compile(r"\s*\bquestion mark\W*$", re.IGNORECASE), "?"),
              (re.compile(r"^(\W*)wear(?=\s+(?:are|is|was|were|did|do|does|exactly)\b)", re.IGNORECASE), r"\1where"),
              (re.compile(r"\b(terror|target|training|web|launch|missile|military|news)\s+(?:sights?|cites?)\b",
                          re.IGNORECASE), lambda m: f"{m.group(1)} sites"),
              (re.compile(r"\bjournos\b"), "journalists"), (re.compile(r"\bjourno\b"), "journalist"),
              (re.compile(r"(?<=[a-z]) n (?=[a-z])"), " and "),
              (re.compile(r"\brus\b"), "Russia"), (re.compile(r"\bDFM\b"), "deputy foreign minister"),
              (re.compile(r"\bops\b"), "operations"), (re.compile(r"\binfo\b"), "information"),
              (re.compile(r"\bgovt\b", re.IGNORECASE), "government"), (re.compile(r"\bDept\b\.?"), "Department"),
              (re.compile(r"(?<!['’])\bre:?(?=\s+\w)"), "about"),  # (not the "'re" of "We're")
              (re.compile(r"(?<=\s)w(?=\s)"), "with"), (re.compile(r"\bchem\b"), "chemical"),
              (re.compile(r"\bSept?\.?(?=\s+\d)"), "September"),
              # A bare noun for what is asked: "date on the RT tweet", "Syrian DFM in the story - name?"
              (re.compile(r"^(date|name|number|time)\s+(?=of|on|for|in)\b", re.IGNORECASE),
               lambda m: f"What is the {m.group(1).lower()} "),
              (re.compile(r"^(?:the\s+)?(?P<what>[^?]{3,80}?)\s+[-–—:]\s*(?:full\s+)?name\s*\??$", re.IGNORECASE),
               r"What is the name of the \g<what>?"),
              # An analyst's abbreviations, which the articles spell out ("MoD" alone stays: RT's
              # tweet signs its combat report "MoD").
              (re.compile(r"\bState\s+(?:Dept\.?\s+)?(?=spox\b|spokes(?:man|woman|person)\b)"), "State Department "),
              (re.compile(r"\bspox\b"), "spokesman"),
              # A translator's: "the american foreign ministry" is the State Department; a "vice
              # foreign minister" a deputy one.
              (re.compile(r"\b(?:(?i:american|united states)|US|U\.S\.|us)(?:['’]s?)?\s+(?i:foreign ministry|ministry of foreign"
                          r" affairs)\b"), "US State Department"),
              (re.compile(r"\b([Vv])ice[- ](?=(?:foreign |defen[cs]e )?minister\b)"),
               lambda m: "Deputy " if m.group(1) == "V" else "deputy "),
              (re.compile(r"\bMoD\b(?=\s+(?:spokes(?:man|woman|person)|officials?|chief|head)\b)"), "Defense Ministry"),
              (re.compile(r"\bUSAF\b"), "US Air Force"), (re.compile(r"\bISR\b"), "intelligence"),
              (re.compile(r"\bSAA\b"), "Syrian army"), (re.compile(r"\bUNSC\b"), "UN Security Council"),
              (re.compile(r"\bMoU\b"), "memorandum"),
              # A texter's: "wat did lavrof say abt the fsa", "y r they reluctant", "how many ppl".
              (re.compile(r"\bwat(s?)\b"), r"what\1"), (re.compile(r"\babt\b"), "about"),
              (re.compile(r"\bppl\b"), "people"), (re.compile(r"\bbc\b"), "because"),
              (re.compile(r"(?<![\w'’./-])r(?![\w'’./-])"), "are"), (re.compile(r"(?<![\w'’./-])u(?![\w'’./-])"), "you"),
              (re.compile(r"(?:^|(?<=[\s,]))y(?=\s+(?:is|are|was|were|r|did|does|do|has|have|had|would|could|should"
                          r"|can|won|isn|wasn|aren|weren|didn|doesn|don)\b)"), "why"),
              (re.compile(r",?\s*\b(?:idk|btw|thx|pls|plz)\b,?", re.IGNORECASE), " "),
              # ("(i.e. where Russian planes should not attack)": no sentence ends at its dots.)
              (re.compile(r"\bi\.\s?e\.,?(?=\s)", re.IGNORECASE), "that is"),
              (re.compile(r"\be\.\s?g\.,?(?=\s)", re.IGNORECASE), "for example"),
              # A formal asker's: "Mr Lavrov", "in respect of the risks": a courtesy no article
              # sentence needs to hold, and "about" in more words.
              (re.compile(r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Mister|Madam)\.?\s+(?=[A-Z](?!resident\b|rime\b|ecretary\b|peaker\b))"), ""),
              (re.compile(r"\b(?:in|with) (?:respect|regard|relation) (?:of|to)\b|\bas regards\b"), "about"),
              # "To which source does the Moscow Times attribute the report that ...?" asks whom
              # it cites, not for a sentence holding the word "source".
              (re.compile(r"\b([Tt])o (?:which|what) sources?(?=\s+(?:does|did|do)\b[^?]*\battribut)"), r"\1o whom"),
              # A tabloid's: "the Yanks", "a Yank top dog", "the Pentagon bloke", "Which rag ran ...?".
              (re.compile(r"\bYanks\b"), "Americans"), (re.compile(r"\bYank\b"), "American"),
              (re.compile(r"\b(?:bloke|chap|fella|geezer)\b"), "man"),
              (re.compile(r"\b([Ww]hich|[Ww]hat) rag\b"), r"\1 newspaper"),
              (re.compile(r"\bspy (?:data|info|information|intel|secrets)\b"), "intelligence"),
              # A talkback caller's: "..., mate?", "the Ruskies", "having a go at", "whereabouts in".
              (re.compile(r",?\s+mate(?=\W*$)"), ""), (re.compile(r"\bRus(?:s)?kies\b"), "Russians"),
              (re.compile(r"\b(having|had|has|have) a go at\b"),
               lambda m: {"having": "criticizing", "had": "criticized", "has": "criticizes"}.get(m.group(1), "criticize")),
              (re.compile(r"\b([Ww])hereabouts(?= (?:in|is|are|was|were|did|do|does)\b)"), r"\1here"),
              (re.compile(r"^\W*[Ww]hat['’]s the (?:go|deal|story) with\s+"), ""),
              # A children's presenter's plain words for offices and news words: "the man who runs
              # Russia's army" is its defence minister, "the Russian helper foreign minister" a deputy
              # one, "America's foreign affairs office" the State Department, "the American-led team
              # of countries" the coalition.
              (re.compile(r"\b(?:(?:the )?(?:man|woman|person|official|guy) (?:who|that) (?:runs|leads|heads|is in charge of"
                          r"|commands|is the boss of) (?P<of>russia|america|syria|the us)['’]s? (?:army|military|armed forces)"
                          r"|(?P<whose>russia|america|syria|the us)['’]s? (?:army|military) (?:boss|chief|head))\b",
                          re.IGNORECASE),
               lambda m: f"the {_PEOPLE_OF[(m.group('of') or m.group('whose')).lower()]} defense minister"),
              (re.compile(r"\b(?:helper|assistant|junior|number[- ]two)\s+(?=(?:foreign|defen[cs]e) minister\b)",
                          re.IGNORECASE), "deputy "),
              (re.compile(r"\btop (?=(?:foreign|defen[cs]e) minister\b)", re.IGNORECASE), ""),
              (re.compile(r"\b(?:america|the us|the united states)['’]s? (?:foreign affairs|foreign) (?:office|department)\b",
                          re.IGNORECASE), "the US State Department"),
              (re.compile(r"\b(?:team|group|club|gang) of countries\b", re.IGNORECASE), "coalition"),
              # A professor's capitals for their governments: "the Kremlin leader" is the Russian
              # president, "the Kremlin's defence chief" its defence minister, "Damascus's army" Syria's.
              (re.compile(r"\b(?:the )?kremlin(?:['’]s)? (?:leader|chief|boss|head)\b", re.IGNORECASE), "the Russian president"),
              (re.compile(r"\b(?:the )?(kremlin|moscow|damascus)['’]s (defen[cs]e (?:chief|minister)|army|military"
                          r"|foreign minister)\b", re.IGNORECASE),
               lambda m: f"the {_PEOPLE_OF[m.group(1).lower()]} {m.group(2)}"),
              (re.compile(r"\bplane crews\b", re.IGNORECASE), "aircraft crews"),
              (re.compile(r"\b(dropping|dropped|drop|drops) bombs on\b", re.IGNORECASE),
               lambda m: {"dropping": "bombing", "dropped": "bombed", "drops": "bombs"}.get(m.group(1).lower(), "bomb")),
              # A student's "how come ...?": why.
              (re.compile(r"\b([Hh])ow come\b"), lambda m: "Why" if m.group(1) == "H" else "why"),
              # A learner's "since how much time": how long.
              (re.compile(r"\b([Hh])ow much time\b"), r"\1ow long"),
              # A historian's: "the then deputy foreign minister", "the State Department spokesman of
              # the day": the office. ("Back in autumn 2015, ...": "Back" is no name the articles miss.)
              (re.compile(r"\b([Tt]he) then\s+(?=[A-Za-z])"), r"\1 "),
              (re.compile(r"\b(minister|spokes(?:man|woman|person)|president|officials?|secretary|ambassador|envoy"
                          r"|chief|commander|diplomat)\s+of the (?:day|time)\b", re.IGNORECASE), r"\1"),
              (re.compile(r"^(\W*)Back in\b"), r"\1back in"),
              # ("... about the refugee crisis back in September": in September.)
              (re.compile(r"\s+back(?= in (?:(?:early|late|mid)[- ])?(?:January|February|March|April|May|June|July|August"
                          r"|September|October|November|December|\d{4}|spring|summer|autumn|fall|winter)\b)"), ""),
              # A learner's bare verb after "who": "the minister who tell Channel One ...".
              (re.compile(r"(?<=\b[Ww]ho )(tell|say|give|ask|share|post|publish|write|report)\b"), lambda m: past(m.group(1))),
              # A learner's source named last: "why are the camps off limits, what officials said?"
              # (Not "On the crisis, what the Foreign Minister Lavrov has said?": his words, read below.)
              (re.compile(r",\s*what\s+(?!(?:he|she|they|it|you|we|i)\b)([^,?]{2,40}?)(?<!\bhas)(?<!\bhave)(?<!\bhad)"
                          r"\s+(?:said|say|says|told)\s*\?\s*$",
                          re.IGNORECASE), r", according to \1?"),
              # A learner's dropped article: "what is date of the article", "who is author (reporter) of".
              (re.compile(r"\b((?:[Ww]hat|[Ww]hich|[Ww]ho)\s+(?:is|was))\s+(?=(?:publish(?:ed|ing)?\s+|publication\s+)?"
                          r"(?:date|name|number|author|reporter|title|reason|location|attitude|position)\b"
                          r"(?:\s+\([^()]{1,30}\))?\s+(?:of|for)\b)"), r"\1 the "),
              # An Indian English "As per Putin, ...": according to him.
              (re.compile(r"\b[Aa]s per\b"), lambda m: f"{m.group(0)[0]}ccording to"),
              # A wire desk's: "Russian Dep. FM", "defense min.", "Pres. Putin", "SecState Kerry",
              # "Interfax/Anadolu int.:", "natl reconciliation", "w/o US intel", "covert op".
              (re.compile(r"\b[Dd]ep\.?\s+(?=FM\b)"), "deputy "),  # ("FM" is read as it is: `answerable`)
              (re.compile(r"\b(?:([Dd]efen[cs]e)|[Dd]ef\.?)\s+min(?:\.|\b)"),
               lambda m: f"{m.group(1) or 'defense'} minister"),
              (re.compile(r"\bPres\.\s+(?=[A-Z])"), "President "),
              (re.compile(r"\bSec(?:\.\s*)?State\b"), "Secretary of State"),
              (re.compile(r"\bint\.(?=\s*[:;,?])"), "interview"), (re.compile(r"\bnatl\b\.?"), "national"),
              (re.compile(r"(?<![\w/])w/o(?![\w/])"), "without"), (re.compile(r"\bacc\.\s+to\b"), "according to"),
              (re.compile(r"\b(covert|military|psy) op\b"), r"\1 operation"),
              # A Portuguese speaker's "Which was the date ...?" (what), "..., no?" (a tag), and an
              # English speaker's "Who's the commander ...?".
              (re.compile(r"^(\W*)[Ww]hich (is|was|were|are) the\b"), r"\1What \2 the"),
              (re.compile(r",\s*no\s*\?\s*$"), "?"),
              (re.compile(r"\b([Ww])ho['’]s(?=\s+(?:the|a|an|this|that)\b)"), r"\1ho is"),
              # A learner's word order: "John Kirby what said about ...?", "Kerry how answered ...?",
              # "What said Obama to Putin ...?".
              (re.compile(r"^(\W*)" + _NAME_TYPED + r"\s+(what|how)\s+"
                          r"(said|answered|responded|replied|told)\b"),
               lambda m: f"{m.group(1)}{m.group(3).capitalize()} did {m.group(2)} {_BARE_VERB[m.group(4)]}"),
              (re.compile(r"^(\W*)[Ww]hat (?:said|says) " + _NAME_TYPED + r"\b"),
               r"\1What did \2 say"),
              # A French or Arabic speaker's "In which place ...?", "For which reason ...?", "Since how
              # many days ...?", "the date of the publication of ...", "What Obama answered to Putin
              # ...?", "Please, why ...?".
              (re.compile(r"^(\W*)(?:[Ii]n|[Aa]t) (?:which|what) (?:place|location|spot|venue)\b"), r"\1Where"),
              (re.compile(r"^(\W*)[Ff]or (?:which|what) reasons?\b"), r"\1Why"),
              # (An academic's "On what grounds does Shoigu contest ...?", "What number of sites is said
              # to ...?", "Which figure is identified as the spokesman ...?".)
              (re.compile(r"^(\W*)[Oo]n what grounds\b"), r"\1Why"),
              (re.compile(r"\b([Ww])hat number of\b"), lambda m: "How many" if m.group(1) == "W" else "how many"),
              (re.compile(r"^(\W*)[Ww]hich (?:figure|individual|person|personage|party) (is|was) (?:identified|named"
                          r"|given|described|cited|designated) as\b"), r"\1Who \2"),
              # (A Ukrainian speaker's "How much sorties ... flied", "the spokesman which said",
              # "according Putin", "by Riabkov words".)
              (re.compile(r"\b([Hh])ow much (?=(?:sorties|sites|targets|camps|people|jets|planes|strikes|airstrikes|days"
                          r"|countries|times|members|officers|soldiers|troops|civilians|groups|agencies)\b)"), r"\1ow many "),
              (re.compile(r"\bflied\b"), "flew"),
              (re.compile(r"\b((?:spokes(?:man|woman|person)|minister|official|president|diplomat|commander|journalist"
                          r"|reporter|man|woman|person|leader)s?(?:\s+(?:of|for|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4})?)"
                          r"\s*which (?=(?:said|told|claimed|stated|asked|wrote|called|accused|says|tells)\b)"), r"\1 who "),
              (re.compile(r"\b([Aa])ccording (?=(?-i:[A-Z]))"), r"\1ccording to "),
              (re.compile(r",?\s+(?:by|in|from) ((?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+){0,2})(?:['’]s?)? (?:own )?words\b"),
               r", according to \1"),
              # A caption's "Who: US strikes hit terrorists 'very rarely'?" (who said the line), "Mekdad
              # 'significant results' quote — outlet?" (which outlet reported it), "Ryabkov 'own goals'
              # remarks, told which agency?" (whom he told).
              (re.compile(r"^(\W*)[Ww]ho\s*:\s*(?=[^?]*['‘’\"“”])"), r"\1Who said "),
              (re.compile(r"^(\W*)(?!(?:who|whose|whom|what|which|when|where|why|how|let|state|is|was|did|does|do)\b)"
                          r"([^?]{5,150}?)\s*(?:—|–|--|:|,)\s*(?:which\s+)?(?:outlet|publication|site|paper"
                          r"|newspaper)\s*\?\s*$", re.IGNORECASE), r"\1Which outlet reported \2?"),
              (re.compile(r"^(\W*)" + _NAME_TYPED + r"\s+([^?,]{3,80}?)\s*,\s*told (?:which|what) (agency|channel|outlet"
                          r"|network|paper|newspaper|station)\s*\?\s*$"), r"\1Which \4 did \2 tell about \3?"),
              # (And a South Asian English "What for the US has frozen ...?".)
              (re.compile(r"^(\W*)[Ww]hat for(?=\s+(?:the|[A-Z]\w*|did|does|do|is|was|were|are|has|have|had)\b)"),
               r"\1Why"),
              (re.compile(r"^(\W*)[Ss]ince how (many|much|long)\b"), r"\1For how \2"),
              (re.compile(r"\bdate of (?:the )?publication of\b"), "publication date of"),
              (re.compile(r"\b([Ww])hat (?:is|was|were|are) the (?:quantity|amount) of\b"),
               lambda m: "How much" if m.group(1) == "W" else "how much"),
              (_WHAT_NAME_DID, _what_did),
              (re.compile(r"^(\W*)[Pp]lease,?\s+(?=(?:what|when|where|who|whom|which|why|how)\b)"), r"\1"),
              # An Italian speaker's present perfect and inversion: "What has said the Ryabkov about
              # ...?", "Who is that one who has written that ...?", "Who is that has written ...?" (and a
              # Portuguese speaker's "What said Ryabkov about ...?").
              (re.compile(r"^(\W*)[Ww]hat (?:(?:has|have) )?(said|answered|declared|stated|told|written) (?:the )?"
                          + _NAME_TYPED + r"(?=\s+(?:about|on|regarding|concerning|of|to)\b)"),
               lambda m: f"{m.group(1)}What did {m.group(3)} {_BARE_VERB.get(m.group(2), 'say')}"),
              # (Where a sentence opens: "Readers commented. Who is that has written ...?")
              (re.compile(r"(?:^|(?<=[.?!] ))(\W*)[Ww]ho is (?:(?:that|the) one (?:who|that)"
                          r"|that|it that|it) (?:has |had )?(said|written|declared|stated|claimed|told|wrote)\b"),
               lambda m: f"{m.group(1)}Who {_PAST.get(m.group(2), m.group(2))}"),
              # A columnist's "What was Putin's own take concerning ...?", a footnote's "Quote Putin,
              # from the Q&A, on ...": his words on it.
              (re.compile(r"^(\W*(?:[^?]{3,100}?,\s+)?)([Ww])hat (?:was|is|were|are) " + _NAME_TYPED
                          + r"['’]s (?:own |personal |exact )?(?:take|view|position|stance|assessment|verdict|opinion"
                          r"|read|reading|line|reaction|response) (?:concerning|on|about|regarding|of|as regards"
                          r"|with regard to)\b"),
               lambda m: f"{m.group(1)}{m.group(2)}hat did {m.group(3)} say about"),
              (re.compile(r"^(\W*)[Qq]uote " + _NAME_TYPED + r"(?:,[^,?]{3,80},)?\s+(?:on|about|regarding|concerning)\s+"
                          r"([^?]{3,200}?)[.?]?\s*$"), r"\1What did \2 say about \3?"),
              # A Korean speaker's topic first and verb last: "Ryabkov, without US intelligence, from
              # where Russia gets information — what said?", "Kirby, intelligence sharing about —
              # exactly what said?", "Putin, refugee crisis — cause, what said?".
              # (And a Hebrew speaker's: "Kerry, on sharing intelligence — what he said?", "Shoigu about
              # the bombers, what he said exactly?", "Putin and the FSA — what he said, in the interview?".)
              (re.compile(r"^(\W*)" + _NAME_TYPED + r"(?:,\s*(?:(?:on|about|regarding)\s+)?|\s+(?:on|about|regarding|and)\s+)"
                          r"([^?]{3,200}?)(?:\s+about)?\s*(?:—|–|--|-|,(?=\s*what\s+(?:he|she|they)\b))\s*"
                          r"(?:[^?,—–]{1,30},\s*)?(?:exactly\s+|in [^?,—–]{1,40}?\s+)?what\s+(?:(?:he|she|they)\s+)?"
                          r"(?:said|say|says)(?:\s+exactly)?(,\s*[^?]{3,60}?)?\s*\?\s*$"),
               lambda m: f"{m.group(1)}What did {m.group(2)} say about {m.group(3)}{m.group(4) or ''}?"),
              # "People are running from Islamic State — whose words these are?": who said it.
              (re.compile(r"^(\W*)([^?]{10,300}?)\s*(?:—|–|--|:)\s*whose (?:words|quote|line|statement|claim)"
                          r" (?:these are|are these|is this|this is|is it|it is)\s*\?\s*$", re.IGNORECASE),
               r"\1Who said \2?"),
              # A student's "the EU Times one got posted": the article.
              (re.compile(r"\b(the\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+one\b(?=\s+(?:get|got|gets|was|is|came|went)\s+"
                          r"(?:posted|published|out|up|online)\b)", re.IGNORECASE), r"\1 article"),
              # A Vietnamese speaker's question word last: "X, name who?", "X, he is who?", "X is which
              # aircraft model?", and the "already" of a past event ("Putin already say ...").
              (re.compile(r"^(\W*)(?:the\s+)?([^?,]{3,200}?),\s*(?:(?:his|her|their)\s+)?(?:name\s+(?:is\s+)?|(?:he|she)\s+is\s+)"
                          r"who\s*\?\s*$", re.IGNORECASE), r"\1Who is the \2?"),
              # ("Putin says the only joint US-Russian document approved so far is which one?": which it
              # is, according to him.)
              (re.compile(r"^(\W*)([^?,]{3,150}?)\s+(is|are|was|were)\s+(which|what)\s+([^?,]{1,40}?)\s*\?\s*$"),
               lambda m: f"{m.group(1)}{m.group(4).capitalize()} {m.group(5)} {m.group(3)} {said.group(2)}, according to "
                         f"{said.group(1)}?" if (said := re.match(
                             r"((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s+(?:says|said|claims|claimed|insists|insisted)"
                             r"\s+(?:that\s+)?(.+)$", m.group(2)))
               else f"{m.group(1)}{m.group(4).capitalize()} {m.group(5)} {m.group(3)} {m.group(2)}?"),
              (re.compile(r"(?<=[A-Za-z])\s+already\s+(?=(?:say|tell|give|post|publish|work|talk|speak|discuss|claim"
                          r"|announce|report|ask|answer|propose|start|agree)\b)"), " "),
              # A learner's question word last after a note's noun: "EU Times article post day what?".
              (re.compile(r"\b(day|date|time|place|reason|number)\s+what\s*\?\s*$", re.IGNORECASE), r"\1?"),
              # A formal passive: "What was stated by Foreign Minister Lavrov concerning the FSA?",
              # "In what terms was the refugee crisis described by President Putin?".
              (re.compile(r"^(\W*)[Ww]hat (?:was|were|is|has been|had been) (?:said|stated|declared|asserted|claimed)"
                          r" by ((?:the )?[^?,]{3,60}?) (?:regarding|about|concerning|with regard to|with respect to"
                          r"|in relation to|as regards|on the subject of|in connection with)\b"),
               r"\1What did \2 say about"),
              (re.compile(r"^(\W*)(?:[Ii]n what terms|[Hh]ow) (?:was|were|is|are|has been|have been) ([^?,]{3,80}?) "
                          r"(?:described|characteri[sz]ed|portrayed|depicted) by ((?:the )?[^?,]{3,60}?)\s*\?"),
               r"\1How did \3 describe \2?"),
              # "the Putin Interfax/Anadolu interview": two names.
              (re.compile(r"(?<![\w/.])((?-i:[A-Z])[\w'’-]*)/(?=(?-i:[A-Z])[\w'’-]*(?![\w/.]))"), r"\1 and "),
              # A Scottish speaker's spelling and idiom: "aboot", "tae", "wi'", "heid", "yer man Lavrov",
              # "Who was it went on aboot ...?", "What's X on about re Y?", "What did X make of Y?",
              # "What was X saying aboot Y?".
              (re.compile(r"\b([Aa])boot\b"), r"\1bout"), (re.compile(r"\b([Oo])ot\b"), r"\1ut"),
              (re.compile(r"\btae\b"), "to"), (re.compile(r"\bf(?:r)?ae\b"), "from"),
              (re.compile(r"\bwi['’](?=\s)"), "with"), (re.compile(r"\bheid\b"), "head"),
              (re.compile(r"\b[Yy]er (?:man|wan|fella)\s+(?=[A-Z])"), ""),
              (re.compile(r"^(\W*)[Ww]ho (?:was|is) it (?:that |who )?(?=went on|(?:[a-z]+ed|said|told|wrote|spoke|took|put"
                          r"|came out with)\b)"), r"\1Who "),
              (re.compile(r"\bwent on about\b"), "talked about"),
              # (A phone-in producer's "wantin tae ken", "fightin", "Gie us", "if ye can", "dinnae":
              # wanting to know, fighting, give us, you, don't.)
              (re.compile(r"\b(want|fight|say|talk|ask|go|tell|look|bomb|shar|strik|hitt|com|mak|gett|tak)in\b"),
               r"\1ing"),
              (re.compile(r"(?<=\bto )ken\b"), "know"), (re.compile(r"\b([Gg])ie\b"), r"\1ive"),
              (re.compile(r"\bye\b"), "you"), (re.compile(r"\b([Dd])innae\b"), r"\1on’t"),
              (re.compile(r"\b([Cc])annae\b"), r"\1an’t"),
              # ("What'd he say ...?": what did he.)
              (re.compile(r"\b((?i:what|when|where|why|how|who))['’]d(?=\s+(?:he|she|they|it|you|(?-i:[A-Z])))"),
               r"\1 did"),
              (re.compile(r"^(\W*)[Ww]hat['’]?s " + _NAME_TYPED + r" on about (?:re|about|with|regarding)\b"),
               r"\1What did \2 say about"),
              (re.compile(r"^(\W*)[Ww]hat (?:did|does) " + _NAME_TYPED + r" make of\b"), r"\1What did \2 say about"),
              (re.compile(r"^(\W*)[Ww]hat (?:was|were|is) " + _NAME_TYPED + r" (?:saying|on about|going on) about\b"),
               r"\1What did \2 say about"),
              # A Delhi blogger's Hindi words in English questions ("Hinglish"): "yaar" (mate), a
              # closing "na", "only" and "itself" for stress, "kitne" (how many), "RT wala report"
              # (the RT one), "X ne Y ke baare mein kya kaha" (what did X say about Y), "X ne Y kab
              # post kiya tha" (when did X post Y), "X ka spokesman kaun hai" (who is X's
              # spokesman), "kaun sa" (which), "Sputnik piece mein" (in the Sputnik piece), "EU
              # Times ke hisaab se" (according to EU Times).
              (re.compile(r"^\W*yaar\b[\s,]*|,?\s+yaar\b", re.IGNORECASE), ""),
              (re.compile(r"\s+na(?=\s*[?.!]|\s*$)"), ""),
              (re.compile(r"\b((?:which|what)\s+(?:date|day|year|month|time|place)|how long)\s+(?:only|itself)\b",
                          re.IGNORECASE), r"\1"),
              (re.compile(r"\s+(?:only|itself)(?=\s*\?)"), ""),
              (re.compile(r"\bkitne din\b", re.IGNORECASE), "how many days"),
              (re.compile(r"\bkit(?:ne|ni)\b", re.IGNORECASE), "how many"), (re.compile(r"\bkitna\b", re.IGNORECASE), "how much"),
              (re.compile(r"\s+\b(?:wala|wali|wale)\b"), ""), (re.compile(r"\bkaun ?sa\b", re.IGNORECASE), "which"),
              (re.compile(r"^(\W*)" + _NAME_TYPED + r" ne ([^?]{2,120}?) ke baare (?:mein|me) kya (?:kaha|bola|bataya)\b"),
               r"\1What did \2 say about \3"),
              (re.compile(r"^(\W*)" + _NAME_TYPED + r" ne ([^?]{2,120}?) kab ([a-z]+) (?:kiya|kari|kiye|ki)"
                          r"(?:\s+(?:tha|thi|the|hai))?\b"), r"\1When did \2 \4 \3"),
              (re.compile(r"^(\W*)([^?,]{2,60}?)\s+ka\s+([^?,]{2,40}?)\s+kaun (?:hai|tha)\b"), r"\1Who is the \3 of \2"),
              (re.compile(r"^(\W*)([Kk])ya (day|date|reason|number) (?:tha|thi|hai)\b"),
               lambda m: f"{m.group(1)}{'W' if m.group(2) == 'K' else 'w'}hat {m.group(3)} was it"),
              (re.compile(r"\bkis (date|day|din) (?:pe|par|ko)\b", re.IGNORECASE),
               lambda m: f"on which {'day' if m.group(1).lower() == 'din' else m.group(1)}"),
              (re.compile(r"\b([Ww]hat) all\b"), r"\1"),
              (re.compile(r"^(\W*)([^?,]{2,40}?)\s+mein\s+"), r"\1In \2, "),
              (re.compile(r"^([^?]+)\?\s+([^?]{2,60}?)\s+ke hisaab se\s*$"), r"\1, according to \2?"),
              # "Putin says the refugee crisis was totally expected - why, what is the cause?": why
              # it was, by his account.
              (re.compile(r"^(\W*)" + _NAME_TYPED + r" (?:says|said|claims|claimed|thinks|believes)(?: that)? ([^?]{3,120}?)"
                          r"\s+(is|was|are|were)\s+([^?]{2,80}?)\s*[-–—,]\s*why\b[^?]*\?\s*$"),
               r"\1Why \4 \3 \5, according to \2?"),
              # A Persian translator's verb last: "What Putin about the cooperation with the FSA has
              # said?", "On the refugee crisis, what the Foreign Minister Lavrov has said?", "The
              # sentence '...' — which person this has said?" (who said it).
              (re.compile(r"^(\W*(?:[^?]{3,100}?,\s+)?)([Ww])hat (?!(?:did|does|do|is|was|are|were|has|have|had)\b)"
                          r"([^?,]{2,80}?)\s+((?:about|on|regarding|concerning)\s+[^?]{3,150}?)\s+(?:has|have|had)\s+"
                          r"(?:said|stated|told)\s*\?"),
               r"\1\2hat did \3 say \4?"),
              (re.compile(r"^(\W*)(?:[Oo]n|[Aa]bout|[Rr]egarding|[Cc]oncerning)\s+([^?]{3,150}?),\s*what\s+"
                          r"(?!(?:did|does|do|is|was|are|were|has|have|had)\b)([^?,]{2,80}?)\s+(?:has|have|had)\s+"
                          r"(?:said|stated|told)\s*\?"), r"\1What did \3 say about \2?"),
              (re.compile(r"^(\W*)(?:(?:the|this) (?:sentence|statement|line|quote|words|claim)(?: that)?\s+"
                          r"|regarding the statement that\s+)?"
                          r"([^?]{10,300}?)\s*(?:—|–|--|:)\s*(?:(?:which person|who)\s+(?:this|these words|this statement"
                          r"|this sentence)\s+(?:has|have|had)\s+(?:said|made|stated|written)"
                          r"|by whom (?:was|were|has been|had been) (?:this|it|that)(?: statement| claim)? (?:said|made|stated"
                          r"|written))\s*\?\s*$", re.IGNORECASE),
               r"\1Who said \2?"),
              (re.compile(r"^(\W*)([^?,]{2,80}?),\s*(?:about|on|regarding|concerning)\s+([^?]{3,150}?),\s*what\s+"
                          r"(?:(?:he|she|they)\s+)?(?:has|have|had)\s+(?:said|stated)\s*\?"),
               lambda m: f"{m.group(1)}What did {_article_lowered(m.group(2))} say about {m.group(3)}?"),
              # ("Somebody is complaining that ... . Who has said this?")
              (re.compile(r"^(\W*)(?:somebody|someone|a person|one person)\s+(?:is\s+)?(complaining|saying|claiming|arguing"
                          r"|writing)\s+(that\s+[^?]{10,300}?)[.!]\s+(?:who|which person)\s+(?:has\s+)?(?:said|written|made"
                          r"|stated)\s+(?:this|that|it)\s*\?", re.IGNORECASE),
               lambda m: f"{m.group(1)}Who {past(_PROGRESSIVE[m.group(2).lower()])} {m.group(3)}?"),
              # A newsreader's copy: "Ryabkov -- US and coalition in a politically dubious position. Who
              # published that version" (which outlet reported it).
              (re.compile(r"^(\W*)([^?]{5,250}?)[.!]?\s+(?:who|which (?:outlet|paper|site|publication|newspaper)"
                          r"|what (?:outlet|paper|site))\s+(?:published|carried|ran|reported|printed)\s+(?:that|this|it)"
                          r"(?:\s+(?:version|story|line|quote|one|piece))?\s*[?.]?\s*$", re.IGNORECASE),
               lambda m: f"{m.group(1)}Which outlet reported {_article_lowered(m.group(2))}?"),
              # "The EU Times says senior Iranian officials doubted ... . Who was the Iranian official who said
              # that?": the one who said what the outlet reports.
              (re.compile(r"^(\W*)(?:the\s+)?(?-i:[A-Z])[\w'’ -]{1,40}?\s+(?:says|said|reports|reported|writes|wrote)\s+(?:that\s+)?"
                          r"([^.?]{10,250}?)[.!]\s+([Ww]ho (?:was|is) the [^?]{2,40}?) who (?:said|says|claimed|made) (?:that|it"
                          r"|this)\s*\?\s*$"), r"\1\3 who said that \2?"),
              # "The Moscow Times piece mentions a Guardian report on suicide bombers in Aleppo. What day was that
              # report published?": the day the Guardian reported it, as the piece says.
              (re.compile(r"^(\W*)[^.?]{2,80}? (?:mentions|cites|quotes|refers to) (?:a|an|the) ((?-i:[A-Z])[\w'’ -]{1,30}?) "
                          r"(report|story|article|piece) (on|about) ([^.?]{3,150}?)\.\s*(?:[Ww]hat|[Ww]hich|[Oo]n what|[Oo]n which)"
                          r" (day|date) was (?:that|this|the) \3 (?:published|released|out)\s*\?\s*$"),
               r"\1What \6 did the \2 report \4 \5?"),
              # A teacher's "The official in the Free Beacon story asking why ... - who was it?": who he was.
              (re.compile(r"^(\W*)[Tt]he ((?:official|spokesman|spokeswoman|person|man|woman|minister|diplomat|officer"
                          r"|commander|analyst|expert|source)\b[^?]{5,200}?)\s*[-–—:]+\s*[Ww]ho (was|is) (?:it|he|she|that)\s*\?\s*$"),
               r"\1Who \3 the \2?"),
              # "Free Beacon quotes one official asking why ... . Who is this official, name?": the official it quotes.
              (re.compile(r"^(\W*)((?-i:[A-Z])[^.?]{2,60}?) (quotes|cites) (?:one|an?|the) (official|spokesman|person|source"
                          r"|diplomat|officer) ([^.?]{3,200}?)\.\s*[Ww]ho (is|was) (?:this|that|the) \4\b(?:,?\s*(?:name|by name"
                          r"|please))?\s*\?\s*$"), r"\1Who \6 the \4 that \2 \3 \5?"),
              # "who published that Ryabkov said the West has begun a smear campaign ...?": which outlet did.
              (re.compile(r"^(\W*)[Ww]ho (?:published|posted|ran|carried|printed|reported) that (?=(?-i:[A-Z])[\w'’-]+"
                          r"(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:said|says|told|claimed|claims|accused|argued|warned)\b)"),
               r"\1Which outlet reported that "),
              # A Brazilian student's "Which is the date that they informed them?": what is.
              (re.compile(r"\b([Ww])hich (is|was) the (date|day|name|number|reason|place|title)\b"), r"\1hat \2 the \3"),
              # A sub-editor's "To whom did Ryabkov give his comments ...? Which agency, I mean.": to which agency.
              (re.compile(r"^(\W*)[Tt]o whom ([^?]{3,200}?)\?\s*(?:[Ww]hich|[Ww]hat) (agency|outlet|paper|newspaper|network"
                          r"|channel|station|site|publication|broadcaster)\s*,?\s*I mean\W*$"), r"\1To which \3 \2?"),
              # An Irish researcher's "Kerry and the 'ruse' line about the Aleppo corridors, which paper was
              # that in": which outlet carried his line.
              (re.compile(r"^(\W*)" + _NAME_TYPED + r" and (?:the|that|his|her) ([^,?]{3,120}?),?\s*(?:which|what) (outlet"
                          r"|paper|newspaper|site|publication|station|channel) (?:was|is) (?:that|it|this) in\s*\??\s*$"),
               r"\1Which \4 carried \2's \3?"),
              # An Irish quiz-writer's "gave out that ..." (said, complaining) and "Give us what Putin
              # said about ...".
              (re.compile(r"\bgave out that\b"), "said that"),
              (re.compile(r"^(\W*)(?:[Gg]ive|[Tt]ell) (?:us|me) what " + _NAME_TYPED + r" (said|says) (about|on)\b"),
               r"\1What did \2 say \4"),
              # A Nigerian editor's "Wetin ...?" (what), a French speaker's "At which date was posted the
              # article ...?", "Where is situated the base ...?", "following what says Shoigu", "according
              # to what Ryabkov has said", "in the view of Putin", "What is it, in the view of Putin, that
              # has provoked ...?", "Which quantity of"; "Who is it that directs ...?".
              (re.compile(r"^(\W*)[Ww]etin " + _NAME_TYPED + r" (?:said|say|says|told|tell|talk|tok|yarn)\b"),
               r"\1What did \2 say"),
              (re.compile(r"^(\W*)[Ww]etin\b"), r"\1What"),
              (re.compile(r"^(\W*)(?:[Aa]t|[Oo]n|[Ii]n) which (date|day) (was|were) (posted|published) ((?:the )?[^?]{3,200}?)"
                          r"\s*\?"), r"\1On which \2 \3 \5 \4?"),
              (re.compile(r"^(\W*)[Ww]here (is|are|was|were) (situated|located|based) ((?:the )?[^?]{3,150}?)\s*\?"),
               r"\1Where \2 \4 \3?"),
              (re.compile(r"\b(?:following|according to) what (?:says |has said |said )?" + _NAME_TYPED
                          + r"(?:\s+(?:says|has said|said))?(?=\s*[?,.]|\s*$)"), r"according to \1"),
              (re.compile(r"\bin the (?:view|opinion|eyes) of (?=(?-i:[A-Z]))"), "according to "),
              (re.compile(r"^(\W*)[Ww]hat is it,\s*according to ([^,?]{2,60}),\s*that (?:has |have |had )?"),
               r"\1According to \2, what "),
              (re.compile(r"\b([Ww])hich quantity of\b"), r"\1hat amount of"),
              (re.compile(r"^(\W*)([Ww]ho) is it that (?=[a-z]+s\b)"), r"\1\2 "),
              # A Kenyan reporter's "How many number of camps ...?", and a progressive for a past
              # report: "On which date is the EU Times posting the story ...?", "Which news agency is
              # it that Ryabkov is telling ...?" (as "did ... post", "did ... tell").
              (re.compile(r"\b([Hh]ow many) numbers? of\b"), r"\1"),
              # ("how long had it been going on, how many days?": asked twice.)
              (re.compile(r"(\b[Hh]ow long\b[^?]*?),\s*how many (?:days|weeks|months|years)(?:\s+or\s+(?:days|weeks|months"
                          r"|years))?\s*(?=\?|$)"), r"\1"),
              # ("how many terror sites got targeted": a passive.)
              (re.compile(r"\b([Hh]ow many\s+(?:[\w'’-]+\s+){1,3}?)got\s+(?=[a-z]+ed\b)"), r"\1were "),
              (re.compile(r"\b(?:is|are) it that\s+((?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})"
                          rf"\s+(?:is|are)\s+({'|'.join(_PROGRESSIVE)})\b"),
               lambda m: f"did {m.group(1)} {_PROGRESSIVE[m.group(2)]}"),
              (re.compile(r"^(\W*(?:(?:kindly|please)\W+)?(?:(?:on|in|at|to|from|by|with|for)\s+)?"
                          r"(?:what|which|when|where|who|whom|how)\b[^?]*?)"
                          r"\s(?:is|are)\s+((?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})"
                          rf"\s+({'|'.join(_PROGRESSIVE)})\b", re.IGNORECASE),
               lambda m: f"{m.group(1)} did {m.group(2)} {_PROGRESSIVE[m.group(3).lower()]}"),
              # A Greek speaker's topic first and the question after it in a statement's order: "The
              # agreement on flight safety, on which day it was reached?", "Lavrov, when he said ...,
              # to which television channel he was speaking?", "Shoigu, when he gave the interview
              # ..., which day it was?".
              (re.compile(r"^(\W*)(?!(?:according|per|in|on|as|for|when|why|what|which|who|how|where|and|but|so)\b)"
                          r"([^?,]{3,150}?)(,\s+when\s+(?:he|she|it|they)\s+[^?,]{3,200}?)?,\s+"
                          r"((?:(?:on|in|to|from|at|for|by|with)\s+)?(?:which|what)\s+[\w-]+(?:\s+[\w-]+)?|when|where"
                          r"|how\s+m(?:any|uch)\s+[\w-]+)\s+(?:it|he|she|they)\s+(was|were|is|are)\s+([^?]{2,120}?)\s*\??\s*$",
                          re.IGNORECASE),
               lambda m: (f"{m.group(1)}{m.group(4)[0].upper()}{m.group(4)[1:]} {m.group(5)} "
                          f"{_article_lowered(m.group(2))} {m.group(6)}"
                          f"{m.group(3) or ''}?")),
              (re.compile(r"^(\W*)([^?]{3,80}?),\s+when\s+(?:he|she|they)\s+([a-z]+)\s+([^?]{3,250}?),\s*(?:on\s+)?"
                          r"(?:which|what)\s+(?:day|date)\s+(?:it|that)\s+was\s*\??\s*$"),
               lambda m: (f"{m.group(1)}When did {m.group(2)}{',' * (',' in m.group(2))} {_bare(m.group(3))} "
                          f"{m.group(4)}?" if _bare(m.group(3)) else m.group(0))),
              (re.compile(r"(?<=\w)\s+=\s+(?=\w)"), " is "), (re.compile(r"(?<=\w)\s+\+\s+(?=\w)"), " and "),
              (re.compile(r"\b((?:won|wouldn|didn|don|doesn)['’]t|not|to|will|would)\s+OK\b"), r"\1 approve"))
_BARE_VERB = {"said": "say", "answered": "answer", "responded": "respond", "replied": "reply", "told": "tell"}
_PAST = {"written": "wrote"}
# Whose office a plain description names: "the man who runs Russia's army".
_PEOPLE_OF = {"russia": "Russian", "america": "US", "the us": "US", "syria": "Syrian", "kremlin": "Russian",
              "moscow": "Russian", "damascus": "Syrian"}


# How sure the asker is, and other spellings they offer: "Konashenkov I believe", "(or Riabkov)".
_HEDGE = re.compile(r"\b(?:I\s+(?:think|believe|guess|suppose)|I\s+(?:recall|remember)(?:\s+that)?|if\s+I\s+(?:remember|recall)(?:\s+(?:right(?:ly)?"
                    r"|correctly))?|I['’]m\s+(?:pretty\s+|fairly\s+)?sure|or\s+however\s+(?:it['’]?s|that['’]?s)"
                    r"\s+spelled)\b|\s*\((?:or|aka|a\.k\.a\.)\s+[^()]*\)", re.IGNORECASE)


_QUOTED_TITLE = re.compile(r"(?<![\w'’])['‘\"“]((?-i:[A-Z])[\w-]*(?:\s+(?:of|the|and|for|(?-i:[A-Z])[\w-]*)){0,5})['’\"”]"
                           r"(?!\w)")


# A briefing memo's line: "Q: [Ryabkov remarks] What date ...? (source?)", "- [FSA] Who ...?
# (pls cite)": the bullet, the topic tag (the question names its topic again) and the request
# for a source (every answer cites) are no part of what is asked.
MEMO_BULLET = r"(?:(?:Q|Question)\s*\d*\s*[:.)]\s*|[-–—•*·]\s+|\d{1,2}[.)]\s+)?"
_MEMO_HEAD = re.compile(r"^\s*" + MEMO_BULLET + r"(?:\[[^\]]{1,60}\]\s*)?")
_MEMO_TAIL = re.compile(r"\s*\((?:(?:pls|please|plz)\s+)?(?:source|sources|cite|citation|ref|refs|link)s?"
                        r"(?:\s+(?:pls|please|plz))?\s*\??\)\s*$", re.IGNORECASE)
# A producer's note on what the answer is for: "Chyron check: who ...?", "For the lower third:
# what did ...?", "Who do we credit for ...? Need the name for the chyron.", "... ? Can we lift a
# line for the chyron?". What goes on screen is no part of what is asked.
_SCREEN = (r"(?:lower[- ]third|chyron|caption|on[- ]screen|on air|source (?:line|credit)|credit line"
           r"|under (?:his|her|their) name|voice[- ]?over|the (?:script|episode|segment|show)"
           r"|(?:map |the |a )?graphic|for (?:the )?screen)")
_SCREEN_HEAD = re.compile(rf"^\W*(?=[^:?]{{0,60}}\b{_SCREEN})[^:?]{{3,60}}:\s+(?=\S)", re.IGNORECASE)
_SCREEN_TAIL = re.compile(rf"(?<=\?)\s+(?=[^?]{{0,60}}\b{_SCREEN}\b)[^?]{{3,80}}[.!?]?\s*$"
                          # ("... ? Can we run a quote?")
                          r"|(?<=\?)\s+(?:can|could) (?:we|i) (?:run|use|lift|put up|air) (?:a|the|that|this|his|her)"
                          r" (?:quote|line|clip)\??\s*$", re.IGNORECASE)
# A spoken question's restart ("how many sorties, no wait, how many flights did ..."), hesitations
# ("russian jets, um, planes") and a vague tail ("..., like how many years or whatever").
_RESTART = re.compile(r"^[^?]*?[,;.!-]\s*(?:no\s+)?(?:wait|sorry|scratch that|i mean|rather)\s*[,;:.!-]\s*"
                      r"(?=(?:what|when|where|who|whom|which|why|how)\b)", re.IGNORECASE)
_HESITATION = re.compile(r"(?<![\w'’])(?:um+|uh+|erm+)(?![\w'’])\s*,?\s*", re.IGNORECASE)
_VAGUE_TAIL = re.compile(r"\s*,?\s*\b(?:or whatever|or something(?: like that)?|or what(?:ever)? it was|and (?:all )?that"
                         r"|(?<=, )then"
                         # ("How does Putin describe the crisis, what does he say about it?": asked twice.)
                         # (Not a question of its own after a statement: "Kirby commented on X. What did
                         # he say about it?")
                         r"|(?<![.!?]\s)what (?:does|did) (?:he|she|they) (?:say|think) (?:about|of|on) (?:it|that|this)"
                         # ("Who wrote that ..., and what are his exact words?": the answer quotes them.)
                         r"|and what (?:are|were) (?:his|her|their) (?:exact |own )?words)"
                         r"\s*(?=\?|$)", re.IGNORECASE)
# A forum user's aside after the question: "? asking for a friend", "? like a week? lol", ", bc
# that sounds like a LOT", "? ngl sounds like PR".
_ASIDE_TAIL = re.compile(r"(?:(?<=\?)\s+(?:like\s+[^?]{1,30}\?\s*)?|,?\s+)(?:asking for a friend|lol|lmao|haha+|smh"
                         r"|jk|(?:ngl|tbh|imo)\b[^?]*"
                         r"|(?:bc|cause|cuz|because) (?:that|it|this) (?:sounds|seems|looks)\b[^?]*"
                         # (A pundit's "? Sounded like a Russian military head honcho.", "? I heard he
                         # had a pop at the Americans.": his impression, no part of the question.)
                         r"|(?<=\?\s)(?:(?:that|it|he|she|they)\s+)?(?:sounded|seemed)\b[^?]*|(?<=\?\s)i (?:heard|read)\b[^?]*"
                         # (A student's "?? need the date for my citation lol", "? no cap", "? fr".)
                         r"|(?<=\?\s)(?:i\s+)?need (?:it|this|that|the [\w-]+) for (?:my|a|an|the|our)\b[^?]*|no cap|fr|lowkey"
                         # ("how long was the Russian effort ...? how many days or weeks": asked again.)
                         r"|(?<=\?\s)how many (?:days|weeks|months|years|hours)(?: or (?:days|weeks|months|years|hours))?"
                         # ("What did Shoigu say about ...? What exactly did he say?": asked again.)
                         r"|(?<=\?\s)(?:and\s+)?what (?:exactly |precisely )?(?:did|does) (?:he|she|they) (?:actually )?say"
                         r"(?: exactly)?\?"
                         # (A Nairobi checker's "? Fact-checking a column here in Nairobi".)
                         r"|(?<=\?\s)(?:I['’]m |we['’]re |just )?(?:fact[- ]checking|verifying|checking) (?:a|an|the|my|our)"
                         r" (?:column|story|piece|article|post|claim|report|script)\b[^?]*"
                         # (A librarian's "? I'd like to make sure the attribution is right.", "? We may need
                         # to cite the original.": why it is asked.)
                         r"|(?<=\?\s)(?:i['’]d|i would|we['’]d|we would|i|we)(?: may| might)?(?: like| want| need)?"
                         r" to (?:make sure|be sure|verify|check|confirm|cite|double-check)\b[^?]*"
                         # (A foreign correspondent's "..., I ask because for our readers ...", "...,
                         # because in Greece we don't know ...", "..., I want exact words for my
                         # translation": why they ask, no part of the question.)
                         r"|(?:I am |I['’]m )?(?:I )?ask(?:ing)? (?:because|since|as)\b[^?]*"
                         r"|(?<=,\s)because\b(?=[^?]*\b(?:I|we|our|my|us|me)\b)[^?]*"
                         r"|(?<=,\s)I (?:want|need|would like) (?:the |his |her |their )?(?:exact |precise )?(?:words|quote|wording"
                         r"|date|name|figure|number)\b[^?:]*"
                         # (A translator's "? For correct attribution in Persian I am asking.", "? The
                         # exact expression of the minister for translation I need."; not "? I need the
                         # date.", which says what the question asks for.)
                         r"|(?<=\?\s)(?![^?]*\b(?:date|day|year|month|time|number|figure|place)\b)[^?]*"
                         r"\b(?:I am asking|I['’]m asking|I ask|I need|I want|I['’]d like)\b[^?]*"
                         # (A Nigerian editor's "? Is it not from the Assad regime?": the asker's guess.)
                         r"|(?<=\?\s)(?:is it not|isn['’]t it)\b[^?]*"
                         # (An Australian's "? Reckon both the Sputnik and EU Times stories say": his
                         # guess; "? want his actual line", "? Just want to check before I put his name on
                         # that line.", "? I think defense ministry but I'm not sure of the name": what
                         # the answer is for, and how sure the asker is.)
                         r"|(?<=\?\s)(?:I\s+)?reckon\b[^?]*"
                         r"|(?<=\?\s)(?:I\s+)?(?:just\s+)?(?:want|need|would like)\s+(?:the |his |her |their )?"
                         r"(?:exact |precise |actual )?(?:words|quote|wording|line)\b[^?]*"
                         r"|(?<=\?\s)(?:I\s+)?just want(?:ed)? to (?:check|make sure|be sure|confirm)\b[^?]*"
                         r"|(?<=\?\s)[^?]*\bI(?:['’]m| am) not (?:sure|certain)\b[^?]*"
                         # ("... proves what exactly? Why does he reckon it matters": the same asked again.)
                         r"|(?<=\?\s)(?:and\s+)?why (?:(?:does|did|do) (?:he|she|they) (?:reckon|think|say|believe) )?"
                         r"(?:it|this|that) (?:matters?|is important)\b[^?]*"
                         # (A Scot's "? Ken he was quite glowing": I know; "... . Gie us the gist plus a quote
                         # if ye can": the form of the answer.)
                         r"|(?<=\?\s)(?-i:Ken)\b[^?]*"
                         r"|(?<=[.?!]\s)(?:give|gie|send) (?:us|me) (?:the |a )?(?:gist|quote|summary|line)\b[^?]*"
                         # (An Irish quiz-writer's "..., so?" and "... - did he see it coming at all?")
                         r"|(?<=,\s)so|(?<=\s)[-–—]\s*(?:did|does|was|is|were|has) (?:he|she|they|it)\b[^?]*\bat all\b[^?]*"
                         # (A Hinglish restatement after the question: "? kaun tha woh", "? Reason kya
                         # diya?", "? Kindly do the needful", "? pls share his statement".)
                         r"|(?<=\?\s)(?:(?:pls|plz|please)\s+)?share\b(?:\s+(?:his|her|their|the)\b[^?]*)?"
                         r"|(?<=\?\s)(?=[^?]*\b(?:kya|kaun|hai|hain|tha|thi|woh|uska|usne|bola|bataya|diya|needful|chahiye"
                         r"|naam)\b)[^?]*"
                         # (A Lagos intern's Pidgin after the question: "? Na big man for Russian side abi?",
                         # "? I hear say e yarn something about explosives", "? Another one said 'ticklish', I
                         # dey confused", "? My colleague insists na Putin talk am": her guess and her doubts.)
                         r"|(?<=\?\s)(?=[^?]*\b(?:abi|dey|na|wey|sabi|yarn|dem|una|wahala)\b)[^?]*\??)"
                         r"\W*$", re.IGNORECASE)
# And the "even" of "how many jets does Russia even have there".
_EVEN = re.compile(r"^(\W*(?:when|where|how many|how much|how long|why|what|who)\b[^?]*?\b"
                   r"(?:did|does|do|is|was|are|were|has|have)\s+(?:[\w'’-]+\s+){1,3}?)(?:even|actually|apparently"
                   r"|supposedly)\s+(?=[a-z])",
                   re.IGNORECASE)


# A footnote's "? Speaker only, please.", "? Publication name only.": how short the answer is to
# be is no part of what is asked.
_ONLY_TAIL = re.compile(r"(?<=[?.])\s+(?:(?:the\s+)?(?:speaker|publication|outlet|paper|agency|name|names|surname"
                        r"|person|date|number|place)(?:['’]s)?(?:\s+name)?\s+only|just the (?:name|outlet|speaker"
                        r"|publication|date|number)"
                        # (A newsreader's ". Need name for the read", ". Attribute it", ". Quote for the
                        # bulletin", ". Need a clean soundbite".)
                        r"|(?:i\s+)?need (?:a |the |his |her )?(?:(?:full )?name|surname|speaker|attribution"
                        r"|(?:clean )?soundbite|quote)(?:\s+for [^.?]*)?|attribute it|quote for the [\w ]+"
                        # (A translator's "? The name of the mentioned speaker, please.")
                        r"|(?:the\s+)?name of the (?:mentioned |said )?(?:speaker|person|minister|official|outlet)"
                        # (A deposition's "... . Quote the relevant words.": the answer quotes them.)
                        r"|(?:please\s+)?quote (?:the|his|her|their) (?:relevant |exact |actual )?words)"
                        r"(?:,?\s+please)?\.?\s*$", re.IGNORECASE)
# A desk's word on the form of the answer after the question ("? Day and month.", "? Weekday is
# enough.", "? Spelling please.", "? Exact number.", "? Short quote is enough."): no part of what
# is asked. (Only after a question: "Ryabkov's remarks. Date?" asks for one.)
_FORM_TAIL = re.compile(r"(?<=\?)\s+(?:(?:the|a|an|his|her)\s+)?(?:(?:exact|estimated|short|brief|full|rough|correct)"
                        r"\s+)?(?:day and month|day|month|year|weekday|date|name|names|surname|spelling|figures?"
                        r"|number|quote|answer|reason|all of them|short|brief|briefly|title"
                        r"|(?:his|her|their|[\w'’-]+['’]s) reason)"
                        r"(?:\s+(?:is|are)\s+enough|\s+(?:will do|suffices|is fine|given|if available|if given|if any))?"
                        r"(?:,?\s+(?:please|pls|plz))?\s*[.?!]*\s*$", re.IGNORECASE)
# A Nigerian editor's Pidgin in an English question ("Abeg which date ...?", "How far, when did ...?",
# "Who be the spokesman wey said ...?", "? Date abeg, sharp sharp.", "? Kindly revert.", "? I need am
# for the dateline."): please, hello, who is, who, quickly, reply; none of it asked.
_PIDGIN = ((re.compile(r"^(\W*)(?:abeg\b\s*[,:;!.–—-]*|how far\s*[,:;!–—-]+)\s*", re.IGNORECASE), r"\1"),
           (re.compile(r",?\s*\b(?:abeg|sharp sharp)\b(?=\s*(?:[?.!,]|$))", re.IGNORECASE), ""),
           (re.compile(r"(?<=[?.!])\s+(?:kindly|please|pls) revert\W*$", re.IGNORECASE), ""),
           (re.compile(r"(?<=[?.!])\s+I need am\b[^?]*$", re.IGNORECASE), ""),
           (re.compile(r"^(\W*)([Ww])ho be\b"), r"\1\2ho is"),
           # ("Sir na who talk say they asked ...?": who said that; "how long Putin say the airstrikes
           # go last?": would last.)
           (re.compile(r"^(\W*)(?:(?:sir|madam|oga)\s+)?na (who) (?:talk|tok|yarn)(?: say)?\b", re.IGNORECASE),
            r"\1Who said"),
           (re.compile(r"(\bsay\b[^?]{3,80}?)\bgo (?=(?:last|end|stop|continue|finish|take)\b)"), r"\1would "),
           (re.compile(r"(?<=\w )dey(?=\s*[,?.!]|\s*$)"), "is"),
           (re.compile(r"\b(?<=[a-z] )wey\b(?= [a-z])"), "who"))
# A retired analyst's jargon ("BLUF: what day did Ryabkov go on record re: ...?", "..., BLUF only.",
# "... was reached. Confirm.", "DC never passed locations", "the only joint US-RF document", "What casualty
# figure does Putin throw out", "Putin interview w/ Interfax. Publication day?"): bottom line first,
# say so, about, Washington, Russian, give; none of it asked.
_JARGON = ((re.compile(r"^(\W*)(?:BLUF|SITREP|RFI)\s*[:\-–—]+\s*"), r"\1"),
           (re.compile(r"(?<=[?.!])\s+(?:BLUF(?: only)?|(?:pls |please )?confirm(?: or deny)?|source\?)[.!?]?\s*$",
                       re.IGNORECASE), ""),
           (re.compile(r"\bgo(?:es)? on (?:the )?record (?:re:?|about|on)\s+"), "speak about "),
           (re.compile(r"\bwent on (?:the )?record (?:re:?|about|on)\s+"), "spoke about "),
           (re.compile(r"(?<=\w )re:\s+"), "about "),
           (re.compile(r"(?<!Washington )(?<!Washington, )\bDC\b(?!-)"), "Washington"),
           (re.compile(r"\bUS-RF\b"), "US-Russian"), (re.compile(r"\bRF\b"), "Russia"),
           (re.compile(r"\bthrows? out\b"), "give"), (re.compile(r"\bthrew out\b"), "gave"),
           (re.compile(r"^(\W*)(?:I\s+)?need the (date|day|name|number) ((?:that |when |on which )?[^.?]{5,200}?)[.!]?\s*$",
                       re.IGNORECASE), r"\1What is the \2 \3?"),
           # ("Date the Kremlin formally notified the US and NATO that ... was starting?")
           (re.compile(r"^(\W*)(?:the\s+)?(date|day) ((?:that |when |on which )?the\s[^.?]{5,200}?)\s*\?\s*$", re.IGNORECASE),
            lambda m: f"{m.group(1)}What is the {m.group(2).lower()} {m.group(3)}?"),
           (re.compile(r"^(\W*)((?-i:[A-Z])[^.?]{5,120}?)\.\s*(?:publication|pub|posting|release) (day|date)\s*\?\s*$",
                       re.IGNORECASE), r"\1What \3 was the \2 published?"))
# A Nairobi fact-checker's Swahili and Sheng ("Sasa! Quick one ...", "Eh, this line is going round on
# WhatsApp: ...", "? Si you check for me", "tafadhali", "How do you find Shoigu's comments on ...?"):
# hello, please, can't you; "how do you find" his words is what he said; none of the rest asked.
_SWAHILI = ((re.compile(r"^(\W*)(?:sasa|niaje|mambo|habari|aiya|eh|pole)\b\s*[!,.:;–—-]+\s*", re.IGNORECASE), r"\1"),
            (re.compile(r",?\s*\btafadhali\b(?=\s*(?:[?.!,]|$))", re.IGNORECASE), ""),
            (re.compile(r"(?<=[?.!])\s+si (?:you|u)\b[^?]*\??\s*$", re.IGNORECASE), ""),
            (re.compile(r"^(\W*)(?:this|that|the) (?:line|quote|claim|statement|saying) (?:is|was|has been) (?:going round|"
                        r"going around|circulating|doing the rounds|trending)(?: on [\w ]{2,30}?)?\s*[:–—-]+\s*", re.IGNORECASE), r"\1"),
            (re.compile(r"^(\W*)how do you find ((?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+)?)['’]s (?:comments?|remarks|words"
                        r"|statements?|views?|take) (?:on|about|regarding)\b", re.IGNORECASE), r"\1What did \2 say about"))
# A German speaker's words in an English question ("..., laut EU Times?", "wie heißt er?", "Which
# day was it erschienen?", "Zitat bitte.", "Kurzes Zitat reicht."): what they ask, in English;
# "bitte" and "genau" (please, exactly) ask nothing more.
_GERMAN = ((re.compile(r",?\s*\b(?:bitte|genau)\b(?=\s*(?:[?.!,]|$))", re.IGNORECASE), ""),
           (re.compile(r"\blaut\s+(?=(?-i:[A-Z]))", re.IGNORECASE), "according to "),
           (re.compile(r"\bwie hei(?:ß|ss)t (?:er|sie)\b", re.IGNORECASE), "what is the name"),
           (re.compile(r"\bwie viele\b", re.IGNORECASE), "how many"),
           (re.compile(r"\bwarum\b", re.IGNORECASE), "why"),
           (re.compile(r"\berschienen\b", re.IGNORECASE), "published"),
           (re.compile(r"\bam (?=(?:Mon|Diens|Mittwoch|Donners|Frei|Sams|Sonn)(?:tag)?\b)"), "on "),
           (re.compile(r"\bSonntag\b"), "Sunday"), (re.compile(r"\bSamstag\b"), "Saturday"),
           (re.compile(r"\bFreitag\b"), "Friday"), (re.compile(r"\bMontag\b"), "Monday"),
           (re.compile(r"\bkurzes Zitat reicht\b", re.IGNORECASE), "short quote is enough"),
           (re.compile(r"\bZitat\b"), "quote"), (re.compile(r"\bKurz\b"), "short"),
           (re.compile(r"\bO-Ton\b"), "soundbite"))
# A Spanish speaker's words in an English question ("Oye, which outlet ...?", "Vale, last source
# check: ...", "..., por favor.", "Necesito el nombre: who said ...?", "? Un resumen corto with his
# words."): hey, okay, please, that is, I need the name, a short summary; none of it asked.
_SPANISH = ((re.compile(r"^(\W*)(?:oye|vale|bueno|mira|pues|venga|hola|necesito (?:el nombre|la fecha|la cita))"
                        r"\s*[,:;!.–—-]+\s*", re.IGNORECASE), r"\1"),
            (re.compile(r",?\s*\b(?:por favor|porfa|gracias)\b(?=\s*(?:[?.!,]|$))", re.IGNORECASE), ""),
            (re.compile(r",?\s*\bo sea\b,?", re.IGNORECASE), ","),
            (re.compile(r"(?<=[?.!])\s+(?:un\s+)?resumen\b[^?]*$", re.IGNORECASE), ""))
# What the asker's notes lack ("somebody called the corridors a "ruse" but no name, useless for the
# episode. Who said that?"): why they ask, no part of the claim.
_LACKING = re.compile(r",?\s+but (?:there['’]s |with |I have )?(?:no|without (?:a|the|any)) (?:name|source|attribution|byline"
                      r"|date)\b[^.?!]*", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"(?<=\?)\s+(?P<who>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s+(?:mentions|mentioned|talks about"
                           r"|talked about|discusses|discussed|refers to|referred to|brings up|brought up)\s+(?:it|this|that)"
                           r"(?:\s+in\s+(?P<where>(?:the|his|her|an?)\s+[^.?!]{2,60}?))?\s*[.!]?\s*$")
_DATE_TAIL = re.compile(r"(?<=\?)\s+(?:i\s+)?need (?:the |a )?(?:exact |pub(?:lication)? |post(?:ing)? )?date"
                        r"(?:\s+for (?:my|the|our) [\w ]{1,30})?(?:\s*,?\s*(?:pls|please|plz))?[.!]*\s*$", re.IGNORECASE)
# A deposition's "for the record" and its numbered parts ("about (1) the explosives and (2) ..."):
# no part of what is asked.
_FOR_THE_RECORD = re.compile(r",?\s*\bfor the record\b,?(?=\s|[.?]|$)", re.IGNORECASE)
_NUMBERED = re.compile(r"(?<![\w)])\((?:[1-9]|[a-h]|i{1,3}|iv)\)\s+")


def _spoken_punctuation(question: str) -> str:
    """A dictated question's punctuation spoken as words ("according to Ryabkov comma why did ...
    question mark", "quote ruse unquote", "full stop", "new line") written as marks."""
    if not _SPOKEN_MARK.search(question):
        return question
    question = re.sub(r"\bquote\s+(.{1,120}?)\s+unquote\b", r'"\1"', question, flags=re.IGNORECASE)
    question = re.sub(r"\s*\bnew (?:line|paragraph)\b\s*", " ", question, flags=re.IGNORECASE)
    for spoken, mark in (("comma", ","), ("question mark", "?"), ("full stop", "."), ("exclamation mark", "!"),
                         ("colon", ":"), ("semicolon", ";")):
        question = re.sub(rf"\s*\b{spoken}\b", mark, question, flags=re.IGNORECASE)
    return question.strip()


_SPOKEN_MARK = re.compile(r"\b(?:comma|question mark|full stop|unquote|new line)\b", re.IGNORECASE)


def _unshouted(question: str) -> str:
    """A question typed in capitals ("WHO SAID COALITION KNOWS WHERE ISIS POSITIONS ARE") in
    lower case but for the country "US" ("THE US", "US-LED", "US AIR FORCE"); any other as it is."""
    letters = [c for c in question if c.isalpha()]
    if len(letters) < 12 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return question
    return "".join(part if part == "US" else part.lower() for part in _COUNTRY_US.split(question))


# ("GIVE US THE NAME": the asker; "THE US", "US-LED", "US AIR FORCE": the country.)
_COUNTRY_US = re.compile(r"(\bUS(?=-|\s+(?:AIR|STATE|DEPT|OFFICIALS?|GOVERNMENT|ARMY|FORCES?|REFUSAL|STRIKES|MILITARY"
                         r"|INTEL|INTELLIGENCE|SIDE|PRESIDENT|JETS|PLANES|OPS|OPERATIONS|COALITION|GOALS?|AND)\b)"
                         r"|(?:(?<=\bTHE )|(?<=\bAND )|(?<=\bBY )|(?<=\bWITH )|(?<=\bFROM )|(?<=\bIN )|(?<=\bOF )"
                         r"|(?<=\bTO )|(?<=\bFOR ))US\b)")


def _uncourteous(question: str) -> str:
    """A shy asker's question without its apologies and thanks ("Excuse me, I am sorry to bother
    you.", "? Sorry for my many questions.", ", if you don't mind?"), and the question it wraps
    asked as one ("I would be very grateful if you could tell me who said it.", "I am not sure
    who this person was... could you please let me know?", "I would like to understand what X
    said about Y. Could you kindly explain?")."""
    question = _COURTESY_TAIL.sub("", question).strip() or question
    question = _COURTESY_INLINE.sub("", _PLEASE_EXPLAIN.sub("", question).strip())
    for wrapper in (_WOULD_BE_GRATEFUL, _WOULD_LIKE_TO_KNOW, _UNSURE, _TELL_ME_WHO):
        question = wrapper.sub(_asked, question)
    # ("Sorry, one more about Putin, please. What did he say ...?": whom the next question is about.)
    question = _ONE_MORE.sub(lambda m: f"About {m.group('about')}: ", question)
    rest = _HEARD_THAT.sub("", _COURTESY_HEAD.sub("", question))
    if rest != question and re.search(r"\w", rest):
        # (Capitalised as the asker typed the question's opening: one typed in lower case stays so.)
        question = rest[:1].upper() + rest[1:] if question.lstrip()[:1].isupper() else rest
    # ("X. I am sorry, who said this?": the apology before the question asked.)
    question = re.sub(rf"(?<=[.!?])\s+{_APOLOGY}\s*,\s*(?={WH}\b)", " ", question, flags=re.IGNORECASE)
    # (An embedded question put back in a question's order: "who this person was" -> "who was this person".)
    return _EMBEDDED_WHO.sub(lambda m: f"{m.group(1).capitalize()} {m.group(3)} {m.group(2)}", question)


def _asked(m: re.Match[str]) -> str:
    """The question a request's wrapper wraps (group "wh", its clause): a who-clause is in a
    question's order ("who said it" -> "Who said it?"), another is asked as "Could you tell me
    what X said ...?"."""
    wh = m.group("wh").strip()
    asked = wh[:1].upper() + wh[1:] if re.match(r"who\b", wh, re.IGNORECASE) else f"Could you tell me {wh}"
    return (" " if m.start() else "") + asked + "?"


# The question words, as a pattern (also read by `terse`).
WH = r"(?:what|which|who|whom|whose|when|where|why|how)"
# An apology, a hope or a modest remark before the question, each a sentence or a phrase with its
# comma: "Excuse me, sorry.", "I apologize for my poor English.", "Maybe this is a strange question.",
# "I am sorry to ask, but ...".
# (A scholar's "Please forgive the broad question." too.)
_APOLOGY = (r"(?:excuse me|pardon me|(?:please )?forgive (?:me|the|my)\b|sorry"
            r"|(?:I am|I['’]m|I)\s+(?:very |so |really |terribly |truly )?sorry"
            r"|I (?:do )?apologi[sz]e|my apologies)")
_COURTESY_HEAD = re.compile(
    rf"^(?:\s*(?:{_APOLOGY}\b[^.!?]*?(?:[.!]+|,\s*(?:but|and)\b)"
    rf"|{_APOLOGY}\s*,"
    r"|I hope (?:this|it|that)(?: is|['’]s) (?:ok(?:ay)?|alright|all right|fine)(?: to ask)?[^.!?]*[.!]+"
    r"|(?:maybe|perhaps) (?:this|it) is a [\w ]{0,20}question[^.!?]*[.!]+"
    r"|my English(?: reading| writing)? is (?:slow|poor|not (?:so |very )?good)[^.!?]*[.!]+"
    # ("As a Briton I am naturally curious: which of our own newspapers ...?")
    r"|(?:as an? [\w'’ -]{1,30}?,?\s+)?I(?: am|['’]m) (?:naturally |just |so |really |very )?(?:curious|wondering)\s*[:,.]"
    r"))+\s*", re.IGNORECASE)
# ("I read that Syrian and Iranian officials said ... . Which outlet reported this?": what was said.)
_HEARD_THAT = re.compile(r"^\s*I (?:read|heard|saw)(?: somewhere| online| in the news)? that\s+", re.IGNORECASE)
_ONE_MORE = re.compile(rf"^\s*(?:{_APOLOGY}\s*,?\s*)?(?:one more|another)(?: question| one)?\s+(?:about|on)\s+"
                       r"(?P<about>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})(?:\s*,?\s*please)?\s*[.!:]+\s*",
                       re.IGNORECASE)
_COURTESY_TAIL = re.compile(rf"(?<=[?.!])(?:\s+(?:{_APOLOGY}\b[^.?!]*|I would be (?:very |most |really )?(?:thankful"
                            r"|grateful)\b(?![^.?!]*\bif you could\b)[^.?!]*|I am not sure (?:if )?I understood\b[^.?!]*"
                            r"|I hope (?:this|that|it) (?:is|makes)\b[^.?!]*)[.!]*)+\s*$", re.IGNORECASE)
_COURTESY_INLINE = re.compile(r",?\s+(?:if you (?:don['’]t|do not) mind|if you know|if (?:it is )?possible"
                              r"|if you (?:can|could|please)|please)(?=\s*[?.!]*\s*$)", re.IGNORECASE)
_UNSURE = re.compile(rf"(?:^\W*|(?<=[.!?])\s+)I(?: am|['’]m) not sure (?P<wh>{WH}\b[^.?!…]*?)\s*(?:\.{{2,}}|…|,|\.)\s*"
                     r"(?:so\s+)?(?:could|can|would) you (?:please |kindly )?(?:let me know|tell me|help(?: me)?)"
                     r"\s*[.?!]*\s*$", re.IGNORECASE)


def _wrapping(wrapper: str, clause: str = rf"{WH}\b") -> re.Pattern[str]:
    """A courteous wrapper, its own sentence or the question's, and the clause it wraps (group
    "wh") to the question's end."""
    return re.compile(rf"(?:^\W*|(?<=[.!?])\s+){wrapper}\s+(?P<wh>{clause}[^.?!]*)[.?!]*\s*$", re.IGNORECASE)


_WOULD_BE_GRATEFUL = _wrapping(r"I would be (?:very |most |really |so )?(?:grateful|thankful|glad) if you could "
                               r"(?:please |kindly )?(?:tell me|let me know|explain)")
# ("Someone wrote that ... . Could you tell me who wrote this, please?")
# (A sub-editor's bare "Kindly tell me who signed the memorandum.")
_TELL_ME_WHO = _wrapping(r"(?:(?:could|can|would) you (?:please |kindly )?|kindly |please )(?:tell me|let me know)", r"who\b")
_WOULD_LIKE_TO_KNOW = _wrapping(r"I would (?:like|love) to (?:understand|know|learn)")
_PLEASE_EXPLAIN = re.compile(r"(?<=[.!?])\s+(?:could|can|would) you (?:please |kindly )?explain(?: it| this)?"
                             r"(?: to me)?(?:,? please)?\s*[?.!]*\s*$", re.IGNORECASE)
_EMBEDDED_WHO = re.compile(r"(?:(?<=^)|(?<=[.!?]\s))(who|what)\s+(this person|that person|he|she|it|this|that)\s+"
                           r"(was|is)(?=\s*\?$)", re.IGNORECASE)


def tidied(question: str) -> str:
    """The question without a memo line's marks, a hurried opening filler or a hedge, with the
    apostrophes of its contractions and its shorthand spelt out ("with" for "w/"); one typed
    in capitals in lower case, for `cased` to capitalise its names as the articles do."""
    question = _unshouted(question)
    question = _spoken_punctuation(question)
    question = _MEMO_TAIL.sub("", _MEMO_HEAD.sub("", question)).strip() or question
    question = _SCREEN_TAIL.sub("", _SCREEN_HEAD.sub("", question)).strip() or question
    question = _NUMBERED.sub("", _FOR_THE_RECORD.sub("", question)).strip() or question
    question = _PO.sub("", _THANKS_TAIL.sub("", question)).strip() or question
    # ("Putin insisted ... . Kindly po, what did he say ...?": the next question, asked plainly.)
    question = re.sub(r"(?<=[.!?]\s)(?:kindly|please)(?: help)?\s*,\s*(\w)", lambda m: m.group(1).upper(), question,
                      flags=re.IGNORECASE)
    question = _uncourteous(_MAY_I_KNOW.sub("", question))
    # ("Putin answered questions from Russian journalists... when was that?": two sentences.)
    question = re.sub(r"(?<=\w)\s*(?:\.{3,}|…)\s+(what|when|where|who|which|why|how)\b",
                      lambda m: f". {m.group(1).capitalize()}", question, flags=re.IGNORECASE)
    question = _THE_SAID.sub(r"\1 ", question)
    # ("What did Kirby say on record about ...?": what he said.)
    question = re.sub(r"\b(say|said|says)\s+on (?:the )?record\b", r"\1", question)
    # ("Konashenkov on how often ... - what did he say exactly?": what he said; how exactly is the quote.)
    question = re.sub(r"\b(say|said)\s+(?:exactly|precisely|verbatim|word for word)(?=\s*\?)", r"\1", question)
    for foreign, english in (*_GERMAN, *_PIDGIN, *_SPANISH, *_JARGON, *_SWAHILI):
        question = foreign.sub(english, question)
    question = _LACKING.sub("", question)
    if m := _SOURCE_AFTER.search(question):
        # ("When were the contacts frozen? Putin mentions it in the RT interview.": where to look.)
        question = (f"{question[:m.start()].rstrip(' ?')}, according to {m.group('who')}"
                    f"{' in ' + m.group('where') if m.group('where') else ''}?")
    question = _ONLY_TAIL.sub("", question).strip() or question
    question = _FORM_TAIL.sub("", question).strip() or question
    question = _ASIDE_TAIL.sub("", question).strip() or question
    question = _VAGUE_TAIL.sub("", _HESITATION.sub("", _RESTART.sub("", question))).strip(" ,") or question
    rest = _FILLER.sub("", question)
    question = _EVEN.sub(r"\1", rest if rest.strip() else question)
    if re.match(r"\W*(?:when(?:s|['’]s)?|(?:on )?(?:what|which) (?:date|day))\b", question, re.IGNORECASE):
        # ("When was it posted? need the date pls": asked already; not "? I need the date." after a
        # question that does not open by asking for one: "By when had ...?", "Putin with Obama when
        # spoke ...?" need it to be read as asking for a date.)
        question = _DATE_TAIL.sub("", question).strip() or question
    question = re.sub(r"(?<!\w)w/(?=\s)", "with", question)
    # A title or name set in quotes ("the 'President of Turkey'") is asked about as a title.
    question = _QUOTED_TITLE.sub(r"\1", question)
    for short, spelled in _SHORTHAND:
        question = short.sub(spelled, question)
    unhedged = _HEDGE.sub(" ", question)
    # (", Konashenkov I believe, say ...": one comma is left where the hedge stood.)
    unhedged = re.sub(r"\s+([,;:?.])", r"\1", re.sub(r",\s*,", ",", unhedged))
    unhedged = re.sub(r"^[\s,;:]+", "", " ".join(unhedged.split()))
    question = unhedged if re.search(r"\w", unhedged) else question
    question = _CONTRACTIONS.sub(_apostrophe, question)
    # ("What's Lavrov said about ...?": what has he said, not what is he.)
    return _HAS_SAID.sub(r"\1 has", question)


# A name after "what's" or "who's" and a participle of saying: the "'s" is "has".
_HAS_SAID = re.compile(r"\b((?i:what|who|why|how))['’]s(?=\s+(?:[A-Z][\w'’.-]+\s+){1,3}(?:said|told|claimed|stated|written"
                       r"|called|denied|argued|suggested)\b)")


def respelled(question: str, unknown: Sequence[str], texts: Sequence[str]) -> tuple[str, list[tuple[str, str]]]:
    """The question with each word of the `unknown` names (ones the index never mentions) that
    is one or two letters off a capitalised word of the texts spelt as they spell it; and the
    pairs (typed, read) it changed."""
    forms = {w for text in texts for w in re.findall(r"\b[A-Z][a-z]{3,}\b", text)}
    changed: list[tuple[str, str]] = []
    for name in unknown:
        # (A name typed in lower case too: "wat did riabkov say".)
        for word in re.findall(r"\b[A-Za-z][a-z]{3,}\b", name):
            close = [(SequenceMatcher(None, word.lower(), f.lower()).ratio(), f) for f in forms
                     if f[0] == word[0].upper() and abs(len(f) - len(word)) <= 2 and f.lower() != word.lower()]
            ratio, best = max(close, default=(0.0, ""))
            if ratio >= _CLOSE_SPELLING and (word, best) not in changed:
                question = re.sub(rf"\b{word}\b", best, question)
                changed.append((word, best))
    return question, changed


# "Riabkov" and "Ryabkov" are 0.857 alike, "Shoygu" and "Shoigu" 0.833; "Kerry" and "Kirby" 0.6.
_CLOSE_SPELLING = 0.8


def name_order(question: str, occurs: Callable[[str], bool]) -> str:
    """The question with a name written surname first ("Ryabkov Sergey", "Kirby John", as a
    Russian speaker lists names) written as the articles write it, when they write it only the
    other way round (`occurs` tells whether the index holds a phrase)."""
    # (Pairs looked at overlapping: "What Ryabkov Sergey said" holds "What Ryabkov" first.)
    for first, second in re.findall(r"(?=\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b)", question):
        if first.lower() in STOPWORDS or second.lower() in STOPWORDS:
            continue
        if not occurs(f"{first} {second}") and occurs(f"{second} {first}"):
            question = re.sub(rf"\b{first} {second}\b", f"{second} {first}", question)
    return question


def _apostrophe(m: re.Match[str]) -> str:
    if m.group(1):
        return f"{m.group(1)}’s"
    if m.group(2):
        return f"{m.group(2)}n’t"
    return f"{m.group(3)}’t"


def cased(question: str, texts: Sequence[str]) -> str:
    """The question with each word (or run of up to three words, longest first) that the texts
    only ever write capitalised written as they write it."""
    forms = _capitalised_forms(texts)
    words = question.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            run = words[i:i + n]
            if len(run) < n:
                continue
            bare = [w.strip(".,;:!?()\"“”‘’'") for w in run]
            key = " ".join(bare).lower()
            if n == 1 and (key in STOPWORDS or key in _TITLES or len(key) < 2):
                continue  # ("king" alone is an office; "king of jordan" is the King of Jordan)
            form = forms.get(key)
            if form is None and (owner := re.fullmatch(r"(.+?)(['’]s?)", key)) and (base := forms.get(owner[1])):
                form = base + owner[2]  # ("putin's session": Putin's)
            if form is not None:
                parts = form.split(" ")
                if bare[0].lower() == "the":  # ("the Guardian": "The" only opens a sentence)
                    parts[0] = bare[0]
                out += [w.replace(b, p, 1) if b else w for w, b, p in zip(run, bare, parts)]
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _capitalised_forms(texts: Sequence[str]) -> dict[str, str]:
    """Lower-cased word runs -> the one capitalised form the texts give them, for runs the
    texts never write in lower case past a sentence's start."""
    seen: dict[str, set[str]] = {}
    lower: set[str] = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
            tokens = [t.strip(".,;:!?()\"“”‘’'[]") for t in sentence.split()]
            for i in range(len(tokens)):
                for n in (1, 2, 3):
                    run = tokens[i:i + n]
                    if len(run) < n or not all(run):
                        continue
                    phrase = " ".join(run)
                    key = phrase.lower()
                    if all(w[:1].isupper() for w in run):
                        if i > 0:  # a sentence's first word is capitalised whatever it is
                            seen.setdefault(key, set()).add(phrase)
                    elif n == 1 or not any(w[:1].isupper() for w in run):
                        lower.add(key)
    return {key: next(iter(forms)) for key, forms in seen.items() if len(forms) == 1 and key not in lower}


# A learner's question drops its auxiliary ("What Putin say about ...?", "When RT post the
# tweet?", "Who is say ...?") and names its source last (", by Sputnik headline?", ", Putin say?").
_AUXILIARIES = frozenset("""do does did is are was were has have had can could will would should may might must
am be been""".split())
_BARE_VERBS = frozenset("""say tell post give ask send use report start begin claim accuse deny think want mean call
describe share publish write show strike hit shoot confirm answer propose offer refuse name blame warn announce
conduct carry launch attack kill need know plan provide suggest explain respond reply react quote open make fly
discuss create produce allocate agree leave put work meet target go""".split())
_IRREGULAR_PAST = {"say": "said", "speak": "spoke", "tell": "told", "give": "gave", "send": "sent", "begin": "began",
                   "think": "thought", "mean": "meant", "write": "wrote", "strike": "struck", "hit": "hit",
                   "shoot": "shot", "know": "knew", "make": "made", "fly": "flew", "leave": "left", "put": "put",
                   "meet": "met", "go": "went", "plan": "planned"}
_WH_OPENING = re.compile(r"^(?:(?:to|from|with|in|on|at|for|since)\s+)?(?P<wh>what|when|where|why"
                         r"|how(?!\s+(?:many|much)\b)|how\s+m(?:any|uch)|which|who|whom|whose)\b", re.IGNORECASE)
# A verb in the past before the bare one makes a capitalised word between them its object ("Who
# heard Putin say ...?", "Who wrote the Guardian report ...?").
_PAST_FORMS = frozenset(_IRREGULAR_PAST.values()) | {"heard", "saw", "let", "got", "led", "took", "came", "found",
                                                     "ran", "broke", "brought", "held", "kept"}
# A name, then a bare verb, as a learner asks "did he?" ("Lavrov talk about ...?").
# (Not whose: "Lavrov's claim about ...?" names his claim, no verb.)
_NAMED_FIRST = re.compile(r"^(?P<who>(?!(?:What|When|Where|Why|How|Which|Who|Whom|Whose|Did|Does|Do|Is|Are|Was|Were"
                          r"|Has|Have|Had|Can|Could|Will|Would|Should|In|On|At|For|From|To|By|With|The|A|An)\b)"
                          r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?<!['’]s)\s+(?P<verb>[a-z]+)\b(?=[^?]*\?\s*$)")
_SPEAKING = frozenset("talk speak comment mention discuss".split())
_PREPOSITIONS = frozenset("from of in at on by for with about".split())
_SOURCE_LAST = re.compile(r",\s*(?:by\s+(?P<by>[^,?]{2,60}?)|(?P<says>(?:the\s+)?[A-Z][\w ]{1,40}?)\s+say)\s*\?$")


def with_auxiliary(question: str) -> str:
    """The question with the auxiliary a learner's English drops put back ("What did Putin say
    about ...?", "Why did officials say ...?", "Who said ...?") and a source named last read as
    "according to" it."""
    question = _SOURCE_LAST.sub(lambda m: f", according to {m.group('by') or m.group('says')}?", question)
    if m := _DATE_ON_WHICH.match(question):
        # "What is the date on which EU Times has posted ...?": on which date did it, where the
        # clause reads as a question once its auxiliary is put back.
        asked = f"{m.group(1)}On which {m.group(2)}{question[m.end():]}"
        return question if (fixed := _with_auxiliary(asked)) == asked else fixed
    return _with_auxiliary(question)


# (And "What is the date the EU Times posted ...?", a name right after it.)
_DATE_ON_WHICH = re.compile(r"^(\W*)[Ww]hat (?:is|was) the (date|day)(?: on which\b|(?: that| when)?(?=\s+(?:the\s+)?[A-Z]))")


def _with_auxiliary(question: str) -> str:
    """`with_auxiliary`, once the source named last is read."""
    if (named := _NAMED_FIRST.match(question)) and named.group("verb") in _BARE_VERBS | _SPEAKING:
        # "Lavrov talk about CIA officers ...?": did he; "Putin say IS kill how many people?": he said.
        if re.search(r"\b(?:what|which|when|where|why|how)\b", question[named.end():], re.I):  # (not "who": relative)
            return _past(question, named.start("verb"), named.end("verb"))
        return f"Did {question[:named.end('who')]} {question[named.start('verb'):]}"
    opening = _WH_OPENING.match(question)
    if not opening:
        return question
    wh, after = opening.group("wh").lower(), opening.end()
    words = list(re.finditer(r"[\w’'-]+", question[after:]))
    if wh == "who" and words and (first := words[0].group()).endswith("s") and (
            first[:-1] in _BARE_VERBS | _FINITE_AFTER_WHO):
        return question  # "Who speaks for the Russian Defense Ministry in the EU Times report?" has its verb
    for i, word in enumerate(words):
        lower = word.group().lower()
        if (wh in ("why", "when", "where", "how") and i > 0 and lower.endswith("s") and lower[:-1] in _BARE_VERBS
                and word.group() == lower and words[i - 1].group().lower() not in _NOT_BEFORE_VERB
                and (subject := _subject(words[:i], wh)) is not None
                # ("... the deputy minister Ryabkov gave ...": the subject opens before the name.)
                and not _after_title(words, words.index(subject))):
            # "why putin says people are running away": why does he say it.
            at, verb = after + subject.start(), after + word.start()
            return f"{question[:at].rstrip()} does {question[at:verb]}{lower[:-1]}{question[after + word.end():]}"
        if lower in _AUXILIARIES or lower.endswith(("n't", "n’t")):
            if wh == "who" and i == 0 and lower in ("is", "are") and len(words) > 1 and words[1].group() in _BARE_VERBS:
                return _past(question, after + word.start(), after + words[1].end())  # ("Who is say ...?")
            return _inverted(question, opening, words, i)
        if (i > 0 and word.group() == lower and lower not in _BARE_VERBS and (bare := _bare(lower))
                and (wh in ("when", "where", "why") or opening.group().lower() != wh
                     or (wh in ("what", "which") or wh.startswith("how ")) and _named_after_noun(words, i, wh) is not None)
                and words[i - 1].group().lower() not in _NOT_BEFORE_VERB
                and not re.search(r"[^\w\s'’-]", question[after:after + word.start()])
                and not re.search(rf"\b{WH}\b", question[after + word.end():], re.IGNORECASE)
                and not any(w.group().lower().endswith("ed") or w.group().lower() in _PAST_FORMS | _CLAUSE_WORDS
                            for w in words[:i])
                and (subject := _subject(words[:i], wh)) is not None
                # ("... the deputy minister Ryabkov gave ...": the subject opens before the name.)
                and not _after_title(words, words.index(subject))):
            # "When EU Times posted the news ...?", "On which date the Gazette published ...?": when
            # did it (not "When Putin said X, what ...?" or "... the report that Kerry called ...",
            # clauses of their own).
            at = after + subject.start()
            return f"{question[:at].rstrip()} did {question[at:after + word.start()]}{bare}{question[after + word.end():]}"
        if lower not in _BARE_VERBS or word.group() != lower or i == 0 and wh in ("which", "whose", "what") or (
                i + 1 < len(words) and words[i + 1].group().lower() in _AUXILIARIES) or (
                i > 0 and words[i - 1].group().lower() in _NOT_BEFORE_VERB):
            continue  # (a noun: "Which name does Putin use ...?", "What report was ...?", "..., by name, ...")
        if any(w.group().lower().endswith("ed") or w.group().lower() in _PAST_FORMS for w in words[:i]):
            return question
        subject = _subject(words[:i], wh)
        if subject is not None:
            at = after + subject.start()
        elif wh in ("why", "when", "where", "how"):  # ("Why officials say ...?")
            at = after + 1
        elif wh in ("who", "which") or wh.startswith("how "):  # the asked-for is the subject
            return _past(question, after + word.start(), after + word.end())
        else:
            return question
        return f"{question[:at].rstrip()} did {question[at:].lstrip()}"
    return question


# Words that open a clause of their own before a verb ("... the report that Kerry called ...").
_CLAUSE_WORDS = frozenset("that which what who whom whose as according if whether when where why how".split())
# Verbs whose present form after "who" makes the question whole, whatever bare form follows.
_FINITE_AFTER_WHO = frozenset("speak lead run head represent serve work command".split())
# Words after which a verb's bare form is a noun ("Which official, by name, dismissed ...?") or an
# infinitive, never a verb missing its auxiliary.
_NOT_BEFORE_VERB = frozenset("by the a an of to for his her their its this that my your our".split())
# "In what month analysts have said ...?": a time asked for, then its subject and a late auxiliary.
_LATE_AUXILIARIES = frozenset("has have had is are was were will can could would".split())
_TIME_NOUNS = frozenset("month year day week date time".split())


def _inverted(question: str, opening: re.Match[str], words: Sequence[re.Match[str]], i: int) -> str:
    """A question whose auxiliary comes after its subject, put before it ("In which country the
    G20 summit is being held?" -> "In which country is the G20 summit being held?"), a present
    perfect read as "did" ("How much explosives Shoigu has said ...?" -> "How much explosives did
    Shoigu say ...?" where the verb is known; "Why the US has frozen ...?" -> "Why has the US
    frozen ...?"). Else as typed: after "which" or "what" only a name (or "the") after the asked-for noun
    tells where the wh-phrase ends ("On which state TV channel has Shoigu ...?", "In which Syrian
    or Iraqi provinces are ...?", "Which Russian official has said ...?")."""
    if i + 1 >= len(words) or words[i].group().lower() not in _LATE_AUXILIARIES:
        return question
    start = _late_subject(opening, words, i)
    if start is None:
        return question
    after, aux = opening.end(), words[i]
    at = after + words[start].start()
    verb = words[i + 1]
    if aux.group().lower() in ("has", "have") and (bare := _bare(verb.group().lower())):
        # ("Which news agency Ryabkov has given his comments to?": a learner's present perfect
        # for a past event, read as the past the answer checks know: "did Ryabkov give".)
        return (f"{question[:at]}did {question[at:after + aux.start()].rstrip()} {bare}"
                f"{question[after + verb.end():]}")
    return (f"{question[:at]}{aux.group()} {question[at:after + aux.start()].rstrip()} "
            f"{question[after + aux.end():].lstrip()}")


def _bare(participle: str) -> str | None:
    """The bare form of a known verb's past participle or past ("given", "gave" -> "give",
    "targeted" -> "target", "described" -> "describe"), else None."""
    known = _BARE_VERBS | _SPEAKING
    found = _IRREGULAR_PARTICIPLES.get(participle) or _BARE_OF_PAST.get(participle) or next(
        (bare for bare in (participle[:-2], participle[:-1], participle[:-3] + "y", participle[:-3])
         if participle.endswith("ed") and bare in known), None)
    return found if found in known else None


_BARE_OF_PAST = {past_form: bare for bare, past_form in _IRREGULAR_PAST.items()}
# (Only those unlike the past: "said", "told", "made" are read by `_BARE_OF_PAST`.)
_IRREGULAR_PARTICIPLES = {"given": "give", "written": "write", "spoken": "speak", "shown": "show", "flown": "fly",
                          "begun": "begin", "gone": "go", "known": "know"}


def _late_subject(opening: re.Match[str], words: Sequence[re.Match[str]], i: int) -> int | None:
    """Where the subject before a late auxiliary (`words[i]`) starts, if the words before it
    tell: after a time noun ("In what month analysts have ..."), after the asked-for noun
    when a name or "the" opens it ("How many terror sites Russian jets have ...", "Which news
    agency Ryabkov has ..."), or right after when / where / why ("Why the US has ..."). None
    where a verb or a clause comes first ("Which outlet reported the rebels were ...", "When
    Kirby was asked ..., what did he say?")."""
    wh = opening.group("wh").lower()
    lower = [w.group().lower() for w in words[:i]]
    between = opening.string[opening.end():words[i].start() + opening.end()]
    if re.search(r"[^\w\s'’-]", between) or re.search(rf",\s*{WH}\b", opening.string[opening.end():], re.I):
        return None  # ("Why, according to Ryabkov, had ...": a clause; "When X was asked ..., what ...?")
    if wh in ("what", "which") and opening.group().lower() != wh and lower[:1] and lower[0] in _TIME_NOUNS:
        start = 1
    elif wh in ("when", "where", "why"):
        start = 0
    elif wh in ("what", "which") or wh.startswith("how "):
        if (start := _named_after_noun(words, i, wh)) is None:
            return None
    else:
        return None
    subject = lower[start:i]
    if not subject or len(subject) > 5 or any(
            w in _AUXILIARIES | _PREPOSITIONS or _verb_like(w) or w != "the" and w in STOPWORDS
            or w.endswith("ly") and w == words[start + k].group() for k, w in enumerate(subject)):
        return None
    if start and lower[start - 1] in _PREPOSITIONS | {"the", "a", "an"}:
        return None  # ("In which city in Syria Russia has ...": the place's own words)
    if words[i + 1].group()[:1].isupper() or words[i + 1].group().lower() == "the":
        return None  # ("On which state TV channel has Shoigu ...?": its subject is after it)
    return start


def _after_title(words: Sequence[re.Match[str]], at: int) -> bool:
    """Whether the name at `at` follows a title its subject opened with ("the deputy minister
    Ryabkov"), not the asked-for noun ("With which American president Putin ...")."""
    lower = [w.group().lower() for w in words[max(0, at - 4):at]]
    return bool(lower) and lower[-1] in _TITLES and any(
        w == "the" and (k == 0 or lower[k - 1] != "of") for k, w in enumerate(lower[:-1]))


def _named_after_noun(words: Sequence[re.Match[str]], i: int, wh: str) -> int | None:
    """Where a subject opened by a name (or "the" and a name) starts after the asked-for noun
    and before `words[i]` ("How many terror sites | Russian jets ...", "Which news agency |
    Ryabkov ..."), if the words before it are that noun alone. After "which" or "what" a
    capitalised word before a common noun is the asked-for one's ("Which senior American
    official said ...?"), so only a name alone, a name's possessive or "the" opens the subject
    there."""
    lower = [w.group().lower() for w in words[:i]]
    # (Not an acronym before a common noun: "Which state TV channel carried ...?" names no subject.)
    named = [j for j in range(1, i) if words[j].group()[:1].isupper() and not words[j - 1].group()[:1].isupper()
             and not (words[j].group().isupper() and j + 1 < i and words[j + 1].group().islower())
             or lower[j] == "the" and j + 1 < i and words[j + 1].group()[:1].isupper()]
    # (The asked-for noun: lower-case words, "of" the only small word, none whose ("network's
    # Twitter account"), the last no verb ("Which outlet reported the rebels were ...?"), the
    # others no verb but an adjective's -ed: "In which besieged city ...".)
    if not named or any(not words[j].group().islower() or lower[j] != "of" and lower[j] in STOPWORDS
                        or re.search(r"['’]s?$", lower[j]) or _verb_like(lower[j]) and (
                            j == named[0] - 1 or not lower[j].endswith("ed")) for j in range(named[0])):
        return None
    start = named[0]
    if (not wh.startswith("how ") and lower[start] != "the" and not re.search(r"['’]s?$", lower[start])
            and start + 1 < i and words[start + 1].group().islower()):
        return None  # (but "Shoigu's interview" is a subject)
    return start


def _verb_like(word: str) -> bool:
    """Whether a lower-case word may be a verb: a bare one, its -s or -ed form, or a past form."""
    return (word in _BARE_VERBS | _SPEAKING or word.endswith("s") and word[:-1] in _BARE_VERBS | _SPEAKING
            or word.endswith("ed") or word in _PAST_FORMS)


def _subject(words: Sequence[re.Match[str]], wh: str) -> re.Match[str] | None:
    """The first word of the named subject before a bare verb ("the Moscow Times"), if any."""
    for j, word in enumerate(words):
        text = word.group()
        if not text[:1].isupper():
            continue
        previous = words[j - 1].group().lower() if j else wh
        if previous in _PREPOSITIONS or previous in ("which", "whose") or (j and words[j - 1].group()[:1].isupper()):
            continue  # ("Who from Free Beacon ...", "In which Syrian province ...")
        return words[j - 1] if previous == "the" else word
    return None


def _past(question: str, start: int, end: int) -> str:
    """The question with its span [start, end) (an optional "is" and a bare verb) in the past."""
    return f"{question[:start]}{past(question[start:end].split()[-1])}{question[end:]}"


def past(verb: str) -> str:
    """The past form of a bare verb: "say" -> "said", "call" -> "called", "deny" -> "denied"."""
    return _IRREGULAR_PAST.get(verb) or (verb + "d" if verb.endswith("e") else verb[:-1] + "ied"
                                         if re.search(r"[^aeiou]y$", verb) else verb + "ed")
