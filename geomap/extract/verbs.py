# ruff: noqa: E501  (lexicon tables: one phrase family per line reads better unwrapped)
"""What a sentence says happened at a place: the claim-type lexicon of war reporting.

Cues are phrases ("seized", "took control of", "battles for", "embattled", "strikes on") with a
claim type and an attachment direction: `obj` cues take the next place in the clause as their
object ("seized the town of X"), `subj` cues the place before them ("X fell", "X was
liberated"), `any` takes whichever is nearer. Modality markers then turn a factual claim into
an assessment ("likely", "would allow"), and irrealis markers ("to push", "towards capturing",
"whether ... had fallen") cancel a cue: goals and questions are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str
    attach: str  # obj | subj | any | obj0 (object must follow at once: "took Avdiivka")
    text: str
    weak: bool = False  # gerunds and results ("taking", "destroyed"): not enough in narration
    rule: str = ""  # the lexicon row's id (provenance: ClaimRecord.rules)


_W = r"(?:\w+\s+){0,2}?"  # up to two filler words ("took full control of")

# (type, attach, pattern, trigger words, weak): longer/more specific phrases first; spans never
# overlap. A row's regex only runs when one of its trigger words occurs in the lower-cased
# clause (the hot path); weak rows (gerunds, results) do not count in narration.
_LEXICON: list[tuple[str, str, str, str, bool]] = [
    # "X and Y were in areas under Russian attack": ground attacks on the places
    (
        "fighting",
        "subj",
        r"\b(?:is|are|was|were|remain(?:s|ed)?)\s+(?:still\s+)?(?:in\s+(?:an?\s+)?areas?\s+)?under\s+(?:(?:heavy|constant|repeated|daily)\s+)?(?:(?:Russian|Ukrainian|enemy)\s+)?(?:ground\s+)?(?:attack|assault)s?\b",
        "attack assault",
        False,
    ),
    # troops still in a place hold it: "our troops remain in the city", "units are still in X"
    (
        "holding",
        "obj",
        r"\b(?:troops|forces|units|soldiers|defenders|fighters|brigades?)\s+(?:(?:still|also)\s+)?(?:remain(?:s|ed)?|stay(?:s|ed)?|(?:are|were|is)\s+still)\s+(?:(?:in|inside)\s+|(?:present|deployed)\s+in\s+)(?:the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement)\s+of\s+)?",
        "remain stay still",
        False,
    ),
    # an attacker gone over to defence: "switched to active defence near X"
    (
        "holding",
        "obj",
        r"\b(?:switched|switching|switch|moved|went|gone|turned|shifted)\s+to\s+(?:an?\s+)?(?:active\s+|strategic\s+|positional\s+)?defen[cs]e\s+(?:near|around|in|at|on|outside)\s+",
        "defen",
        False,
    ),
    # a flag raised at a place's entrance marks an advance; over/in it, a capture
    (
        "advancing",
        "obj",
        r"\bflag\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:hoisted|raised|planted|put\s+up)\s+(?:at|on)\s+the\s+(?:entrance|outskirts|edge|approaches)\s+(?:to|of)\s+",
        "flag",
        False,
    ),
    (
        "captured",
        "obj",
        r"\bflag\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:hoisted|raised|planted|put\s+up)\s+(?:over|above|in|on)\s+(?:the\s+(?:centre|center|city\s+hall|administration\s+building)\s+(?:of|in)\s+)?",
        "flag",
        False,
    ),
    # partial control is an advance for either side: "controls about 70% of X", "now holds
    # half of X" (real reporting; a capture needs the whole place)
    (
        "advancing",
        "obj",
        r"\b(?:control(?:s|led|ling)?|holds?|held|holding|occup(?:y|ies|ied|ying))\s+(?:(?:about|around|nearly|almost|over|more\s+than|less\s+than|some|up\s+to|roughly|approximately|at\s+least)\s+)?(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|half|a\s+third|two[- ]thirds|a\s+quarter|three[- ]quarters)\s+of\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|settlement)\s+of\s+)?",
        "control hold held occup",
        False,
    ),
    # a place passing to a side's control: "were now under its control", "came under Russian
    # control"; "coming under enemy control" is still under way (an advance)
    (
        "advancing",
        "subj",
        r"\b(?:(?:is|are|was|were)\s+)?(?:gradually\s+|slowly\s+)?coming\s+under\s+(?:the\s+)?(?:enemy|Russian|Ukrainian|Moscow['’ ]s|Kyiv['’ ]s|its|their)\s+control\b",
        "control",
        False,
    ),
    (
        "captured",
        "subj",
        r"\b(?:(?:is|are|was|were)\s+now|(?:has|have|had)\s+(?:now\s+)?(?:come|passed)|came|passed)\s+under\s+(?:the\s+)?(?:full\s+|complete\s+)?(?:Russian|Ukrainian|Moscow['’ ]s|Kyiv['’ ]s|its|their|our)\s+control\b",
        "control",
        False,
    ),
    # "X is under the control of Ukraine's defence forces": held, in the defenders' words
    (
        "holding",
        "subj",
        r"\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+|firmly\s+|fully\s+)?under\s+the\s+(?:full\s+)?control\s+of\b",
        "control",
        False,
    ),
    # "X is not occupied", "had not been captured": a negated capture is a denial
    (
        "denied",
        "subj",
        r"\b(?:is|are|was|were|has|have|had)\s+(?:not|never)\s+(?:been\s+)?(?:\w+\s+)?(?:occupied|captured|taken|seized|surrounded|encircled|blockaded|lost)\b",
        "occupied captured taken seized surrounded encircled blockaded lost",
        False,
    ),
    # a modifier naming who holds the place: "the Ukrainian-held city of X", "Russian-held X"
    (
        "holding",
        "obj0",
        r"\b(?:Ukrainian|Russian|Kyiv|Moscow)-(?:held|controlled)\s+(?:(?:[\w-]+\s+){0,2}?(?:town|city|village|settlement|hub|port)\s+of\s+)?",
        "held controlled",
        False,
    ),
    # ground attacks counted by the defenders: "troops launched six attacks on X"; counted
    # attacks that kill or injure people are strikes
    (
        "fighting",
        "obj",
        r"\b(?:troops|forces|units|soldiers|infantry|enemy|army)\s+(?:had\s+|have\s+|has\s+)?(?:launched|carried\s+out|conducted|made)\s+(?:\d[\d,]*|[a-z]+|dozens\s+of)\s+(?:ground\s+)?(?:attacks|assaults)\s+(?:on|near|around|in|at)\s+(?:(?:areas?|positions|villages)\s+(?:near|around)\s+)?(?![^.;]*\b(?:injur|kill|wound|dead|casualt))",
        "launched carried conducted made",
        False,
    ),
    # "came under repeated Russian attacks around X": a place under ground assault
    (
        "fighting",
        "obj",
        r"\b(?:came|come|comes|coming)\s+under\s+(?:[\w-]+\s+){0,3}?(?:attacks?|assaults?|pressure)\s+(?:around|near|in|on|at)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|settlement)\s+of\s+)?",
        "attack assault pressure",
        False,
    ),
    # "troops circle in on X", "are zeroing in on X", "tightened the noose around X"
    (
        "advancing",
        "obj",
        r"\b(?:circl(?:e|es|ed|ing)\s+in\s+on|zero(?:es|ed|ing)?\s+in\s+on|tighten(?:s|ed|ing)?\s+(?:the\s+|their\s+|its\s+)?(?:noose|grip|ring|encirclement)\s+(?:around|on))\s+",
        "circl zero tighten",
        False,
    ),
    # "Russian forces are inside X", "troops were already in the centre of X"
    (
        "advancing",
        "obj",
        r"\b(?:forces|troops|units|soldiers|infantry|groups)\s+(?:are|were|had\s+been|have\s+been)\s+(?:now\s+|already\s+)?(?:inside|in\s+the\s+(?:centre|center|outskirts)\s+of)\s+(?:the\s+(?:[\w-]+\s+){0,4}?(?:town|city|village|settlement)\s+of\s+)?",
        "inside centre center outskirts",
        False,
    ),
    # "Russian troops have stepped up attacks on X": ground troops' attacks are an advance,
    # not a strike (drone/missile/artillery attacks and "launched 13 attacks" stay strikes)
    (
        "advancing",
        "obj",
        r"\b(?:troops|infantry|forces|units|soldiers|assault\s+groups)\s+(?:(?!(?:drones?|missiles?|air|aerial|artillery|rockets?|bombs?|strikes?|launched|fired|\d[\d,]*)\b)[\w-]+\s+){0,4}?(?:attacks?|assaults?)\s+(?:on|against)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village)\s+of\s+)?",
        "attack assault",
        False,
    ),
    # "sabotage groups crossed the border near X": a ground incursion
    (
        "advancing",
        "obj",
        r"\b(?:groups|troops|forces|units|soldiers|infantry|columns)\s+(?:(?!(?:tried|try|tries|trying|attempted|attempts?|attempting|sought|seeking|failed|planned|plans?)\b)\w+\s+){0,3}?(?:crossed|crossing|cross)\s+(?:the\s+)?(?:state\s+)?(?:border|frontier|river)\s+(?:\w+\s+){0,2}?(?:near|into|at|around|in)\s+",
        "cross",
        False,
    ),
    # "residents of X had been told to leave": an evacuation order about X
    (
        "other",
        "subj",
        r"\b(?:had|have|has|were|was|are|is)\s+(?:been\s+)?(?:ordered|told|urged)\s+to\s+(?:leave|evacuate)\b",
        "leave evacuate",
        False,
    ),
    # "the evacuation of children from villages around X": civilians leaving, not troops
    (
        "other",
        "obj",
        r"\bevacuations?\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:from|in)\s+(?:(?:the\s+)?(?:[\w-]+\s+)?(?:villages?|towns?|settlements?|areas?|parts?|districts?)\s+(?:around|near|of|in)\s+)?",
        "evacuation",
        False,
    ),
    # civilians evacuated are no troop withdrawal
    (
        "other",
        "obj",
        r"\b(?:people|residents|civilians|children|families|inhabitants|patients)\b(?:\s+[\w,-]+){0,5}?\s+(?:(?:had|have|has|were|was|are|is|being)\s+(?:been\s+)?)?(?:evacuated|ordered\s+to\s+leave|told\s+to\s+leave|urged\s+to\s+leave)\b",
        "evacuated leave",
        False,
    ),
    (
        "advancing",
        "subj",
        r"\b(?:were|are|is|was|been|being)\s+(?:\w+\s+)?(?:semi-)?(?:surrounded|encircled|outflanked)\b",
        "surrounded encircled outflanked",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:have|has|had)\s+(?:\w+\s+)?(?:semi-)?(?:surrounded|encircled|outflanked)\b",
        "surrounded encircled outflanked",
        False,
    ),
    (
        "fighting",
        "obj",
        r"\b(?:fighting|battles?|battling|fight|clashes|struggle|combat|hostilities)\b(?:\s+(?!(?:for|over|in|around|near|on|along|inside|at)\b)\w+){0,3}?\s+(?:for(?:\s+control\s+of)?|over|in\s+and\s+around|around|near|in|on\s+the\s+outskirts\s+of|on|along|inside|at)\s+",
        "fight battl clash struggle combat hostilit",
        False,
    ),
    (
        "fighting",
        "obj",
        r"\b(?:assaults|ground\s+attacks|storming\s+attempts|attacks\s+by\s+(?:Russian|Ukrainian)\s+(?:troops|units|forces))\s+(?:\w+\s+)?(?:near|around|on|in|at|towards?)\s+",
        "assaults ground storming attacks",
        False,
    ),
    (
        "fighting",
        "obj",
        r"\b(?:offensive|assault|combat|ground)\s+(?:operations|actions|activity)\s+(?:[\w-]+\s+){0,5}?(?:near|around|in\s+the\s+(?:area|vicinity)\s+of)\s+",
        "operations actions activity",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:advanc(?:ed|es|ing|e)|push(?:ed|es|ing)|mov(?:ed|ing)|gain(?:ed|ing)\s+ground)\s+(?:\w+\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward)?\s+(?:of\s+)",
        "advanc push mov gain",
        False,
    ),
    # "made incremental gains west of X", "achieved some advances near X"
    (
        "advancing",
        "obj",
        r"\b(?:made|make|makes|making|achieved|secured|scored)\s+(?:[\w-]+\s+){0,2}?(?:gains?|advances?|progress)\s+(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|near|in|around|towards?|on|outside)\s+",
        "gain advance progress",
        False,
    ),
    # "the enemy tried to advance near X 12 times": attempts near a place are combat there
    (
        "fighting",
        "obj",
        r"\b(?:made|launched|conducted)\s+(?:\d[\d,]*\s+|several\s+|repeated\s+|numerous\s+)?(?:attempts?|efforts?)\s+to\s+(?:advance|attack|break\s+through|storm|assault)\s+(?:[\w'’-]+\s+){0,3}?(?:near|around|in|on|towards?)\s+(?:the\s+)?",
        "made launched conducted",
        False,
    ),
    (
        "fighting",
        "obj",
        r"\b(?:tried|attempted|tries|trying|attempting)\s+(?:\w+\s+)?to\s+(?:advance|attack|break\s+through|storm|assault|push\s+forward)\s+(?:(?:\d+|\w+)\s+times\s+|again\s+|repeatedly\s+)?(?:near|around|in\s+the\s+(?:area|vicinity)\s+of)\s+",
        "tried attempted tries trying attempting",
        False,
    ),
    (
        "fighting",
        "obj",
        r"\b(?:attack(?:ed|s)?|stormed|assaulted)\s+(?:(?:\d+|\w+)\s+times\s+|repeatedly\s+|again\s+|unsuccessfully\s+)?(?:near|around|in\s+the\s+(?:area|vicinity)\s+of)\s+",
        "attack stormed assaulted",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:counter-?attack(?:ed|ing|s)?|counter-?offensives?)\s+(?:\w+\s+)?(?:near|around|in|at|towards?|on)\s+",
        "counter",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:regained|regaining|regain|retook|recaptured|restored)\s+(?:(?:lost|some|several|their|its|former|the)\s+){0,2}(?:positions?|ground|territory|lines?)\s+(?:near|around|in|at|on|of)\s+",
        "regain retook recaptured restored",
        False,
    ),
    (
        "fighting",
        "subj",
        r"\b(?:(?:remains?|remained|is|are|was|were)\s+(?:still\s+)?(?:hotly\s+|fiercely\s+)?contested|(?:is|are|was|were|remains?)\s+(?:under\s+siege|encircled|surrounded))\b",
        "contested siege encircled surrounded",
        False,
    ),
    (
        "fighting",
        "obj",
        r"\b(?:embattled|besieged|contested|beleaguered|encircled|surrounded|battle-scarred)\b",
        "embattled besieged contested beleaguered encircled surrounded battle-scarred",
        False,
    ),
    (
        "withdrawn",
        "obj",
        r"\b(?:withdr[ae]w(?:n)?|withdrawing|retreat(?:ed|ing)?|pull(?:ed|ing)?\s+(?:out|back)|fell\s+back)\s+(?:\w+\s+){0,3}?(?:from|out\s+of)\s+",
        "withdr retreat pull fell back",
        False,
    ),
    (
        "withdrawn",
        "obj",
        r"\b(?:pull(?:ed|ing|s)?|withdr[ae]w(?:n|ing|s)?|brought|bring(?:ing)?)\s+(?:\w+\s+){1,3}?(?:out\s+of|back\s+from|out\s+from|from)\s+",
        "pull withdr brought bring",
        False,
    ),
    (
        "withdrawn",
        "obj0",
        r"\b(?:left|abandoned|exited|quit|ceded|lost(?!\s+(?:up\s+to|about|around|some|more\s+than|over|nearly|almost|as\s+many\s+as|at\s+least|\d)))\b",
        "left abandoned exited quit ceded lost",
        False,
    ),
    ("withdrawn", "obj", r"\bwithdrawal\s+(?:of\s+\w+\s+(?:\w+\s+)?)?from\s+", "withdrawal", False),
    (
        "withdrawn",
        "subj",
        r"\b(?:was|were|had\s+been|has\s+been)\s+(?:abandoned|evacuated)\b",
        "abandoned evacuated",
        False,
    ),
    (
        "captured",
        "subj",
        r"\b(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:captured|seized|liberated|taken|occupied|overrun)|(?:had|has|have)\s+(?:not\s+|never\s+|likely\s+|probably\s+|already\s+|now\s+|effectively\s+|almost\s+certainly\s+)?fallen|fell|falls)\b",
        "captured seized liberated taken occupied overrun fallen fell falls",
        False,
    ),
    (
        "captured",
        "obj",
        r"\b(?:took|taken|taking|take|gained|gain|established|establish|seized|seize|wrested|wrest|won|assumed|regained|regaining|regain|restored)\s+(?:\w+\s+){0,2}?control\s+(?:of|over)\s+(?:the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement)\s+of\s+)?",
        "control",
        False,
    ),
    (
        "captured",
        "obj",
        r"\b(?:had|has|have|having|gained|in)\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)\s+",
        "control",
        False,
    ),
    (
        "captured",
        "obj",
        r"\b(?:capture[sd]?|recapture[sd]?|seized?|seizes|overr(?:an|un)|liberated|liberates|retook|retaken|retake)\b",
        "captur seiz overr liberat retook retake",
        False,
    ),
    ("captured", "obj0", r"\b(?:took|taken|takes)\b", "took taken takes", False),
    (
        "captured",
        "obj",
        r"\b(?:taking|capturing|seizing|recapturing|retaking)\b",
        "taking capturing seizing recapturing retaking",
        True,
    ),
    (
        "captured",
        "obj",
        r"\b(?:capture|seizure|liberation|fall|occupation)\s+of\s+",
        "capture seizure liberation fall occupation",
        False,
    ),
    (
        "holding",
        "obj",
        r"\b(?:still\s+)?(?:holding|held|hold|holds|maintain|maintains|maintained|maintaining|retain|retains|retained)\s+(?:on\s+(?:to\s+)?|out\s+(?:in\s+)?|(?:\w+\s+){0,2}?(?:positions?|lines?|ground|defen[cs]es|parts?|areas?|sections?|districts?|pocket|territory|neighbou?rhoods?|streets?|blocks?|villages?|towns?|settlements?|bridgeheads?|footholds?|presence)\b(?:\s+(?:in|on|at|near|around|inside|of))?(?:\s+the\s+(?:area|vicinity)\s+of)?)",
        "hold held maintain retain",
        False,
    ),
    (
        "holding",
        "obj",
        r"\b(?:still|firmly|continue\s+to|continues\s+to)\s+(?:control|controls|controlled|hold|holds)\s+",
        "control hold",
        False,
    ),
    (
        "holding",
        "subj",
        r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:repelled|repulsed|beaten\s+back|fended\s+off|thwarted|driven\s+(?:back|off)|pushed\s+back|fought\s+off|(?:pushed|driven|forced|thrown)\s+out(?!\s+(?:of|from)\b))\b",
        "repelled repulsed beaten fended thwarted driven pushed fought",
        False,
    ),
    (
        "holding",
        "obj",
        r"\b(?:units|forces|troops|soldiers|defenders|army)\s+(?:still\s+|firmly\s+)?(?:control|controls|hold|holds)\s+",
        "control hold",
        False,
    ),
    (
        "holding",
        "obj",
        r"\b(?:defending|defended|defend|repelled|repelling|repulsed|repel)\b",
        "defend repel repuls",
        False,
    ),
    (
        "holding",
        "subj",
        r"\b(?:remains?|remained|is\s+still|was\s+still)\s+(?:firmly\s+)?(?:under\s+(?:Ukrainian|Russian|Kyiv['’ ]s|Moscow['’ ]s|its|their|our)\s+control|in\s+(?:Ukrainian|Russian)\s+hands)\b",
        "control hands",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:advanc(?:ed|es|ing|e)|push(?:ed|es|ing)?|mov(?:ed|ing)|clos(?:ed|ing)\s+in|edg(?:ed|ing)|inch(?:ed|ing)|gain(?:ed|ing)\s+ground|broke\s+through|breakthrough|slipp(?:ed|ing)|infiltrat(?:ed|ing)|crept|creeping|sneaked|snuck)\s+(?:\w+\s+){0,2}?(?:on|toward|towards|into|near|to\s+the\s+outskirts\s+of|closer\s+to|in)\s+",
        "advanc push mov clos edg inch gain broke breakthrough slipp infiltrat crept creeping sneaked snuck",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:offensive|assault|advance|push|incursion|foothold)\s+(?:on|towards?|into|against|in)\s+",
        "offensive assault advance push incursion foothold",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:pressure|pressing|pressed|press|bearing\s+down|bore\s+down|converging|closing\s+in)\s+(?:on|upon|towards?)\s+",
        "pressure press bearing bore converg closing",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:attack(?:ing|ed|s)?|assault(?:ing|ed|s)?|storm(?:ing|ed|s)?)\s+(?:on\s+)?(?:the\s+)?(?:[a-z-]+ern\s+)?(?:outskirts|positions|defen[cs]es|flanks?|approaches|edges?)\s+(?:of|in|near|around)\s+",
        "attack assault storm",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:cleared|clearing|mopped\s+up|mopping\s+up|drove|driven|driving|forced|pushed|pushing|beat|beaten|threw|thrown)\s+(?:\w+\s+){0,3}?(?:(?:back|out)\s+(?:from|of)\s+|in\s+|from\s+)",
        "clear mopp drove driven driving forced push beat threw thrown",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:advanc(?:ed|es|ing|e)|push(?:ed|es|ing)?|mov(?:ed|ing)|penetrat(?:ed|ing))\s+(?:(?:up\s+to|about|some|nearly|almost|around|more\s+than|over|as\s+far\s+as)\s+)?(?:\d[\d,.]*|a\s+few|several|[a-z]+)\s*(?:-\s*)?(?:kilometres|kilometers|km|miles|metres|meters)\s+(?:\([^()]{1,30}\)\s+)?(?:deep\s+)?(?:into|towards?|inside|in|near|on)\s+",
        "advanc push mov penetrat",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:advanc(?:ed|es|ing|e)|push(?:ed|es|ing)|mov(?:ed|ing))\s+(?:forward\s+)?(?:along|across|through|past|down|up)\s+(?:[\w-]+\s+){1,5}?(?:in|into|near|of|towards?|on)\s+(?:the\s+)?(?:[a-z-]+ern\s+)?",
        "advanc push mov",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:reach(?:ed|es|ing)?|entered|entering|enter)\s+(?:the\s+)?(?:[a-z-]+ern\s+)?(?:outskirts|edges?|approaches|centre|center|suburbs|limits|border)\s+(?:of\s+)?",
        "reach enter",
        False,
    ),
    (
        "assessment",
        "obj",
        r"\b(?:would|could|might|will|may)\s+(?:\w+\s+)?(?:open|clear|pave|cut|sever|expose|threaten)\s+(?:up\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:road|roads|way|path|route|routes|highway|supply\s+lines?|approach(?:es)?|gateway)\s+(?:to|towards?|into|for|from)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|cities|village|hub)\s+of\s+)?",
        "open clear pave cut sever expose threaten",
        False,
    ),
    # "the road to Kramatorsk and Sloviansk will open": the road as the subject
    (
        "assessment",
        "obj",
        r"\b(?:road|roads|way|path|route|gateway)\s+(?:to|towards?|into)\s+(?=(?:[\w'’-]+,?\s+){1,6}?(?:will|would|could|may|might)\s+(?:\w+\s+)?(?:open|be\s+open|lie\s+open|be\s+clear)\b)",
        "road way path route gateway",
        False,
    ),
    (
        "assessment",
        "obj",
        r"\b(?:targets?|objectives?|goals?)\s+(?:\w+\s+){0,3}?(?:to\s+be|is|are|were|was|would\s+be|include|included)\s+",
        "target objective goal",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:attacking|storming|assaulting)\s+",
        "attacking storming assaulting",
        True,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:advanc(?:ed|es|ing)|push(?:ed|es|ing)|mov(?:ed|ing)|edg(?:ed|ing)|inch(?:ed|ing))\s+(?:[\w-]+\s+){2,8}?(?:towards?|into|on|in\s+the\s+direction\s+of)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village)\s+of\s+)?",
        "advanc push mov edg inch",
        False,
    ),
    (
        "holding",
        "subj",
        r"\b(?:(?:had|has|have)\s+been|was|were|is|are)\s+(?:\w+\s+)?stabili[sz]ed\b",
        "stabili",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:improved|improving|improve)\s+(?:their|its|the)\s+(?:tactical\s+)?(?:positions?|situation)\s+(?:near|around|in|at|on)\s+",
        "improv",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:broke|broken|breaking|smashed|punched)\s+(?:through|into)\b",
        "broke broken breaking smashed punched",
        False,
    ),
    (
        "holding",
        "obj",
        r"\b(?:dug|digging|dig|digs|entrenched|entrenching)\s+(?:in\s+)?(?:\w+\s+){0,3}?(?:on|at|near|around|in|inside|along)\s+",
        "dug dig entrench",
        False,
    ),
    (
        "advancing",
        "obj",
        r"\b(?:approach(?:ed|ing)|encircl(?:e|ed|ing)|outflank(?:ed|ing)?|entered|entering|stormed|storming)\b",
        "approach encircl outflank enter storm",
        False,
    ),
    # "troops reached Raihorodok" (the place at once: not "reached a deal in X")
    ("advancing", "obj0", r"\breach(?:ed|es|ing)?\b", "reach", False),
    (
        "advancing",
        "any",
        r"\b(?:ground\s+(?:assault|offensive|operation|incursion)|cross-border\s+(?:incursion|offensive|assault|attack|raid|operation)|incursion)\b",
        "ground cross-border incursion",
        False,
    ),
    (
        "strike",
        "obj",
        r"\b(?:(?:air|missile|drone|artillery|rocket|glide[- ]bomb|Russian|Ukrainian)\s+)?(?:strikes?|attacks?|raids?|bombardment|shelling|barrage)\s+(?:\w+\s+){0,2}?(?:on|at|against|of|in|near|across)\s+",
        "strike attack raid bombardment shelling barrage",
        False,
    ),
    (
        "strike",
        "subj",
        r"\b(?:has|have|had|was|were|is|are)\s+been\s+(?:\w+\s+){0,2}?(?:shelled|struck|hit|bombed|attacked|targeted|pounded)\b",
        "been",
        False,
    ),
    (
        "strike",
        "obj",
        r"\b(?:striking|shelling|bombing|targeting)\b",
        "striking shelling bombing targeting",
        True,
    ),
    (
        "strike",
        "obj",
        r"\b(?:struck|shelled|bombed|pounded|targeted|hit|attacked|sank|sunk|sinking|shot\s+down|downed|intercepted)\b",
        "struck shelled bombed pounded targeted hit attacked sank sunk sinking shot downed intercepted",
        False,
    ),
    (
        "strike",
        "subj",
        r"\b(?:came|come|comes|coming|was|were|is|are|been)\s+under\s+(?:\w+\s+){0,2}?(?:fire|attack|shelling|bombardment)\b",
        "under",
        False,
    ),
    (
        "strike",
        "any",
        r"\b(?:explosions?|blasts?|detonations?)\b",
        "explosion blast detonation",
        False,
    ),
    (
        "strike",
        "any",
        r"\b(?:(?:set|setting|sets|sparked|sparking|caused|causing|started|starting)\s+(?:\w+\s+){0,3}?(?:on\s+)?fires?|fires?\s+(?:broke\s+out|erupted))\b",
        "fire",
        False,
    ),
    (
        "strike",
        "any",
        r"\b(?:drones?(?!\s+(?:units?|operators?|pilots?|compan(?:y|ies)|battalions?|brigades?|regiments?|teams?|crews?|makers?|production|factor(?:y|ies)|industry|forces))|missiles?|(?:glide|guided|aerial)\s+bombs?|shelling|strikes?|airstrikes?|air\s+strikes?|bombardment|(?-i:KABs?|UAVs?|FPVs?|MLRS|HIMARS|ATACMS)|Shaheds?|Gerans?|(?<!The\s)(?<!the\s)Lancets?|Iskanders?|Kalibrs?|Kinzhals?|Storm\s+Shadows?|Grads?)\b",
        "drone missile bomb shelling strike kab uav fpv mlrs himars atacms shahed geran lancet iskander kalibr kinzhal shadow grad",
        False,
    ),
    (
        "strike",
        "any",
        r"\b(?:destroyed|damaged|damaging|destroying|damage|destruction)\b",
        "destroy damag",
        True,
    ),
    (
        "strike",
        "any",
        r"\b(?:killed|wounded|injured|killing|wounding|injuring|dead|casualties)\b",
        "killed wounded injured killing wounding injuring dead casualties",
        False,
    ),
]


def _row_ids() -> list[str]:
    """A stable id per lexicon row: "cue.<type>.<first trigger word>" (numbered when a type and
    trigger repeat), e.g. "cue.captured.captur", "cue.advancing.advanc-2"."""
    seen: dict[str, int] = {}
    out = []
    for ty, _at, _p, trig, _w in _LEXICON:
        base = f"cue.{ty}.{re.sub(r'[^a-z0-9-]', '', trig.split()[0].lower())}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


RULE_IDS = _row_ids()
LEXICON = [
    (ty, at, re.compile(p, re.I), weak, frozenset(t.split()), rid)
    for (ty, at, p, t, weak), rid in zip(_LEXICON, RULE_IDS, strict=True)
]
_ALL_TRIGGERS = tuple(sorted({t for *_x, trig, _rid in LEXICON for t in trig}))

# Words before a cue that make it a goal, a condition or a question rather than a fact.
_IRREALIS_RE = re.compile(
    r"(?:\b(?:to|towards?|toward|from|whether|if|aims?|aimed|aiming|goal|plans?|planned|"
    r"bid|attempts?|attempting|tried|trying|seeking|seeks?|sought|wants?|wanted|would|could|"
    r"might|may|will|can|cannot|failed|failing|before|threaten(?:s|ed|ing)?|order|avoid|"
    r"should|must|shall)"
    r"\s+(?:\w+\s+)?)$|\b(?:whether|if)\b(?:\s+[\w'’]+){0,5}\s+$",
    re.I,
)
_REALIS_RE = re.compile(
    r"\bto\s+have\s+(?:been\s+)?$|\b(?:authori[sz]ed|ordered|decided|began|begun|started|"
    r"managed|continued|continue|continues|continuing|forced|had\s+to|has\s+had\s+to|"
    r"was\s+able|were\s+able)"
    r"\s+(?:[\w'’-]+\s+){0,3}?to\s+$",
    re.I,
)

ASSESSMENT_RE = re.compile(
    r"\b(?:likely|unlikely|probably|possibly|would\s+(?:allow|enable|let|give|open|mean|help)|"
    r"could\s+(?:allow|enable|soon|fall|be)|is\s+expected\s+to|are\s+expected\s+to|"
    r"appears?\s+to|poised\s+to|assess(?:ed|es|ment)?|estimated?|predicts?|predicted|"
    r"in\s+a\s+position\s+to|set\s+to|would|might|(?-i:may)|"
    r"could(?!\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)))\b",
    re.I,
)


_NONE_BEFORE_RE = re.compile(
    r"\b(?:no|without|nor)\s+(?:(?:sign|signs|evidence|indication|indications|reports?|trace|"
    r"traces|confirmation|fresh|new|further|major|heavy|active|serious)\s+)?(?:of\s+)?$",
    re.I,
)


_CIVILIAN_BEFORE_RE = re.compile(
    r"\b(?:who|he|she|I|residents?|civilians?|families|family|people|children|refugees|"
    r"inhabitants|pensioners|everyone|thousands|hundreds|\d+-year-old)\s+(?:(?:had|has|have|"
    r"finally|eventually|never|already|only|also)\s+)?$",
    re.I,
)


def irrealis_before(text: str, pos: int) -> bool:
    """True when the cue at `pos` is a goal/condition: "to push", "towards capturing", "whether"."""
    window = text[max(0, pos - 40) : pos]
    if _REALIS_RE.search(window):
        return False
    return bool(_IRREALIS_RE.search(window))


_QUOTES = str.maketrans({c: " " for c in '"“”‘’«»'})


def find_cues(text: str) -> list[Cue]:
    """Claim-type cues in a clause, in text order, non-overlapping (lexicon order wins).
    Quote marks count as spaces ('the "liberation" of X'); offsets are unchanged."""
    text = text.translate(_QUOTES)
    taken: list[tuple[int, int]] = []
    cues: list[Cue] = []
    low = text.lower()
    present = {t for t in _ALL_TRIGGERS if t in low}  # each trigger tested once per clause
    for ctype, attach, pat, weak, triggers, rid in LEXICON:
        if present.isdisjoint(triggers):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if _NONE_BEFORE_RE.search(text, max(0, s - 30), s):
                continue  # "saw no sign of fighting in the city": an absence, no claim
            if ctype == "withdrawn" and _CIVILIAN_BEFORE_RE.search(text, max(0, s - 40), s):
                continue  # "a 71-year-old who left Vovchansk": people leaving, not troops
            found = ctype  # per match: a hedged match must not retype the row's later ones
            if irrealis_before(text, s):
                # "likely to encircle X": a goal the analyst assesses is an assessment claim
                if not ASSESSMENT_RE.search(text[max(0, s - 30) : s]):
                    continue
                found = "assessment"
            cues.append(Cue(s, e, found, attach, m.group(0), weak, rid))
    cues.sort(key=lambda c: c.start)
    return cues


def is_assessment(text: str) -> bool:
    return bool(ASSESSMENT_RE.search(text))
