"""A question typed as a note to oneself ("EU Times post date?", "Channel airing Shoigu's
interview?", "Russian jets deployed in Syria: count?", "Baghdad info center's chief?") has no
question word, so the checks that read what is asked for (a date, a number, which channel, a
person) would read nothing, and any sentence close in meaning would answer it: a near miss
("Channel airing Shoigu's interview?", which the articles only call state television) was
answered with the closest sentence. It is read as the question it stands for ("What is the
date of the EU Times post?", "Which channel airing Shoigu's interview?", "How many Russian jets
deployed in Syria?", "Who is the Baghdad info center's chief?"), with an outlet named last (",
EU Times?") read as where it was reported ("according to EU Times"). A question with a question
word, or opening with an auxiliary or a verb, is left as typed; so is "Kirby on the FSA?", which
asks for his words (`answerable`).

A request ("State the date on which Kirby made his remarks.", "Identify the journalist who
conducted Shoigu's interview.") has no question word either: the checks read nothing asked for,
and a lawyer's near misses were answered with the closest sentence. It is read as the question
it stands for ("What was the date when Kirby made his remarks?", "Which journalist conducted
Shoigu's interview?"), by what the noun it asks for names (a date, a place, a reason, a number,
or anything else by "which").

A sceptic's challenge ("The EU Times page doesn't carry a date, does it? When was it posted?",
"Which city -- not Homs, surely?", "Who said it -- wasn't it Shoigu?") wraps the question in
names and values the asker doubts: "Homs", which no article mentions, refused the question
unread, and "Saturday" was looked for. The question is read alone, after what the challenge
states before its doubt ("Shoigu spoke on TV. Which day was it?"), or with its "it" read as the
news item the challenge is about ("When was the EU Times page posted?"). A guess after a comma
is left in: "Who said people flee IS, not Assad?" asks about the whole claim.

A topic said first and then asked about by "it" ("The accord between Moscow and Washington, when
it was reached?", a dictated "the flight safety memorandum when was that reached") reads no kind
asked for: its question word is not first. It is read as "When was the accord between Moscow
and Washington reached?".

A correspondent's topic said first ("About the meeting of heads of general staffs in Moscow,
could you tell me the date of this meeting please?", "Regarding Foreign Minister Lavrov, what
did he say about the refugee crisis?") puts the question word after it, so nothing asked for was
read and near misses were answered from the topic's sentence. The topic takes the place of what
the question calls it by ("this meeting", "it", "he", "his name"), or is said after the question
when it calls it nothing ("..., regarding the Russian strikes on targets ...?").

A developer's templated query ("Entity: X. Attribute: date deal reached?", "Field: location;
Subject: X", "Q(who): said ...", "count(sorties) in the RT report?", "What is the [date] of [X]?")
reads its labels and brackets as words of the question: 10 of 20 such near misses were answered
and 15 of 40 answerable ones refused. It is read as the question its slot asks of its subject
("On what date was X deal reached?", "Where was X?", "Who said ...?", "How many sorties in the
RT report?"). An elderly reader's guesses after a question ("? Peskov, was it, the Kremlin man?
Or was it somebody higher up?") are no part of it: a name no article holds refused it.

Search-box keywords with no question mark ("russia us memorandum deal reached when", "pentagon isis
camps off limits why", "kirby baghdad info center comment") put the question word last, so 14 of
20 such near misses were answered. They are read as the question it asks ("When was the russia us
memorandum deal reached?", "What did kirby say about baghdad info center?"), unless the question
word stands inside a clause ("putin said assad agrees to what kind of elections"), which is read
as typed."""

from __future__ import annotations

import re

from .attribute import names_medium
from .truecase import MEMO_BULLET, WH, what_did

# Any question word anywhere ("Putin said Assad agrees to what kind of elections?") or an
# opening auxiliary ("Did Lavrov ...?", "Is it true ...?") makes a question already.
_ASKED = re.compile(r"\b(?:what|whats|when|where|which|who|whom|whose|why|how)\b|^\W*(?:do|does|did|is|are|was"
                    r"|were|has|have|had|can|could|will|would|should|may|might|must|tell|name(?!\s+of\b)|list|give"
                    r"|show|find|explain|describe|summari[sz]e|according|per|in|on|at|from|by|for|to|during|after"
                    r"|before)\b",
                    re.IGNORECASE)
# "X: when?", "X: where held?": the question word after a colon, about what comes before it.
_WH_LAST = re.compile(r"^\W*(?P<what>[^:?]{3,80}?)\s*[:—–-]+\s*(?P<wh>when|where|who|why|which|what)\b(?P<rest>[^:?,]*)"
                      r"\?*\s*$", re.IGNORECASE)
# "X date?", "Date of X?", "X: count?": the kind of value, named first or last.
_VALUES = {"date": "What is the date of {}?", "day": "What is the date of {}?", "count": "How many {}?",
           "number": "How many {}?", "tally": "How many {}?", "total": "How many {}?",
           "percent": "What percentage of {}?", "percentage": "What percentage of {}?",
           "name": "What is the name of {}?",
           "location": "Where was {}?", "venue": "Where was {}?", "place": "Where was {}?"}
_VALUE_LAST = re.compile(rf"^\W*(?P<what>[^?]{{3,80}}?)\s*[:—–-]?\s+(?P<value>{'|'.join(_VALUES)})\s*\?*\s*$",
                         re.IGNORECASE)
_PUBLISHED_LAST = re.compile(r"^\W*(?P<what>[^?]{3,80}?)\s*[:—–-]?\s+(?:publication|(?P<post>post)|posting|release)"
                             r" date\s*$", re.IGNORECASE)
_DATE_FIRST = re.compile(r"^\W*(?:date|day)\s+(?!of\b)(?P<what>[^?]{3,80}?)\s*$", re.IGNORECASE)
_VALUE_FIRST = re.compile(rf"^\W*(?P<value>{'|'.join(_VALUES)})\s+of\s+(?P<what>[^?]{{3,80}}?)\s*\?*\s*$",
                          re.IGNORECASE)
# "Channel airing Shoigu's interview?", "Paper on Aleppo suicide bombers?": the kind of name first.
_KINDS = (r"channels?|papers?|newspapers?|outlets?|(?:web)?sites?|agenc(?:y|ies)|networks?|stations?|broadcasters?"
          r"|officials?|ministers?|spokes(?:wo)?man|spokesperson|diplomats?|commanders?|reporters?|journalists?"
          r"|cit(?:y|ies)|countr(?:y|ies)|provinces?|towns?|groups?|organi[sz]ations?|airbases?|bases?|airfields?")
_KIND_FIRST = re.compile(rf"^\W*(?:[A-Z][\w'’.-]*\s+){{0,3}}?(?P<kind>(?i:{_KINDS}))\s+(?:[a-z]+ing|on|about|behind"
                         r"|for|from|in|at|of|with|that|who|quoted|cited|named|blamed|accused|interviewed)\b")
# "Baghdad info center's chief?", "Russian MoD spokesman, EU Times?": a person, by his office.
_OFFICE_LAST = re.compile(r"^\W*(?P<what>[^?,]{2,60}?\s(?:chief|head|leader|spokes(?:wo)?man|spokesperson|minister"
                          r"|president|commander|director|ambassador|envoy|official|author|reporter|journalist))\s*$",
                          re.IGNORECASE)
# "Lavrov's read on coalition air ops?": what he said about it.
_VIEW_ON = re.compile(r"^\W*(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?:own\s+)?(?:read|view|take|words"
                      r"|line|position|stance|verdict|assessment|comments?|remarks?)\s+(?:on|about|of)\s+"
                      r"(?P<topic>[^?]{2,60}?)\s*$")
# An archivist's catalogue entries: "Author of the EU Times Ryabkov article?", "Agency Ryabkov spoke
# to, per Sputnik?" (whom he told, not who published it).
_AUTHOR_OF = re.compile(r"^\W*(?:author|writer|byline|reporter)\s+(?:of|for|on)\s+(?P<what>[^?]{3,80}?)\s*$", re.IGNORECASE)
_TOLD = {"spoke to": "speak to", "talked to": "talk to", "told": "tell", "gave his comments to": "give his comments to",
         "gave the interview to": "give the interview to", "gave his interview to": "give his interview to"}
_WHOM_TOLD = re.compile(rf"^\W*(?P<kind>(?i:{_KINDS}))\s+(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})\s+"
                        rf"(?P<verb>(?i:{'|'.join(_TOLD)}))\s*$")
# "Kirby's job title?": a thing someone has.
_WHOSE = re.compile(r"^\W*(?P<what>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s(?:\s+[\w-]+){1,3})\s*$")
# ", EU Times?", ", per RT?": where the asker read it, named last.
_OUTLET_LAST = re.compile(r",\s*(?:per\s+|in\s+|from\s+)?(?P<outlet>(?:the\s+)?[A-Z][\w.’'-]*"
                          r"(?:\s+[A-Z][\w.’'-]*){0,3})\s*\?*\s*$")


# A monitor's "Outlet? Piece saying officials call the airstrikes a show.": the kind of name asked
# for first, then the item it is asked of.
_OUTLET_FIRST = re.compile(r"^\W*(?:source\s+)?(?:outlet|publisher|publication|site|newspaper|paper)\s*[?:]\s+"
                           r"(?P<item>(?-i:[A-Z])[^?]{10,300}?)[.?!]*\s*$", re.IGNORECASE)

# "Kirby's 'we're nowhere near that point' quote: where's that from, for the credit?"
_FROM_WHERE = re.compile(r"^\W*(?P<item>[^?]{5,200}?)\s*[:—–-]+\s*where(?:['’]s|\s+is|\s+was|\s+did)\s+"
                         r"(?:that|this|it)\s+(?:come\s+)?from\b[^?]*\?\s*$", re.IGNORECASE)


# A producer's "Who do we credit for the claim that ...?", "Who do we credit for saying ...?",
# "Who's the on-screen attribution for the line that ...?": who said it.
_CREDITED_FOR = re.compile(r"^\W*(?:who(?:m)? (?:do|should|shall|can|would|will) (?:we|i|you) (?:credit|attribute|cite)"
                           r"(?: (?:it|this|that))? (?:for|with)"
                           r"|who(?:['’]s| is) (?:the )?(?:[\w-]+ )?(?:attribution|credit) (?:for|on)"
                           # (A footnote's "Cite the source for the claim that ...".)
                           r"|(?:please\s+)?(?:cite|give|provide|identify|name)(?: me)? the (?:source|speaker|person)"
                           r" (?:for|of|behind)(?=\s+(?:the|this|that) (?:claim|line|quote|remark|statement|words|view)\b))\s+"
                           r"(?:(?:the|this|that) (?:claim|line|quote|remark|statement|words|view|narrative"
                           r"|talking point)"
                           r"\s+(?:that\s+)?|(?P<verb>saying|calling|claiming|describing|asking|warning|accusing)\s+)?"
                           r"(?P<claim>[^?]{3,300}?)\s*[?.]\s*$", re.IGNORECASE)
# "What line does Putin push on the refugee crisis?", "What narrative does Kirby push about ...?",
# "Can we run a Lavrov quote on ...? What did he say?": X's words on Y.
_LINE_PUSHED = re.compile(r"^\W*what (?:line|narrative|talking points?|message|argument|claim|spin) (?:does|did|do) "
                          r"(?P<who>(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+) "
                          r"(?:push|pushes|make|peddle|promote|advance|put out|spin)"
                          r"\s+(?:on|about|regarding|over|concerning)\s+(?P<topic>[^?,]{3,200}?)\s*(?:,[^?]*)?\?\s*$"
                          r"|^\W*(?:can|could) (?:we|i) (?:run|use|put up|get|air|have) (?:a|an) "
                          r"(?P<quoted>(?-i:[A-Z])[\w.'’-]*)"
                          r" (?:quote|line|clip|soundbite) (?:on|about|regarding)\s+(?P<on>[^?]{3,200}?)\s*\?"
                          r"(?:\s*what did (?:he|she) say(?: exactly)?\?)?\s*$", re.IGNORECASE)
_PAST = {"saying": "said", "calling": "called", "claiming": "claimed", "describing": "described",
         "asking": "asked", "warning": "warned", "accusing": "accused"}


def spelled_out(question: str) -> str:
    """The question a terse note stands for ("EU Times post date?" -> "What is the date of the
    EU Times post?"); the question as typed when it has a question word or is no such note."""
    if m := _CREDITED_FOR.match(question):
        verb = _PAST[m.group("verb").lower()] if m.group("verb") else "said"
        return f"Who {verb} {m.group('claim')}?"
    if m := _LINE_PUSHED.match(question):
        return f"What did {m.group('who') or m.group('quoted')} say about {m.group('topic') or m.group('on')}?"
    if (m := _SAID_LAST.match(question) or _ATTRIBUTION_LAST.match(question)) and not re.search(r"\?", m.group("claim")):
        claim = m.group("claim")
        if d := _DESCRIBED_FIRST.match(claim):
            # "Russian FM on Channel One - coalition knows ...": the office is who is asked for.
            venue = f" {d.group('venue')}" if d.group("venue") else ""
            return f"Who is the {d.group('office')} that said{venue} that {d.group('claim')}?"
        if c := _COMMENTS_FIRST.match(claim):
            return f"Who said in the comments that {c.group('claim')}?"
        return f"Who said {claim}?"
    if m := _FROM_WHERE.match(question):
        return f"Which outlet published {_the(m.group('item'))}?"
    if m := _OUTLET_FIRST.match(question):
        item = m.group("item")
        return f"Which outlet published {_the(item[:1].lower() + item[1:])}?"
    if len(question.split()) > 10 or not question.rstrip().endswith("?"):
        return question
    body, source = question.strip().rstrip("?").strip(), ""
    if (last := _OUTLET_LAST.search(question)) and names_medium(re.sub(r"^the\s+", "", last.group("outlet"))):
        body, source = question[:last.start()].strip(), f", according to {last.group('outlet')}"
    if (m := _WH_LAST.match(body)) and not _ASKED.search(m.group("what")) and len(m.group("rest").split()) <= 3:
        asked = _wh_first(m.group("wh").lower(), m.group("rest").strip(), m.group("what").strip())
        return f"{asked}{source}?" if asked else question
    if _ASKED.search(body):
        return question
    if m := _PUBLISHED_LAST.match(body):
        what = f"{m.group('what')} post" if m.group("post") else m.group("what")
        return f"When was {_the(what)} published{source}?"
    if m := (_VALUE_LAST.match(body) or _VALUE_FIRST.match(body)):
        what = m.group("what").strip(" :—–-")
        pattern = _VALUES[m.group("value").lower()]
        return pattern.format(what if pattern.startswith("How") else _the(what))[:-1] + f"{source}?"
    if m := _DATE_FIRST.match(body):
        if re.match(r"(?:shown|stamped|printed|given|carried)\b", m.group("what"), re.IGNORECASE):
            return f"What is the date {m.group('what')}{source}?"  # ("date stamped on the Sputnik page?")
        return f"On what date {m.group('what')}{source}?"
    if m := _KIND_FIRST.match(body):
        kind, lead = m.group("kind"), body[:m.start("kind")]
        if (words := lead.split()) and sum(c.isupper() for c in words[0]) < 2:
            # ("Dateline city of ...?": capitalised as the question's first word, no name; an
            # acronym stays one.)
            lead = lead[:1].lower() + lead[1:]
        return f"Which {lead}{kind.lower()}{body[m.end('kind'):]}{source}?"
    if m := _OFFICE_LAST.match(body):
        return f"Who is {_the(m.group('what'))}{source}?"
    if m := _VIEW_ON.match(body):
        return f"What did {m.group('who')} say about {m.group('topic')}{source}?"
    if m := _AUTHOR_OF.match(body):
        return f"Who wrote {_the(m.group('what'))}{source}?"
    if m := _WHOM_TOLD.match(body):
        return f"Which {m.group('kind').lower()} did {m.group('who')} {_TOLD[m.group('verb').lower()]}{source}?"
    if m := _WHOSE.match(body):
        return f"What is {m.group('what')}{source}?"
    return question


# A polite wrapper around a request or a question: "I'm looking for ...", "I'm after ...", "A patron
# would like (to know) ...", "A patron asks ...", "Could you find out ...", "Can you tell me ...",
# a compliance officer's "Kindly confirm the number of ...".
_POLITE = re.compile(r"^\W*(?:(?:i['’]m|i am|we['’]re|we are) (?:looking for|after|trying to (?:find(?: out)?|learn))"
                     r"|(?:i|we) (?:need|want|would like|['’]d like)(?: to (?:know|find out|learn))?"
                     # ("Got a caller wanting to know what ...")
                     r"|(?:(?:i['’]ve |we['’]ve |i |we )?(?:got|have) )?"
                     r"(?:a|one|the|my|our) (?:patron|reader|user|client|customer|researcher|student|caller|listener"
                     r"|viewer)s? (?:would like|wants|wanting|needs|asks|asked|is asking|wonders|wanted)(?: to (?:know|find out"
                     r"|learn))?"
                     r"|(?:could|can|would) you (?:please |kindly )?(?:find(?: out)?|check|tell (?:me|us)|explain|look up"
                     r"|confirm)"
                     r"|(?:please )?(?:find out|look up)|(?:please|kindly) (?:confirm|check|verify))\s+", re.IGNORECASE)
# A value's noun with its clause straight after it, no "of", "on which" or "that" between.
_BARE_HEAD = re.compile(r"the (?P<head>date|day|reason|place|location)\s+(?!(?:of|on|in|at|for|when|which|that|why|where"
                        r"|who|given|stated|shown)\b)(?P<clause>(?:(?-i:[A-Z])|the\s)[^?]{3,}?)\s*[.?!]*$", re.IGNORECASE)
_BARE_WH = {"date": "When", "day": "When", "reason": "Why", "place": "Where", "location": "Where"}
# (Not "what ...", whose word order the checks of "what did X say" read as typed.)
# ("Could you tell me on which date it was posted please?")
_WH_CLAUSE = re.compile(r"(?:(?:on|in|at|from|to|for|by|with|since) (?:which|what) |who|whom|where|when|why|which"
                        # ("... wants to know what Putin said about ...": what did he say, once asked.)
                        r"|how (?:many|much|long)|what(?= (?-i:[A-Z])[\w'’-]+ (?:said|says|thinks|thought)\b))\b",
                        re.IGNORECASE)


# "State the date on which ...", "Identify by name the official who ...": a request, with the noun
# it asks for and the clause that says which one.
_REQUEST = re.compile(r"^\W*(?:(?:please|kindly)\s+)?(?P<verb>state|identify|name|specify|give|provide|indicate"
                      r"|tell(?:\s+(?:me|us))?|let\s+(?:me|us)\s+know|determine)\s+"
                      r"(?:(?:by\s+name|for\s+the\s+record|precisely|exactly|specifically)\s*,?\s+)?the\s+"
                      r"(?P<noun>(?:[\w'’-]+\s+){0,4}?(?P<head>[\w'’-]+))\s+(?P<link>(?:(?P<prep>on|at|in|to|from|by"
                      r"|for|with|under|through)\s+)?which|who|whom|that|where|when|why|of)\s+(?P<clause>[^?]{3,}?)"
                      r"\s*[.?!]*\s*$", re.IGNORECASE)
# A request whose clause follows its noun with no "which" or "that": "Name the only document
# Russia and the US had jointly approved" (a name or "the" opens the clause).
_REQUEST_BARE = re.compile(r"^\W*(?:(?:please|kindly)\s+)?(?:name|identify|specify)\s+the\s+"
                           r"(?:(?:only|sole|single|one)\s+)?(?P<noun>[a-z][\w-]*)\s+"
                           r"(?P<clause>(?:(?-i:[A-Z])|the\s)[^?]{3,}?)\s*[.?!]*\s*$", re.IGNORECASE)
_AUTHOR_HEADS = frozenset("author writer reporter".split())
_DATE_HEADS = frozenset("date day time year month weekday".split())
_PLACE_HEADS = frozenset("location place city town venue country site spot region area".split())
_REASON_HEADS = frozenset("reason reasons motive purpose rationale grounds justification cause".split())
_COUNT_HEADS = frozenset("number count total amount figure tally quantity".split())
_PERSON_HEADS = frozenset("party person individual speaker".split())


# A compliance officer's "What is the stated date of X?", "What is the reported location of X?",
# "What rationale is given for X?", "Is a date specified for X; if so, which?": the value asked
# for, whoever states it.
_QUALIFIED = re.compile(r"^(?P<what>\W*what (?:is|was|are|were) the) (?:stated|reported|given|specified|recorded|cited"
                        r"|declared|official|exact|precise|actual|quoted|mentioned) (?=[\w'’-]+ )", re.IGNORECASE)
_LOCATION_OF = re.compile(r"^\W*what (?P<be>is|was|are|were) the (?:location|whereabouts|site|venue|place) of\s+"
                          r"(?P<what>[^?]{3,}?)\s*[.?!]*\s*$", re.IGNORECASE)
_GIVEN_FOR = re.compile(r"^\W*what (?P<head>rationale|reason|reasons|motive|justification|explanation|grounds|cause)"
                        r" (?:is|was|are|were) (?:given|offered|stated|cited|provided|reported) for\s+"
                        r"(?P<what>[^?]{3,}?)\s*[.?!]*\s*$", re.IGNORECASE)
_IF_SO_WHICH = re.compile(r"^\W*(?:is|are|was|were) (?:a|an|any|the) (?:(?:calendar|exact|specific|precise)\s+)?"
                          r"(?P<head>date|day|number|figure|name|location|place"
                          r"|reason|time)s? (?:specified|given|stated|mentioned|reported|provided|named|recorded)"
                          r" (?:for|of|in)\s+(?P<what>[^;?]{3,}?)\s*[;,:]?\s*(?:and\s+)?if so,?\s+(?:which|what)"
                          r"(?:\s+(?:is|was)\s+it)?\s*[.?!]*\s*$", re.IGNORECASE)


# "Which named person holds the post of Syrian Deputy Foreign Minister?": who holds that office.
_HOLDS_POST = re.compile(r"^\W*(?:which|what) (?:named\s+)?(?:person|individual|official|man|woman) (?:holds|held"
                         r"|occupies|occupied|fills|filled) the (?:post|office|position|role|job|title) of\s+"
                         r"(?:the\s+)?(?P<office>[^?]{3,}?)\s*[.?!]*\s*$", re.IGNORECASE)
# "What is the financial sum allocated for X?": how much.
_SUM_OF = re.compile(r"^\W*what (?P<be>is|was|are|were) the (?P<noun>(?:[\w'’-]+\s+)?(?:sum|amount|cost|budget|price))\b",
                     re.IGNORECASE)


# A student's "for my report i need the date RT tweeted the combat report, what was it".
_NEED_THE = re.compile(r"^\W*(?:for (?:my|our|the|a) [\w' ]{2,30}?,?\s+)?(?:(?:i|we) (?:need|want|(?:would|['’]d) like)"
                       r"(?: to know)?|(?:(?:can|could|would) you )?(?:tell|give) (?:me|us)) the (?:(?:exact|precise) )?"
                       r"(?P<head>date|day|year|month|place|location|reason|number)\s+(?!of\b)"
                       r"(?P<rest>[^?,]{3,}?)(?:,?\s*what (?:was|is) (?:it|that))?\s*[.?!]*\s*$", re.IGNORECASE)


def _qualified(question: str) -> str:
    """The plain question a qualified request for a value stands for (see `_QUALIFIED`)."""
    if m := _NEED_THE.match(question):
        head, rest = m.group("head").lower(), m.group("rest")
        return f"How many {rest}?" if head in _COUNT_HEADS else _asked_by_head(head, rest)
    if m := _HOLDS_POST.match(question):
        return f"Who is the {m.group('office')}?"
    if m := _IF_SO_WHICH.match(question):
        head, what = m.group("head").lower(), m.group("what")
        if head in _DATE_HEADS and (posted := re.match(r"(?:the\s+)?(?:posting|publication|publishing) of\s+(.+)$", what)):
            return f"When was {posted.group(1)} posted?"
        if head in _PLACE_HEADS:
            return f"Where is {what}?"
        return f"What is the reason for {what}?" if head in _REASON_HEADS else f"What is the {head} of {what}?"
    question = _QUALIFIED.sub(lambda m: f"{m.group('what')} ", question)
    if m := _LOCATION_OF.match(question):
        return f"Where {m.group('be').lower()} {m.group('what')}?"
    if m := _GIVEN_FOR.match(question):
        return f"What is the reason for {m.group('what')}?"
    if m := _SUM_OF.match(question):
        return f"How much {m.group('be').lower()} the {m.group('noun')}{question[m.end():]}"
    return question


def requested(question: str) -> str:
    """The question a request stands for ("State the date on which X ..." -> "What was the date
    when X ...?", "What is the stated date of X?" -> "What is the date of X?"); the question as
    typed when it is no such request."""
    if (polite := _POLITE.match(question)) and (rest := question[polite.end():]) and not re.search(
            r"[.?!]\s+\S", rest) and not re.search(r"\b(?:gives?|gave|given|offers?|offered|cites?|cited)\s+for\b", rest):
        # A librarian's "I'm looking for the date on which ...", "Could you find out who wrote ...?",
        # "A patron asks why ...": the request, or the question, it wraps. (Of one sentence: "I would
        # like to know who it was ... . I taught history ..." is read as typed; so is "the reason Putin
        # gives for ...", which says whose reason.)
        if bare := _BARE_HEAD.match(rest):
            # ("I need the reason the US froze ...": why it did; "... the date John Kerry labeled ...": when.)
            wh = _BARE_WH[bare.group("head").lower()]
            question = f"{wh} {bare.group('clause').rstrip(' .?!')}?"
        elif re.match(r"the\s", rest, re.IGNORECASE):
            question = f"State {rest}"
        elif _WH_CLAUSE.match(rest):
            rest = re.sub(r",?\s+please\W*$", "", rest, flags=re.IGNORECASE)
            question = f"{rest[:1].upper()}{rest[1:].rstrip(' .?!')}?"
            question = what_did(question)  # ("... wants to know what Putin said about Y")
    question = _qualified(question)
    if m := next((m for pattern in _WORDS_OF if (m := pattern.match(question))), None):
        # A lawyer's "Set out the words attributed to X concerning Y.", "State, with particularity,
        # what X said as to Y.", "State whether, and if so in what terms, X expressed a view on Y."
        return f"What did {m.group('who')} say about {m.group('topic')}?"
    # "Who ran the piece quoting Mekdad ...?": which outlet published it, not whom it quotes.
    question = _WHO_RAN.sub(lambda t: f"Which outlet {t.group('verb').lower()} ", question)
    question = _IN_WHAT_TERMS.sub(lambda t: f"How {t.group('aux').lower()} {t.group('who')} describe", question)
    m = _REQUEST.match(question)
    if not m:
        if bare := _REQUEST_BARE.match(question):
            # ("Name the only document Russia and the US had jointly approved, per Putin.")
            return f"Which {bare.group('noun')} that {bare.group('clause')}?"
        return question
    noun, head, clause = m.group("noun"), m.group("head").lower(), m.group("clause")
    link, value = m.group("link").lower(), head in _DATE_HEADS | _PLACE_HEADS | _REASON_HEADS | _COUNT_HEADS
    if link == "of" and head in _AUTHOR_HEADS and noun.lower() == head:
        return f"Who wrote {clause}?"  # "Name the author of The Moscow Times article on Shoigu."
    if link == "of" or link in ("which", "that") and value:  # ("State the date that appears in ...")
        if head in _REASON_HEADS and link == "of":
            return f"What was the reason for {clause}?"
        if head == "number" and link == "of" and re.match(r"[a-z][\w-]*s\s+(?:the\s+)?(?-i:[A-Z])", clause):
            return f"How many {clause}?"  # ("Kindly tell the number of sorties Russian jets have flown ...")
        if head in _COUNT_HEADS and link == "of":
            return f"What was the number of {clause}?"
        if value or m.group("verb").lower() not in ("name", "identify"):
            return f"What was the {noun} {link} {clause}?"
        return question  # ("Name the King of Jordan whom ...": who he is, which the checks read as typed)
    if head in _PERSON_HEADS and link in ("who", "that"):
        return f"Who {clause}?"  # (A deposition's "Identify the party who made the statement that ...")
    if asked := _asked_by_head(head, clause):
        return asked
    if m.group("prep"):
        return f"{m.group('prep').capitalize()} which {noun} {clause}?"
    if link in ("where", "when", "why"):  # ("Identify the base where ...")
        return f"Which {noun} {link} {clause}?"
    return f"Which {noun} {clause}?"


_WHO = r"(?P<who>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})"
_ON = r"\s+(?:concerning|regarding|about|on|as to|in relation to|with respect to)\s+(?P<topic>[^?]+?)[.?!]*\s*$"
_WORDS_OF = tuple(re.compile(rf"^\W*{pattern}{_ON}", re.IGNORECASE) for pattern in (
    rf"set out (?:the words|the statements?|what was said)\s+(?:attributed to|of|by)\s+{_WHO}",
    rf"(?:state|describe|explain|indicate)(?:,?\s*with particularity,?)?\s+what\s+{_WHO}\s+(?:said|told"
    r"(?:\s+(?-i:[A-Z])[\w'’.-]*){1,3})",
    rf"state whether,?\s+(?:and\s+)?if so,?\s+(?:in what terms|how),?\s+{_WHO}\s+(?:expressed a view|commented"
    r"|spoke|remarked|said anything|addressed (?:the question|the matter|the issue))"))
# "In what terms did Putin address the question of ...?": how he described it, his words on it.
_IN_WHAT_TERMS = re.compile(rf"^\W*in what terms (?P<aux>did|does|has|had) {_WHO} (?:address|addressed|describe"
                            r"|characteri[sz]e|discuss|speak of|refer to)\b", re.IGNORECASE)


_WHO_RAN = re.compile(r"^\W*who (?P<verb>ran|published|carried|printed|posted) (?=(?:the|this|that|a|an) (?:[\w'’-]+ )?"
                      r"(?:piece|article|story|report|item)\b)", re.IGNORECASE)


def _asked_by_head(head: str, clause: str) -> str | None:
    """The question a request for a time, a place or a reason (by its head noun) asks of a
    clause ("the date X" -> "On which date X?", "the place X" -> "Where X?"); None for other nouns."""
    if head in ("year", "month"):
        return f"In what {head} {clause}?"
    if head in _DATE_HEADS:
        return f"On which date {clause}?" if head == "date" else f"When {clause}?"
    if head in _PLACE_HEADS:
        return f"Where {clause}?"
    return f"Why {clause}?" if head in _REASON_HEADS else None


# "..., does it?", "..., surely?", "..., was he?": a tag that turns a statement into a challenge.
_TAG = re.compile(r",?\s*(?:(?:is|was|does|did|do|has|had|have|are|were|can|could|will|would)(?:n['’]t|\s+not)?\s+"
                  r"(?:it|he|she|they|there|that|we)|surely|right)\s*\?\s*$", re.IGNORECASE)
_DOUBTING = re.compile(r"^\W*(?:didn['’]t|wasn['’]t|weren['’]t|isn['’]t|aren['’]t|doesn['’]t|hasn['’]t|haven['’]t"
                       r"|surely)\s+|\bsurely\b", re.IGNORECASE)
_DASH = re.compile(r"\s+(?:--|—|–)\s+")
_WH = WH
_WH_WORD = re.compile(rf"\b{_WH}\b", re.IGNORECASE)
_WH_QUESTION = re.compile(rf"^\W*(?:[^?,]{{2,60}},\s+)?{_WH}\b", re.IGNORECASE)
# "Who said ... -- wasn't it Shoigu?", "Which agency -- Interfax?", "Which city -- not Homs, surely?":
# a guess after the question. After a comma only a doubt ("Which agency, not TASS, surely?"): there
# "..., not Assad?" and "..., was it unexpected?" are more often part of what is asked.
_GUESSED_IT = r"(?:wasn['’]t|isn['’]t|was|is|or was) it\s+(?=(?-i:[A-Z])|(?:the|a|an)\b)"
_GUESS_LAST = re.compile(r"^(?P<question>[^?]+?)\s*(?:(?:--|—|–)\s*(?:"
                         rf"{_GUESSED_IT}|not\b|surely\b"
                         r"|(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2}(?=\s*\?\s*$)"
                         r"|[^?]*,\s*(?:is|was|did|does|do|has|had)(?:n['’]t)?\s+(?:it|he|she|they)(?=\s*\?\s*$))"
                         rf"|,\s*(?:surely\b|{_GUESSED_IT}|not\s+[^,?]{{1,40}},\s*surely\b))"
                         r"[^?]*\?\s*$", re.IGNORECASE)
# "Not Ryabkov -- who was ...?": whom the asker rules out, before the question.
_RULED_OUT_FIRST = re.compile(r"^\W*(?:and\s+)?not\s+[^?]{1,40}?\s+(?:--|—|–)\s+(?P<question>[^?]+\?)\s*$",
                              re.IGNORECASE)
# "... ? Who actually said that?": who said what the first question quotes (read with it: `answerable`).
_WHO_SAID_IT = re.compile(r"^\W*who\s+(?:\w+\s+)?(?:said|says|made|claimed|wrote|argued|stated|put)\s+"
                          r"(?:it|that|this)\b", re.IGNORECASE)
# "Asked the Americans where the moderate opposition is and got no answer - who said that?": the
# words asked about first, however long.
_SAID_LAST = re.compile(r"^\W*(?P<claim>[^?]{10,400}?)\s*(?:[—–]|\s-+)\s*" + _WHO_SAID_IT.pattern.removeprefix(r"^\W*")
                        + r"\s*\?\s*$", re.IGNORECASE)
# A wire desk's "Russian FM on Channel One - coalition knows where ISIS is. Who?", "... . Whose
# quote?", "... . Attrib.?", "... - who, exact words?": the same, asked in one or two words.
# (Not after a comma or a colon: "The man who fixed the pier, who?" and "Author of the piece:
# who?" ask who he is.)
_ATTRIBUTION_LAST = re.compile(r"^\W*(?P<claim>[^?]{10,400}?)\s*(?:[—–.]|\s-+)\s*(?:who(?:\s+said)?"
                               r"|whose\s+(?:quote|words|line|remark|claim|statement)|attrib(?:ution|\.)?)"
                               r"(?:\s*,\s*(?:and\s+)?(?:what|the|his|her|their)?\s*(?:exact\s+|actual\s+)?"
                               r"(?:words|wording|quote|phrasing))?\s*\?\s*$", re.IGNORECASE)
# The speaker's office and where he spoke, before the words: "Russian defense minister on state
# TV: asked US where ...", "Russian FM on Channel One - coalition knows ...", "Russian deputy FM
# line that US goals ...".
_DESCRIBED_FIRST = re.compile(r"^\W*(?:the\s+)?(?P<office>(?:(?-i:[A-Z])[\w.-]*\s+){0,2}(?:deputy\s+)?"
                              r"(?:(?:foreign|defen[cs]e)\s+minister|(?-i:FM)|spokes(?:wo)?man|spokesperson"
                              r"|president|diplomat|ambassador|envoy|secretary of state))"
                              r"\s*(?P<venue>(?:on|to|in)\s+[^:;–—-]{2,40}?)?"
                              r"\s*(?:[:;–—]|\s-+|\s+(?:line|quote|remark|claim)\s+that\b)\s*"
                              r"(?P<claim>[^:;–—]{10,})$", re.IGNORECASE)
# "Blog comments: claim ISIS is ...": said in the comments.
_COMMENTS_FIRST = re.compile(r"^\W*(?:the\s+)?(?:blog|reader|readers['’]?)\s+comments?\s*(?:[:;–—]|\s-+)\s*"
                             r"(?:(?:a\s+)?claim(?:s|ing)?\s+(?:that\s+)?)?(?P<claim>.{10,})$", re.IGNORECASE)
# "The EU Times page ...": a news item the challenge is about, which the question's "it" then means.
_ITEM_FIRST = re.compile(r"^\W*(?P<item>(?:the|this|that)\s+(?:[\w'’.-]+\s+){0,4}?(?:page|article|piece|post|story"
                         r"|report|tweet|item|interview|transcript|blog|site))\b", re.IGNORECASE)
# "Who argued ...? Quote the words that identify the claim.": an instruction after the question.
_INSTRUCTION_LAST = re.compile(r"^(?P<question>[^?]+\?)\s+(?:please\s+)?(?:quote|cite|give|include|name|list|explain"
                               r"|show|be|keep|use|answer|copy|(?:i |we )?(?:need|want)(?= (?:his|her|their|the|an?) "
                               r"(?:(?:exact|own|actual) )?(?:words|wording|quote|phrasing))"
                               # ("... ? Exact words please.")
                               r"|(?:the |his |her )?(?:exact|actual|precise) (?:words|wording|quote)|verbatim"
                               # (A corrections editor's "Who labelled X a 'ruse'? A columnist pinned it on
                               # Kirby.": whom others named, which the question does not ask about.)
                               r"|(?:an?|one|some|our|the|that|this) (?:[\w'’-]+ ){0,2}?(?:pinned|attributed|credited"
                               r"|ascribed|put|gave) (?:it|this|that|the (?:quote|line|remark|words?|claim)) (?:on|to))"
                               r"\b[^?]*[.!]?\s*$",
                               re.IGNORECASE)


# "Is it true that ..., and when was this call?": a value asked of what the first clause says.
# (Read by `answerable` too: a fact-checker's "Is it right that X said Y? What were his words?")
IS_IT_TRUE = re.compile(r"^\W*(?:is|was) it (?:right|true|correct|accurate|the case) that\s+", re.IGNORECASE)
_AND_WH = re.compile(r",?\s+and\s+(?P<wh>when|where|who|whom|which|why|how many|how much|how long)\b(?P<rest>[^?,]*)"
                     r"\?*\s*$", re.IGNORECASE)


# "About X, ...?", "Regarding X, ...?", "As for X: ...?".
_ABOUT_FIRST = re.compile(r"^\W*(?:about|regarding|concerning|as (?:for|to|regards)|with (?:regard|respect) to"
                          r"|in regard to|on the (?:subject|topic|matter|question) of)\s+"
                          r"(?P<topic>[^,?;:]{3,160}?)\s*[,;:–—]\s*(?P<asked>\S.*)$", re.IGNORECASE)
_NOT_NOUN = (r"(?!(?:was|were|is|are|did|does|do|has|have|had|be|been|in|on|at|of|for|to|with|by|from|take|took"
             r"|happen|happened|please|it|they|he|she|the|a|an|there|we|you|i)\b)")
# What the question calls the topic by: "this meeting" ("this cooperation deal was"), a bare
# "this"/"that" last, a pronoun (not the "it" of "is it correct that").
_DEMONSTRATIVE = re.compile(rf"\b(?:(?i:this|that|these|those)\s+{_NOT_NOUN}[a-z]+(?:\s+{_NOT_NOUN}[a-z]+"
                            r"(?=\s+(?:was|were|is|are|take|took|happen|happened)\b))?"
                            r"|(?i:this|that)(?=\s*[?,.!]|\s*$))")
_PRONOUN = re.compile(r"\b(?:(?P<owner>(?i:his|her|its|their))\s+(?P<noun>[a-z]+)|(?P<person>(?i:he|she|him))"
                      r"|(?i:it|they|them)(?!\s+(?:correct|true|right|so|the case|possible)\b))\b")
# The person a topic names first ("Mr. Ryabkov comments in ...", "US Secretary of State John Kerry").
_PERSON_FIRST = re.compile(r"^(?:the\s+)?(?P<name>(?:[A-Z][\w.'’-]*\s+(?:of\s+(?:the\s+)?)?){0,6}?[A-Z][\w'’-]+)"
                           r"(?=\s+(?!of\b)[a-z]|\s*$)")


def about_first(question: str) -> str:
    """The question with a topic said before it ("About X, could you tell me the date of this
    meeting please?") asked about the topic ("Could you tell me the date of X please?"); others
    as typed."""
    m = _ABOUT_FIRST.match(question)
    if m is None or "?" not in m.group("asked"):
        return question
    topic, asked = m.group("topic").strip(), m.group("asked").strip()
    # ("Regarding King of Jordan with whom Putin discussed ..., his name?": the whole description.)
    named = None if re.search(r"\b(?:who|whom|which|that)\b", topic) else _PERSON_FIRST.match(topic)
    person = named.group("name") if named else _the(topic)
    # "... where was President Putin when he gave this interview?": "this interview" first.
    if found := _DEMONSTRATIVE.search(asked):
        new = _the(topic)
    elif found := _PRONOUN.search(asked):
        # ("About Defense Minister Shoigu, ... what did he say was their answer?": "he", first.)
        owner = (found.group("owner") or "").lower()
        if found.group("noun"):
            new = f"the {found.group('noun')} of {person if owner in ('his', 'her') else _the(topic)}"
        else:
            new = person if found.group("person") else _the(topic)
    elif re.search(r"\b(?:say|says|said|think|thinks|thought|claim|claims|claimed|asserted|stated|argued)\b", asked,
                   re.IGNORECASE):
        # ("Regarding the air campaign, who asserted that ...?", "On the subject of refugees, what
        # thinks Putin?": his words, found by what the topic names.)
        return question
    else:
        # "Regarding Russian strikes on targets identified by the FSA, how many strikes exactly were
        # conducted? I would like to know."
        at = asked.index("?")
        asked, new = f"{asked[:at].rstrip(' .,')}, regarding {topic}{asked[at:]}", ""
    if found:
        asked = f"{asked[:found.start()]}{new}{asked[found.end():]}"
    return f"{asked[:1].upper()}{asked[1:]}"


# An elderly reader's guesses after the question ("Who said ...? Peskov, was it, the Kremlin man? Or
# was it somebody higher up?", "... give his remarks to? TASS, was it?", "Was that one of the
# American officials, or who?") and at its end ("Who said that, was it one of the officials or
# just somebody writing in?"): what he doubts is no part of what is asked.
_GUESS_AFTER = re.compile(r"^\W*(?:or\s+)?(?:[^?,]{1,40},\s*)?(?:was|is|were|wasn['’]t|isn['’]t)\s+(?:it|that|he|she"
                          r"|they)\b[^?]{0,80}\?\s*$", re.IGNORECASE)
_GUESS_TAIL = re.compile(r",\s*(?:was|is|were)\s+(?:it|that|he|she)\s+[^?,]{1,60}?,?\s+or\s+[^?]{1,60}\?\s*$", re.IGNORECASE)


def unguessed(question: str) -> str:
    """The question without the guesses said after it (`_GUESS_AFTER`, `_GUESS_TAIL`), and
    without the check of a premise asked before it (`_IF_SO`)."""
    parts = [p.strip() for p in re.findall(r"[^?]+\?", question)]
    if len(parts) >= 2 and _WH_WORD.search(parts[0]) and all(_GUESS_AFTER.match(p) for p in parts[1:]):
        question = parts[0]
    if _WH_WORD.search(question[:question.rfind(",") + 1]):
        question = _GUESS_TAIL.sub("?", question)
    if m := _IF_SO.match(question):
        # "Is it the case that Ryabkov said X? If so, what exactly did he say about Y?": what he
        # said about Y (a premise he did not state leaves nothing of his to quote, as asked).
        asked = re.sub(r"\b(?:he|she)\b", m.group("who"), m.group("asked"), count=1)
        question = f"{asked[:1].upper()}{asked[1:]}"
    return question


# A deposition's "Is it the case that X said ...? If so, what exactly did he say about ...?".
_IF_SO = re.compile(rf"^\W*(?:is it (?:the case|true|correct|so) that|did|does|has|had)\s+{_WHO}\s+[^?]{{3,300}}\?\s+"
                    rf"if so,?\s+(?P<asked>{_WH}\b[^?]*\b(?:he|she)\b[^?]*\?)\s*$", re.IGNORECASE)


def unchallenged(question: str) -> str:
    """The question a challenge wraps, after what the challenge names before its doubt ("Berg
    closed the pier, surely? Which day was it?" -> "Berg closed the pier. Which day was it?"), or
    with its "it" read as the news item the challenge is about ("The page doesn't carry a date,
    does it? When was it posted?" -> "When was the page posted?"); the question as typed when
    it is no challenge."""
    question = unguessed(question)
    if m := _INSTRUCTION_LAST.match(question):
        question = m.group("question")  # ("... ? Quote the words that identify the claim.")
    parts = [p.strip() for p in re.findall(r"[^?]+\?", question)]
    dashed = len(parts) == 2 and _DASH.search(parts[0]) is not None
    if len(parts) == 2 and _WH_QUESTION.match(parts[1]) and not _WHO_SAID_IT.match(parts[1]) and (
            dashed or _TAG.search(parts[0]) or _DOUBTING.search(parts[0])):
        context = _DASH.split(parts[0])[0] if dashed else _TAG.sub("", parts[0])
        context = _DOUBTING.sub("", context).strip(" ,?")
        if (item := _ITEM_FIRST.match(context)) and re.search(r"\bit\b", parts[1]):
            # "The EU Times page isn't dated, is it? When was it posted?": "it" is the page.
            return re.sub(r"\bit\b", item.group("item")[:1].lower() + item.group("item")[1:], parts[1], count=1)
        return f"{context[:1].upper()}{context[1:]}. {parts[1]}" if len(context.split()) >= 3 else parts[1]
    if len(parts) == 1 and (m := IS_IT_TRUE.match(parts[0])) and (then := _AND_WH.search(parts[0], m.end())):
        # "Is it true that Putin talked by telephone with Obama ..., and when was this call?": the
        # value the second question asks for, of what the first one says.
        # ("..., and why?": why what it says.)
        joint = " that " if then.group("rest").strip() else " "
        return f"{then.group('wh').capitalize()}{then.group('rest').rstrip()}{joint}{parts[0][m.end():then.start()]}?"
    if len(parts) == 1 and (m := _RULED_OUT_FIRST.match(parts[0])) and _WH_QUESTION.match(m.group("question")):
        asked = m.group("question")
        return f"{asked[:1].upper()}{asked[1:]}"
    if len(parts) == 1 and _WH_QUESTION.match(parts[0]) and (m := _GUESS_LAST.match(parts[0])):
        return f"{m.group('question').strip()}?"
    return question


def topic_first(question: str) -> str:
    """The question with a topic said before the question about it ("X, when was it reached?")
    asked as one ("When was X reached?"); others as typed."""
    # ("'Senior Syrian and Iranian officials' who called ...": a quoted description, then what it did.)
    question = re.sub(r"^(\W*?)['‘\"“]([^'’\"”]{3,120})['’\"”](?=\s+(?:who|which|that|whom)\b)", r"\1\2", question)
    if m := _SOMEONE_SAID.match(question):
        return f"Who {m.group('said')}?"
    if m := _FRAMED_CLAIM.match(question):
        # "Meme quote: people flee not from Assad regime but from Islamic State. Who said this
        # originally?", "Screenshot going around says ISIS is ... . Who wrote this - official or
        # someone else?": who said the claim, whatever carried it.
        claim = m.group("claim")
        if claim.split()[0].lower() in ("the", "a", "an", "people", "this", "that", "there", "it", "they", "he", "she"):
            claim = claim[:1].lower() + claim[1:]
        return f"Who {m.group('verb').lower()} {claim}?"
    if m := _TOLD_ONE.match(question):
        # "Ryabkov talked to one news agency about the US goals. Which agency was it?": whom he told.
        return f"Which {m.group('kind')} did {m.group('who')} {_TOLD[m.group('verb').lower()]}{m.group('rest')}?"
    if m := _VIRAL.match(question):
        # "Tweet going round: '<quote>' Correct speaker?", "Screenshot credits Putin with: '<quote>'
        # Correct speaker?", "Headline going viral: '<quote>'. Which outlet?": who said it, or who
        # published it, whoever the caption names.
        quoted = m.group("quoted").strip().rstrip(".")
        return f"Which outlet published “{quoted}”?" if m.group("outlet") else f"Who said “{quoted}”?"
    if m := _QUOTED_FIRST.match(question):
        # "'creates a strange impression' - whose words are these?": who said them; "'the Baghdad
        # information-sharing center' - where is this facility?": where it is.
        quoted, rest = m.group("quoted").strip(), m.group("rest").strip()
        if whose := _WHOSE_WORDS.match(rest):
            return f"Who said “{quoted}”{whose.group('where') or ''}?"
        if this := _THIS_THING.search(rest):
            asked = f"{rest[:this.start()]}{quoted}{rest[this.end():]}"
            return asked[:1].upper() + asked[1:]
    if m := _WHICH_ONE_SAID_LAST.match(question):
        # "Russian military said they welcome ..., who is the officer said this?": the one person
        # asked for, who said the claim (not the body the claim names as its speaker).
        claim = m.group("claim").strip()
        if claim.split()[0].lower() in ("the", "a", "an", "this", "that", "these", "those"):
            claim = claim[:1].lower() + claim[1:]
        return f"{m.group('who').capitalize()} who said that {claim}?"
    if m := _OF_IT_LAST.match(question):
        # "Moscow Times article about Shoigu, what is publish date of it?", "the official who asked
        # 'why ...', what is his name?": the value of the topic.
        topic = m.group("topic").strip()
        what = m.group("what") or m.group("own")
        return f"{m.group('wh').capitalize()} {m.group('be').lower()} the {what} of {_the(topic)}?"
    if m := _WHICH_ONE_LAST.match(question):
        # "That memorandum Putin says is as far as cooperation has got - which one exactly?"
        return f"Which {m.group('noun')} is it that {m.group('clause')}?"
    if m := _ASKED_THEN_ANSWER.match(question):
        # "Shoigu says Russia asked the Yanks where the opposition was. What was their answer, per him?"
        said = f"{m.group('be')} {m.group('what')}" if m.group("be") else "they replied"
        return f"When {m.group('scene')}, what did {m.group('who')} say {said}?"
    m = _TOPIC_FIRST.match(question)
    if m is None:
        return question
    topic = m.group("topic").strip()
    if topic[1:2].islower():
        topic = topic[0].lower() + topic[1:]  # (its article, no longer first; not "RT")
    asked = " ".join(x for x in (m.group("wh").capitalize(), (m.group("aux") or m.group("aux2")).lower(), topic,
                                 (m.group("rest") or "").strip()) if x)
    return f"{asked}?"


# ("Who was that" is left: "... with the American president who was that" asks for the
# president, whom the topic names.)
# A noun phrase, opened by its article: not a clause ("Mekdad said Russia beat ..., in how many
# days was it?", whose "it" is no thing it names).
# ("Those 60 ISIS training camps which Pentagon not hitting, where are they located?": a relative
# clause after its noun is part of the phrase.)
_TOPIC_FIRST = re.compile(r"^\W*(?P<topic>(?:the|a|an|this|that|these|those)\s"
                          r"(?:(?!\b(?:said|says|told|tells|spoke|claimed|what|when|where|why|how)\b)[^,?;:]){8,160}?"
                          # (A learner's, with no article, set off by its comma: "RT tweet of the combat
                          # report, when it was posted?")
                          r"|(?!(?:in|on|at|for|from|to|with|about|according|per|as|if|when|while|after|before)\b)"
                          r"(?:(?!\b(?:said|says|told|tells|spoke|claimed|what|when|where|which|who|why|how)\b)"
                          r"(?:\([^()?]*\)|[^,?;:(])){8,160}?(?=\s*,))"
                          r"\s*[,;:–—-]?\s+(?P<wh>when|where(?: exactly| precisely)?|why|on (?:what|which) (?:day|date)"
                          r"|in (?:what|which)(?: [a-z]+){1,3}?|how (?:many|much|long)(?: [a-z]+)?)\s+"
                          r"(?:(?P<aux>was|were|is|are|did|does|do|has|have|had)\s+(?:it|they|that|this)"
                          r"|(?:it|they|that|this)\s+(?P<aux2>was|were|is|are|did|does|has|have|had))\b"
                          r"(?P<rest>[^?]*?)\s*\?*\s*$", re.IGNORECASE)

# A thing described first, then which one of its kind it is.
_WHICH_ONE_LAST = re.compile(r"^\W*(?:the|that|this)\s+(?P<noun>[a-z]+)\s+(?P<clause>[^?]{8,160}?)\s*[-–—,:]+\s*which one"
                             r"(?:\s+(?:exactly|precisely|is it|was it|is that|was that))*\s*\?*\s*$", re.IGNORECASE)
# What someone says was asked, then what he says the answer was.
_ASKED_THEN_ANSWER = re.compile(r"^\W*(?P<who>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2})\s+(?:says|said|claims"
                                r"|claimed)\s+(?P<scene>[^.?!]{0,100}?\basked\b[^.?!]{4,160}?)[.!]\s+what\s+(?:(?P<be>was|were|is)"
                                r"\s+(?P<what>(?:their|his|her|its|the)\s+(?:answer|reply|response))\s*,?\s*"
                                r"(?:per|according to)\s+(?:him|her)"
                                # ("... . What did he say the Americans answered?")
                                r"|did (?:he|she) say (?:they|the [\w\s]{1,30}?) (?:answered|replied|responded|said))\W*$",
                                re.IGNORECASE)
# A verification editor's viral quote, then whose it is.
_VIRAL = re.compile(r"^[^'‘\"“?]{0,160}?['‘\"“](?P<quoted>[^\"“”?]{8,300}?)['’\"”]"
                    # ("Half my team pins the '...' line on Ryabkov. Was it actually him, or ...?")
                    r"(?:\s+(?:line|quote|remark|words?|claim)\s+on"
                    r"\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2}"
                    r"(?=[.!]\s+(?:was|is)\s+(?:it|that|this)\b))?"
                    r"[.!]?\s*[.!]?\s*"
                    r"(?:(?P<outlet>(?:which|what) (?:outlet|site|newspaper|publication|source)"
                    r"(?: (?:is (?:it|that|this)|ran (?:it|this|that)|published (?:it|this|that)|carried (?:it|this|that)))?"
                    r"|outlet|source)"
                    r"|(?:(?:the )?(?:correct|right|real|actual|true) )?speaker|who said (?:it|this|that)(?: really)?"
                    r"|who (?:is|was) (?:that|this|it)|which official (?:is|was) (?:that|this|it)"
                    r"|whose (?:words|quote|line) (?:is|are) (?:that|this|these|those)"
                    r"|(?:was|is) (?:it|that|this) (?:(?:actually|really|in fact) )?"
                    r"(?:him|her|them|(?-i:[A-Z])[\w'’.-]*)(?:,? or [^?]{2,80})?)\W*$", re.IGNORECASE)
# "Somebody boasted that Russia got more done .... Was that a Russian official or someone from
# Damascus? Name, please.", "Someone called X a 'ruse'. Who is that attributed to?": who said it,
# whoever the asker guesses.
_SOMEONE_SAID = re.compile(r"^\W*(?:(?:under|below|beneath|in|on) (?:the |a )?[\w'’ -]{1,30}?,?\s+"
                           # (And where: "Under the blog post somebody writes that ...")
                           r"(?=some(?:one|body)\b))?(?:somebody|someone|some official|an official|a source"
                           # ("Someone from the American side said ...", "There was a spokesman who said ...")
                           r"|(?:some(?:one|body)|an? (?:official|spokes(?:man|woman|person)|person|minister|diplomat))"
                           r" (?:from|on|of|at|in) (?:the )?[\w'’ -]{1,30}?"
                           r"|there (?:was|is) (?:a|an|one|some) [\w'’ -]{1,30}? who)\s+(?P<said>(?:[a-z]+ed|said"
                           # (A sub-editor's "Someone says they asked ... . Who is speaking here?")
                           r"|told|wrote|spoke|made|put|says|writes|claims|argues|insists|tells|states|complains)\b"
                           r"[^.?!]{10,300}?)[.!]"
                           r"\s+(?:(?:was|is)\s+(?:that|it|this)|who|(?:to\s+)?whom)\b"
                           r"[^?]*\?(?:\s*[^?]{0,40}[.?!])?\s*$", re.IGNORECASE)
_FRAMED_CLAIM = re.compile(r"^\W*(?:(?:a|the|this|that)\s+)?(?:meme|tweet|post|screenshot|caption|clip|headline|quote"
                           r"|viral (?:quote|post|line))(?:\s+quote)?(?:\s+(?:going around|circulating|online|doing the rounds))?"
                           r"(?:\s+says)?\s*[:,–—-]?\s+(?P<claim>[^?\"“”]{10,300}?)[.!]\s+who\s+(?P<verb>said|wrote|says|writes)"
                           r"\s+(?:this|that|it)\b(?:\s+(?:originally|first|really|actually|in (?:the )?text))*"
                           r"(?:\s*[-–—,]\s*[^?]{0,60})?\?\s*$", re.IGNORECASE)
_TOLD_ONE = re.compile(rf"^\W*(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}})\s+(?P<verb>(?i:{'|'.join(_TOLD)}))"
                       rf"\s+(?:one|a|an|some|a particular|a certain)\s+(?P<kind>(?:[\w-]+\s+)?(?i:{_KINDS}))"
                       rf"(?P<rest>\s+(?:about|on|regarding)\s+[^.?!]+)?"
                       rf"[.!]\s+(?:which|what)(?:\s+(?:[\w-]+\s+)?(?i:{_KINDS}|one)\s+(?:was|is)\s+(?:it|that|this)|\s+one)"
                       r"\W*$", re.IGNORECASE)
# A translator's quoted phrase first, then the question about it.
# (A subtitler's "Line: "..." -- who said it?")
_QUOTED_FIRST = re.compile(r"^\W*?(?:(?i:line|quote|clip|caption|text|fragment)\s*:\s*)?['‘\"“](?P<quoted>[^'’\"”]{3,200})['’\"”]\s*(?:[-–—:,]|\s-+)\s*(?P<rest>[^?]+\??)\s*$")
_WHOSE_WORDS = re.compile(r"^\W*(?:whose (?:words|phrase|quote|line|expression|remark)s? (?:are|is) (?:these|this|that"
                          r"|those|they|it)|who (?:said|says|wrote|used|uses) (?:these|this|that|those|it)"
                          r"(?: (?:words|phrase|expression|line|quote))?)(?P<where>(?:,? (?:in|per|according to) [^?]+)?)"
                          r"\W*$", re.IGNORECASE)
_THIS_THING = re.compile(r"\b(?:this|that|the same) (?:facility|place|centre|center|body|group|organi[sz]ation|document"
                         r"|deal|agreement|memorandum|event|meeting|interview|report|offensive|operation|coalition"
                         r"|proposal|term|phrase|expression)\b", re.IGNORECASE)
# "<claim>, who is the officer said this?": a learner's "who is the <noun> (that) said this".
_WHICH_ONE_SAID_LAST = re.compile(r"^\W*(?P<claim>[^?]{10,400}?)\s*[,;:–—-]\s*(?P<who>who\s+(?:is|was)\s+the\s+"
                                  r"(?:[\w'’-]+\s+){0,2}?(?:officer|official|spokes(?:wo)?man|spokesperson|person|man"
                                  r"|woman|general|commander|minister|diplomat|representative))\s+(?:that\s+|who\s+)?"
                                  r"(?:said|says|made|claimed|stated)\s+(?:it|this|that)\s*\?*\s*$", re.IGNORECASE)

# "X, what is publish date of it?", "the official who asked ..., what is his name?"
_OF_IT_LAST = re.compile(r"^\W*(?P<topic>(?!(?:in|on|at|for|from|to|with|about|according|per|as|if|when|while|after"
                         r"|before|what|when|where|which|who|why|how)\b)[^,?]{8,200}?)\s*(?:,|\s[-–—]+)\s*"
                         r"(?P<wh>what|which)\s+"
                         r"(?P<be>is|was|are|were)\s+(?:(?:the\s+)?(?P<what>(?:[\w-]+\s+){0,2}?(?:date|day|name|number"
                         r"|author|reporter|title|source|location))\s+of\s+(?:it|them|this|that)"
                         # ("'Senior Syrian and Iranian officials' who ... - what are their names?")
                         r"|(?:his|her|their|its)\s+(?P<own>(?:full\s+)?names?|titles?|jobs?|roles?))\s*\?*\s*$",
                         re.IGNORECASE)


def _wh_first(wh: str, rest: str, what: str) -> str | None:
    """"Shoigu TV interview: which day" as "Which day was the Shoigu TV interview", "Putin's
    interview: where held" as "Where was Putin's interview held", "Corridors a ruse: who said"
    as "Who said corridors a ruse", "Ryabkov: why offer the review" as "Why did Ryabkov offer
    the review"; None for others ("Corridors: why?")."""
    # ("Lavrov on the coalition - what did he say?" is a question already: his words on it.)
    if wh in ("which", "what") and rest and not re.match(r"\s*(?:did|does|do|has|have|had|is|was|are|were)\b", rest):
        return f"{wh.capitalize()} {rest} was {_the(what)}"
    if wh in ("when", "where"):
        return " ".join(f"{wh.capitalize()} was {_the(what)} {rest}".split())
    if wh == "who" and rest:
        return f"Who {rest} {what[0].lower() + what[1:] if not what.split()[0][1:2].isupper() else what}"
    if wh == "why" and rest and len(what.split()) <= 3 and what[:1].isupper():
        return f"Why did {what} {rest}"
    return None


def _the(phrase: str) -> str:
    """A noun phrase with the article a note leaves out ("EU Times post" -> "the EU Times post");
    none before a name's possessive ("Putin's interview") or where it has one."""
    phrase = phrase.strip()
    first = phrase.split()[0] if phrase else ""
    if not first or first.lower() in ("the", "a", "an", "this", "that", "his", "her", "its", "their") or re.search(
            r"['’]s$", first) or (len(phrase.split()) == 1 and first[:1].isupper()):
        return phrase
    return f"the {phrase}"


# A developer's templated queries: "Entity: X. Attribute: date deal reached?", "Field: location;
# Subject: X", "Q(who): said ...", "count(sorties) in the RT combat report?", "What is the [date]
# of [X]?", "... ? [reason] thx". Slots and labels are no words of the question.
_TEMPLATE = re.compile(r"^\W*(?:entity|subject|topic|item)\s*:\s*(?P<subject>[^;|]+?)\s*[.;|]\s*(?:attribute|field|slot"
                       r"|property)\s*:\s*(?P<slot>[^?]+?)\s*\?*\s*$"
                       r"|^\W*(?:attribute|field|slot|property)\s*:\s*(?P<slot2>[^.;|]+?)\s*[.;|]\s*(?:entity|subject|topic"
                       r"|item)\s*:\s*(?P<subject2>[^?]+?)\s*\?*\s*$", re.IGNORECASE)
_Q_SLOT = re.compile(r"^\W*Q\s*\(\s*(?P<wh>who|whom|when|where|why|which|what|how many|how much|how long|said|quote)"
                     r"(?:\s+(?P<noun>[a-z][\w -]{1,30}?))?\s*\)\s*:\s*(?P<rest>[^?]+?)\s*\?*\s*$", re.IGNORECASE)
# "count(sorties) in the RT report?", "date(Guardian report on Aleppo)?": a slot called like a function.
_CALL = re.compile(r"^\W*(?P<slot>count|number|date|day|when|where|location|place|who|person|name|reason|why|purpose"
                   r"|quote|said|duration)\s*\(\s*(?P<noun>[^()]{2,120}?)\s*\)\s*(?P<rest>[^?]*?)\s*\?*\s*$",
                   re.IGNORECASE)
_SLOT_HINT = re.compile(r"(?<=\?)\s*\[[^\]\[]{1,40}\]\s*(?:thx|thanks|ty|pls|please)?\W*$", re.IGNORECASE)
_BRACKETED = re.compile(r"\[([^\]\[]{1,120})\]")
_MEMO_TAG = re.compile(r"^\s*" + MEMO_BULLET + r"\[[^\]]{1,60}\]")
# "Shoigu on the Free Syrian Army", "Putin describing the reaction of US partners": whose words on what.
_WORDS_ON = re.compile(r"^(?:the\s+)?(?P<who>(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2})\s+(?:on|about|re"
                       r"|regarding|describing|discussing|speaking (?:on|about)|commenting on)\s+(?P<topic>.+)$")
# "Putin answered questions ...": a subject and what it did.
_DONE = re.compile(r"^(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}\s+[a-z]+ed\b")
_PERSON_SLOTS = frozenset("""interviewer reporter author journalist writer commander official spokesman spokesperson
president minister speaker head chief leader""".split())
_ASKED_BY_VERB = re.compile(r"^(?:said|says|told|claimed|called|accused|wrote|stated|argued|warned|gave|made|asked"
                            r"|denied|described|shared|[a-z]+ed)\b")


def templated(question: str) -> str:
    """A templated query as the question it stands for ("Entity: the Baghdad center. Attribute:
    location?" -> "Where was the Baghdad center?", "Q(who): said the fees doubled" -> "Who said
    the fees doubled?", "count(sorties) in the report?" -> "How many sorties in the report?",
    "What is the [date] of [the post]?" -> "What is the date of the post?"); others as typed."""
    # (A memo line's topic tag first, "Q: [Ryabkov remarks] What date ...?", is `truecase`'s to drop.)
    tag = _MEMO_TAG.match(question)
    at = tag.end() if tag else 0
    question = question[:at] + _BRACKETED.sub(r"\1", _SLOT_HINT.sub("", question[at:]))
    if m := _TEMPLATE.match(question):
        return _slot_asked((m.group("slot") or m.group("slot2")).strip(),
                           (m.group("subject") or m.group("subject2")).strip(" ."))
    if m := _Q_SLOT.match(question):
        wh, rest = m.group("wh").lower(), m.group("rest").strip(" .")
        if wh in ("said", "quote"):
            return _words_asked(rest) or f"What was said about {rest}?"
        if m.group("noun"):  # "Q(which channel): Lavrov TV interview on the coalition"
            return f"{wh.capitalize()} {m.group('noun')} for {_the(rest)}?"
        if wh in ("who", "whom"):
            return f"Who {rest}?" if _ASKED_BY_VERB.match(rest) else f"Who is {_the(rest)}?"
        if wh in ("when", "where"):
            # ("Q(when): Putin answered questions from journalists": when he did.)
            return f"{wh.capitalize()} {rest}?" if _DONE.match(rest) else f"{wh.capitalize()} was {_the(rest)}?"
        return f"{m.group('wh').capitalize()} {rest}?"
    if m := _CALL.match(question):
        if m.group("slot").lower() in ("count", "number"):
            return " ".join(f"How many {m.group('noun')} {m.group('rest')}".split()) + "?"
        return _slot_asked(m.group("slot"), " ".join(f"{m.group('noun')} {m.group('rest')}".split()))
    return question


def _words_asked(subject: str) -> str | None:
    """"Shoigu on the Free Syrian Army" as "What did Shoigu say about the Free Syrian Army?"."""
    m = _WORDS_ON.match(subject)
    return f"What did {m.group('who')} say about {m.group('topic')}?" if m else None


def _slot_asked(slot: str, subject: str) -> str:
    """The question a template's slot ("date deal reached", "location / countries", "reason",
    "name", "number of terror sites targeted") asks of its subject."""
    words = slot.lower().replace("_", " ").split()
    head, rest = (words[0] if words else ""), " ".join(words[1:])
    subject_the = _the(subject)
    if " ".join(words[:2]) in ("day of", "weekday") or head == "weekday":
        return f"What day of the week was {subject_the}?"
    if head in ("date", "day", "when"):
        return f"On what date was {subject_the} {rest}?" if rest else f"When was {subject_the}?"
    if rest in ("date", "day") and head in ("start", "end", "beginning", "launch"):  # "start date"
        return f"When did {subject_the} {'start' if head in ('start', 'beginning', 'launch') else 'end'}?"
    if head in ("number", "count", "total", "tally", "how"):
        return f"What was the {' '.join(words)} in {subject_the}?" if rest.startswith("of ") else f"How many {subject}?"
    if head in ("duration", "length", "period"):
        return f"How long {subject}?"
    if head in ("location", "place", "where", "site", "venue", "city", "country", "countries"):
        return f"Where was {subject_the}?"
    if head in ("reason", "why", "motive", "cause"):
        return f"What is the reason for {subject_the}?"
    if head in ("purpose", "aim", "goal"):
        return f"What was the purpose of {subject_the}?"
    if head in ("name", "person", "who", "identity", "speaker") and not rest.startswith("of "):
        return f"Who is {subject_the}?"
    if head in ("quote", "said", "statement", "words", "remarks", "position", "view"):
        return _words_asked(subject) or f"What was said about {subject_the}?"
    if head in ("which", "what"):
        # ("Entity: Shoigu. Attribute: what US said when asked ...": what Shoigu says of it.)
        if re.fullmatch(r"(?:(?-i:[A-Z])[\w.'’-]*\s*){1,3}", subject):
            return f"According to {subject}, {slot}?"
        return f"{slot[:1].upper()}{slot[1:]} for {subject_the}?"
    if len(words) == 2 and words[1] == "name":  # "document_name", "interviewer name"
        return (f"Who is the {head} of {subject_the}?" if head in _PERSON_SLOTS
                else f"Which {head} is {subject_the}?")
    return f"What is the {slot.replace('_', ' ')} of {subject_the}?"


# A phone user's search-box keywords, no question mark: "russia us memorandum deal reached when",
# "putin fsa interview which news agencies", "pentagon isis camps off limits why", "lavrov what he
# said abt coalition ops", "kirby baghdad info center comment". The question word comes last or
# in the middle, so nothing asked for was read.
_KEYWORD_WH = re.compile(r"^(?P<what>[^?]{3,160}?)\s+(?P<wh>when|where|who|why|which|what|how many|how much|how long)"
                         r"(?P<rest>(?:\s+[\w'’-]+){0,6})\s*$", re.IGNORECASE)
# (Whose words: a capitalised name of one or two words, "John Kirby", else the first word.)
_KEYWORD_WHO = r"(?P<who>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?|[\w'’-]+)"
_KEYWORD_WORDS = re.compile(r"^" + _KEYWORD_WHO + r"\s+(?:(?:what\s+(?:(?:he|she|they)\s+)?said|quote|comment"
                            r"|comments|remarks|words)(?:\s+(?:about|on|re|regarding))?\s+(?P<topic>[^?]{3,120})"
                            r"|(?P<topic2>[^?]{3,120}?)\s+(?:what\s+(?:(?:he|she|they)\s+)?said|quote|comment|comments"
                            r"|remarks|(?:his|her) (?:assess?ment|view|take|words)))\s*$", re.IGNORECASE)
_KEYWORD_DESCRIBED = re.compile(r"^" + _KEYWORD_WHO + r"\s+how\s+(?:he|she|they)\s+(?:described|called"
                                r"|characteri[sz]ed)\s+(?P<topic>[^?]{3,120})$", re.IGNORECASE)


def keywords(question: str) -> str:
    """Search-box keywords (`_KEYWORD_WH`) as the question they stand for ("When was the russia
    us memorandum deal reached?", "Which news agencies was the putin fsa interview?", "Why
    pentagon isis camps off limits?", "What did lavrov say about coalition ops?"); a query with
    a question mark, a sentence's stop or its question word first, as typed."""
    text = question.strip()
    if not text or "?" in text or re.search(r"[.!;:,]|\s[-–—]+\s", text) or len(text.split()) > 16 or re.match(
            r"(?:what|whats|when|where|which|who|whom|whose|why|how|do|does|did|is|are|was|were|has|have|had"
            r"|can|could|will|would|should|tell|name|list|give|show|find|explain|describe|according)\b",
            text, re.IGNORECASE):
        return question
    if m := _KEYWORD_DESCRIBED.match(text):
        return f"How did {m.group('who')} describe {m.group('topic')}?"
    if (m := _KEYWORD_WORDS.match(text)) and not re.search(r"\b(?:when|where|who|why|which|how)\b", text, re.IGNORECASE):
        return f"What did {m.group('who')} say about {m.group('topic') or m.group('topic2')}?"
    m = _KEYWORD_WH.match(text)
    if m is None and (day := re.fullmatch(r"(?P<what>.{3,120}?)\s+(?:what\s+)?(?:day|weekday)", text, re.IGNORECASE)):
        return f"What day was {_the(day.group('what'))}?"  # ("syrian army major offensive announced day")
    if m is None:
        return f"{text}?" if len(text.split()) <= 10 else question  # ("russian airbase syria location": a note)
    what, wh, rest = m.group("what").strip(), m.group("wh").lower(), m.group("rest").strip()
    # A question word inside a clause ("putin said assad agrees to what kind of elections", "putin
    # says russia helped when its operation started where", "the offensive was announced on which
    # day") asks where it stands, as typed.
    if _WH_WORD.search(what) or re.search(r"\b(?:said|says|say|told|tells)\b|\s(?:of|in|on|at|to|from|for|with|by"
                                         r"|about)$", what, re.IGNORECASE):
        return question
    if wh in ("how many", "how much", "how long"):
        return f"{wh.capitalize()} {rest} {what}?".replace("  ", " ")
    if wh == "why":
        if not rest:
            return f"Why {what}?"
        # ("shoigu why slams us label": why he does it; "putin why people fleeing syria": why, as he says.)
        if len(what.split()) == 1 and re.match(r"[a-z]+s\b", rest):
            return f"Why {what} {rest}?"
        return f"Why {rest}, according to {what}?" if len(what.split()) <= 2 else f"Why {rest} {what}?"
    if wh == "who":
        if rest and re.match(r"[a-z]+ed\b|said|told|gave|made|wrote", rest):
            return f"Who {rest}, {what}?"
        who = _the(re.sub(r"\s+name$", "", what))
        return f"Who is {who} {rest}".rstrip() + "?"
    if wh in ("when", "where"):
        return " ".join(f"{wh.capitalize()} was {_the(what)} {rest}".split()) + "?"
    if not rest:
        return question
    if re.search(r"\bit\b", rest):  # "baghdad info center which countries use it"
        return wh.capitalize() + " " + re.sub(r"\bit\b", _the(what), rest, count=1) + "?"
    return f"{wh.capitalize()} {rest} was {_the(what)}?"
