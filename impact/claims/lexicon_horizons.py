"""The horizon cues: patterns for the time a figure covers (one day, intraday, since, year to
date, a month, a quarter, trailing, from a date or an extreme...), checked in the order listed.
A cue's named groups carry its parameters (horizons.py reads them)."""

from __future__ import annotations

from impact.claims.lexicon_calendar import MONTH_RE, WEEKDAY_RE

__all__ = ["HORIZONS", "HORIZON_NEEDS"]

# a written date with its year, for date ranges ("Jan. 4, 2018 to Feb. 9, 2018")
_RANGE_DATE = (
    rf"(?:{MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.\s?(?:{MONTH_RE})\s+\d{{4}}|"
    r"\d{1,2}\.\d{1,2}\.\d{4}"
)
# horizon cues, checked in this order; a cue's group names carry its parameters
# what a horizon kind's every match implies, found fast (a digit first): its pattern has no literal
# first words, so it runs only where this matches (fastre.require); matched case-insensitively
HORIZON_NEEDS = {"date_range": r"\d{4}\s+(?:to|and|through|bis|und)\s"}  # a year, then "to"

HORIZONS: list[tuple[str, str]] = [
    (
        rf"from the start of the year to (?P<ywd>{WEEKDAY_RE})|"
        rf"this year through (?P<ywd2>{WEEKDAY_RE})|"
        rf"(?:since the start of the year|so far this year|this year) (?:to|through|until) "
        rf"(?P<ywd3>{WEEKDAY_RE})|"
        r"seit Jahresbeginn|seit Jahresanfang|seit Anfang des Jahres|seit Beginn des Jahres|"
        r"seit Beginn dieses Jahres|im bisherigen Jahresverlauf|im laufenden Jahr|seit Januar|"
        r"seit Silvester|year[- ]to[- ]date|so far this year|since the start of the year|"
        r"since the beginning of the year|since the start of \d{4}|YTD|this year|dieses Jahr|"
        r"in diesem Jahr|seit Jahresanfang \d{4}|seit Jahresbeginn \d{4}|Jahresplus|Jahresminus|"
        r"Jahresgewinn(?:e|s)?|Jahresverlust(?:e|s)?|"
        r"(?:gemessen am|gegenüber dem|verglichen mit dem) (?:Jahresanfang|Jahresbeginn|"
        r"Silvesterschluss|Jahresschluss|Jahresende)(?! \d)|seit dem Jahreswechsel|"
        r"since New Year['’]s(?: Eve| Day)?|since the (?:calendar|year) turned|"
        r"Jahresbilanz|Jahresbilanzen|Jahresperformance|auf Jahressicht|so far in \d{4}|for the year|"
        r"on the year",
        "ytd",
    ),
    (  # "remain 2.5 per cent below where they started the year" (a pattern of its own: its
        # first words are not those above, and each pattern keeps a tight first-letter filter)
        r"(?:below|above|under|over|lower than|higher than) where (?:it|they|the stock|the shares|"
        r"the index) (?:started|began) the year|(?:below|above|under|over|lower than|higher than) "
        r"where (?:it|they|the stock|the shares|the index) (?:ended|finished|closed) last year",
        "ytd",
    ),
    (  # a calendar year: the whole year when it ended before publication (horizon_rules.year)
        r"im Jahr (?P<cyear>(?:19|20)\d\d)(?!\d)|Im Jahr (?P<cyear3>(?:19|20)\d\d)(?!\d)|"
        r"im Gesamtjahr (?P<cyear4>(?:19|20)\d\d)(?!\d)|"
        r"in (?P<cyear2>(?:19|20)\d\d)(?!\d|\s*(?:%|Prozent|percent|per cent|Punkt|points))|"
        r"im vergangenen Jahr|Im vergangenen Jahr|im abgelaufenen Jahr|Im abgelaufenen Jahr|"
        r"im letzten Jahr|Im letzten Jahr|im Vorjahr|Im Vorjahr|vergangenes Jahr|letztes Jahr|"
        r"last year(?!['’]s)|"
        r"(?:ended|finished|closed out|wrapped up|ending|finishing) (?P<cyear5>(?:19|20)\d\d)(?!\d)|"
        r"(?:ended|finished|closed out|wrapped up|ending|finishing) the year|"
        r"annual (?:gain|loss|advance|decline|rise|drop|increase|return|performance)s?|"
        r"for (?P<cyear6>(?:19|20)\d\d)(?!\d|\s*(?:%|percent|per cent|points))|"
        r"das (?:Börsenjahr|Jahr) (?P<cyear7>(?:19|20)\d\d)(?!\d)|das (?:Börsenjahr|Jahr) mit|"
        r"(?:hat|haben|hatte|hatten|ist|sind|war|waren|legte|legten|stieg|stiegen|fiel|fielen|"
        r"verlor|verloren|gewann|gewannen|büßte|büßten) (?P<cyear8>(?:19|20)\d\d)"
        r"(?!\d|\s*(?:%|Prozent|Punkt|Euro|Dollar|Zähler))",
        "year",
    ),
    (  # "has pared its 2025 loss to less than 1%"
        r"(?:its|their|the) (?P<cyear9>(?:19|20)\d\d) (?:loss|losses|gain|gains|decline|advance|"
        r"drop|rise|slump|rally|slide|performance)",
        "year",
    ),
    (
        r"seit Monatsbeginn|seit Monatsanfang|seit Monatsstart|seit (?:Anfang|Beginn) des Monats|"
        r"seit (?:Anfang|Beginn) dieses Monats|im laufenden Monat|in diesem Monat|diesen Monat|"
        r"month[- ]to[- ]date|so far this month|this month|MTD|for the month|on the month|"
        r"since the (?:start|beginning) of (?:the|this) month",
        "mtd",
    ),
    (
        rf"(?:in|In)\s+(?P<part>mid-|mid |early |late )(?P<pmon>{MONTH_RE})(?:\s+(?P<pyear>\d{{4}}))?|"
        rf"(?<!von )(?<!seit )(?<!bis )(?<!Seit )(?P<part2>Anfang |Mitte |Ende )"
        rf"(?P<pmon2>{MONTH_RE})(?:\s+(?P<pyear2>\d{{4}}))?",
        "part_month",
    ),
    (
        r"(?P<first>(?:on the|On the|at the|At the|the) first (?:trading )?day of "
        r"(?:trading in |trading of )?"
        r"(?:the year|the new year|(?P<fyear>\d{4}))|(?:am|Am) ersten Handelstag "
        r"(?:des (?:neuen )?Jahres|(?:des Jahres )?(?P<fyear2>\d{4})))|"
        r"(?P<last>(?:zum|Zum|am|Am|beim|Beim) Jahreswechsel|(?:zum|Zum|am|Am) Jahresende|"
        r"(?:am|Am) letzten Handelstag (?:des (?:vergangenen |alten )?Jahres|(?P<lyear>\d{4}))|"
        r"(?:at|At) (?:the )?end of (?:last year|the year|(?P<lyear2>\d{4}))|(?:at|At) year-end|"
        r"(?:on the|On the|the) (?:last|final) trading day of (?:last year|the year|"
        r"(?P<lyear3>\d{4})))",
        "year_edge",
    ),
    (
        rf"(?:allein im|allein in|alone in|so far in|im|in|aus dem|for the month of|for|"
        rf"im Monat|für den|für den Monat|für)\s+(?P<month>{MONTH_RE})(?:\s+(?P<myear>\d{{4}}))?|"
        rf"(?:the|its|their) (?P<month2>{MONTH_RE})(?:\s+(?P<myear2>\d{{4}}))? (?:closing |intraday |"
        rf"record )?(?:high|low|peak|trough|close)(?!\w)",
        "month",
    ),
    (
        r"(?:im|in the|in|des|of the)\s+(?P<q>ersten|zweiten|dritten|vierten|[1-4]\.|first|second|"
        r"third|fourth)\s+(?P<fiscal>Geschäfts|fiscal |financial )?(?:Quartal|quarter|Quartals)"
        r"(?:\s+(?:des Jahres |of |des Geschäftsjahres |of fiscal |fiscal )?(?P<qyear>\d{4}))?|"
        r"(?:the |in the |for the )(?P<qmon>March|June|September|December)(?:-| )quarter"
        r"(?:\s+(?:of )?(?P<qyear3>\d{4}))?",
        "quarter",
    ),
    (r"(?P<q2>Q[1-4])\s?(?P<q2year>\d{4})", "quarter"),
    (  # a half year ("im ersten Halbjahr", "in the first half of 2025", "H1 2025")
        r"(?:im|Im|in the|In the|das|the|des|of the) (?P<h>ersten|zweiten|erste|zweite|first|second) "
        r"(?:Halbjahr|Halbjahres|half)(?! of (?:the )?(?:session|day|trading|month|week))"
        r"(?:\s+(?:of |des Jahres )?(?P<hyear>(?:19|20)\d\d))?|"
        r"(?:in der|In der|der|die) (?P<h3>ersten|zweiten|erste|zweite) (?:Jahreshälfte|Hälfte des "
        r"Jahres)(?:\s+(?P<hyear3>(?:19|20)\d\d))?",
        "half",
    ),
    (r"(?P<h2>H[12])\s?(?P<h2year>(?:19|20)\d\d)", "half"),
    (
        r"in (?:den |der )?(?:letzten|vergangenen|zurückliegenden) (?P<nd>\d+|zwei|drei|vier|fünf|"
        r"sechs|sieben|acht|neun|zehn) (?:Handelstagen|Börsentagen|Tagen|Sitzungen|Handelssitzungen)|"
        r"(?:over|in) the (?:past|last|previous) (?P<ne>\d+|two|three|four|five|six|seven|eight|nine|"
        r"ten) (?:trading days|sessions|trading sessions|days)|"
        r"(?:over|in|during) the (?P<ns>\d+|two|three|four|five|six|seven|eight|nine|ten) "
        r"(?:trading days|sessions|trading sessions) (?:since|after|through|to)|"
        r"(?P<nh>two|three|four|five|six|seven|eight|nine|ten)-(?:day|session) (?:fall|drop|"
        r"decline|slide|loss|losses|gain|gains|rally|rise|advance|surge|slump|selloff|sell-off|rout|"
        r"plunge|jump|climb|retreat)|"
        r"(?:binnen|innerhalb von|an|in) (?:den )?(?P<nb>\d+|zwei|drei|vier|fünf|sechs|sieben|acht|"
        r"neun|zehn) (?:aufeinanderfolgenden )?(?:Handelstagen|Börsentagen|Sitzungen)|"
        r"(?:binnen|innerhalb von) (?P<nt>zwei|drei|vier|fünf|\d) Tagen|"
        r"(?:over|Over|across|Across) (?:the |those |these )?(?P<nw>\d+|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve) (?:straight |consecutive )?(?:sessions|trading sessions|"
        r"trading days)(?! (?:since|after|through|to))",
        "n_sessions",
    ),
    (  # a few sessions, not counted: any of 2..5 (moves.py)
        r"(?P<few>in den (?:vergangenen|letzten|zurückliegenden) (?:Tagen|Handelstagen)|"
        r"in the (?:past|last) few (?:days|sessions|trading days)|in recent (?:days|sessions)|"
        r"over the past few days|innerhalb weniger (?:Tage|Handelstage)|binnen weniger "
        r"(?:Tage|Handelstage)|within days|in just a few days|in wenigen Tagen)",
        "n_sessions",
    ),
    (  # "its 3-day fall": a digit cannot lead the pattern above (fastre's word gates)
        r"(?P<nh2>\d{1,2})-(?:day|session) (?:fall|drop|decline|slide|loss|losses|gain|gains|"
        r"rally|rise|advance|surge|slump|selloff|sell-off|rout|plunge|jump|climb|retreat)",
        "n_sessions",
    ),
    (
        r"(?:in|während|innerhalb) (?:den |der |des )?(?:vergangenen|letzten|zurückliegenden) "
        r"(?P<tn>\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf) "
        r"(?P<tu>Monaten|Monate|Wochen|Jahren|Jahre)|"
        r"(?:over|in|during) the (?:past|last|previous) (?P<tn2>\d+|two|three|four|five|six|seven|"
        r"eight|nine|ten|twelve) (?P<tu2>months|weeks|years)|"
        r"(?:over|in) the (?:past|last) (?P<tu3>year|month|week)|"
        # "rallied 39% over the six months" (to the day of writing)
        r"(?:over|during) the (?P<tn8>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"\d+) (?P<tu8>months|weeks|years)(?! (?:to|through|since|after|before|ending|ended)\b)|"
        r"(?:innerhalb|binnen) (?:eines|einer) (?P<tu4>Jahres|Monats|Woche)|"
        r"in (?:nur |gerade |knapp |gerade einmal |lediglich |just |only )?(?P<tn5>\d+|zwei|drei|"
        r"vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|two|three|four|five|six|seven|eight|nine|ten|"
        r"twelve) (?P<tu5>Monaten|Wochen|Jahren|months|weeks|years)|"
        # against the price some time ago: "15% higher than a year ago", "niedriger als noch vor
        # einer Woche"
        # (not "mehr/weniger als", "more/less than": an amount, a company figure's year on year)
        r"(?:(?<!more )(?<!less )than|from|compared with|compared to|against|versus) "
        r"(?P<tn6>a|one|\d+|two|three|four|"
        r"five|six|seven|eight|nine|ten|twelve) (?P<tu6>years?|months?|weeks?) ago|"
        r"(?:(?<!mehr )(?<!weniger )als|wie|gegenüber|im Vergleich zu) "
        r"(?:noch |dem Stand |dem Niveau )?vor "
        r"(?P<tn7>einer|einem|\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf) "
        r"(?P<tu7>Wochen|Woche|Monaten|Monat|Jahren|Jahr)",
        "trailing",
    ),
    (
        r"in dieser Woche|diese Woche|im Wochenverlauf|auf Wochensicht|in der vergangenen Woche|"
        r"vergangene Woche|letzte Woche|in der letzten Woche|this week|last week|for the week|"
        r"Vergangene Woche|Letzte Woche|In der vergangenen Woche|In der letzten Woche|Last week|"
        r"This week|Diese Woche|In dieser Woche|"
        r"letzte Handelswoche|letzten Handelswoche|vergangene Handelswoche|vergangenen Handelswoche|"
        r"abgelaufenen Woche|abgelaufene Woche|Wochenbilanz|the past week|the previous week|"
        r"on the week|weekly|(?:ended|finished|closed out|wrapped up) the week|"
        r"(?:eine|die) (?:[\w-]+ )?Woche mit|(?:eine|die) (?:[\w-]+ )?Handelswoche mit|"
        r"(?:in|an) den ersten (?:beiden|zwei|drei|vier) (?:Handels|Börsen)?tagen der Woche|"
        r"for (?:a|the) (?:[\w-]+ )?week|"
        r"(?:gegenüber|verglichen mit) dem (?:vorigen|vergangenen|letzten) Freitag",
        "week",
    ),
    (
        rf"seit (?:dem )?(?P<sday>\d{{1,2}})\.\s?(?P<smonth>{MONTH_RE})(?:\s+(?P<syear>\d{{4}}))?|"
        rf"since (?P<smonth2>{MONTH_RE})\s+(?P<sday2>\d{{1,2}})(?:,?\s+(?P<syear2>\d{{4}}))?|"
        rf"(?:seit|since)\s+(?:(?:Anfang|Mitte|Ende|early|mid|late|mid-)\s*)?(?:(?P<smonth3>{MONTH_RE})\s+)?"
        rf"(?P<syear3>\d{{4}})|(?:seit|since)\s+(?:(?:Anfang|Beginn|Mitte|Ende|early|mid|late|the start of|"
        rf"the beginning of|the end of)\s+|mid-)?(?P<smonth4>{MONTH_RE})|"
        rf"seit letztem Jahr|seit dem vergangenen Jahr|since last year",
        "since",
    ),
    (  # from a year's last close: "about 12% below where it ended 2022", "gemessen am
        # Jahresschluss 2021"
        r"(?:below|above|under|over|lower than|higher than) where (?:it|they|the stock|the shares|"
        r"the index) (?:ended|finished|closed) (?P<syend>(?:19|20)\d\d)|"
        r"(?:gemessen am|seit dem|gegenüber dem|verglichen mit dem|vom) "
        r"Jahres(?:schluss|ende|ultimo) (?P<syend2>(?:19|20)\d\d)",
        "since",
    ),
    (
        r"since (?:its|their|the|the company's) (?:IPO|initial public offering|listing|"
        r"(?:stock )?market debut|debut|flotation)|"
        r"from (?:its|their|the) (?:\S+ )?(?:IPO|offer|offering|issue|listing) price|"
        r"seit (?:dem|ihrem|seinem) (?:Börsengang|Börsendebüt|Börsenstart|Handelsstart)|"
        r"seit der Erstnotiz|(?:vom|gegenüber dem) (?:Ausgabepreis|Emissionspreis|Ausgabekurs)",
        "since_listing",
    ),
    (
        rf"(?:from|between|vom|zwischen|From|Between|Vom|Zwischen)?\s*\(?"
        rf"(?P<r1>{_RANGE_DATE})\s+(?:to|and|through|bis|und|bis zum)\s+(?P<r2>{_RANGE_DATE})",
        "date_range",
    ),
    (
        rf"(?:am|an|on) (?P<rw1>{WEEKDAY_RE}) (?:und|and|bis|through|to) (?P<rw2>{WEEKDAY_RE})|"
        rf"(?:von|from) (?P<rw3>{WEEKDAY_RE}) (?:bis|to|through) (?P<rw4>{WEEKDAY_RE})",
        "weekday_range",
    ),
    (
        rf"(?:from|since|seit|vom|compared to|compared with|against|gegenüber dem|verglichen mit "
        rf"dem) (?:last |vergangenen |letzten )?(?P<fwd>{WEEKDAY_RE})(?:'s|’s|s)? (?:close|"
        rf"closing price|close price|"
        rf"closing level|level|Schlusskurs|Schlussstand)|"
        rf"(?:Seit|seit|Since|since) (?:dem )?(?:vergangenen |letzten |last )?(?P<fwd2>{WEEKDAY_RE})"
        rf"(?: vergangener Woche| letzter Woche| der Vorwoche)?(?![\w'’])",
        "from_weekday",
    ),
    (
        rf"(?:from|below|above|under|off) (?:its|their|the) (?P<fmon>{MONTH_RE})\s+(?P<fday>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<fyear>\d{{4}}))? (?:record |all-time |closing )*"
        rf"(?:close|closing high|high|peak|low|record|top|bottom)|"
        rf"(?:since|from) (?:reaching|hitting|touching|setting) (?:its|their|a|an|the) "
        rf"(?:[\w-]+ ){{0,3}}(?:peak|high|low|record|top|bottom) on "
        rf"(?P<fmon2>{MONTH_RE})\s+(?P<fday2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<fyear2>\d{{4}}))?|"
        rf"(?:since|from) (?:its|their|the) (?P<fmon3>{MONTH_RE})\s+(?P<fday3>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<fyear3>\d{{4}}))? (?:[\w-]+ )?(?:rout|selloff|sell-off|plunge|crash|slump|"
        rf"drop|low|lows|trough|bottom|high|highs|peak|close|collapse)|"
        rf"(?:Seit|seit|Vom|vom) (?:dem|ihrem|seinem) (?:[\w-]+ )?(?:Tief|Tiefpunkt|Tiefststand|Hoch|"
        rf"Höchststand|Rekordhoch|Jahrestief|Jahreshoch|Einbruch|Crash|Kurssturz|Ausverkauf|"
        rf"Schlusskurs|Kursrutsch) (?:vom|am) (?P<fday4>\d{{1,2}})\.\s?(?P<fmon4>{MONTH_RE})"
        rf"(?:\s+(?P<fyear4>\d{{4}}))?|"
        rf"(?:since|from|Since|From) (?:the|its|their) (?P<fmon5>{MONTH_RE})\s+(?P<fday5>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?(?:,?\s+(?P<fyear5>\d{{4}}))? [A-Za-z][\w-]+|"
        rf"(?:Seit|seit) (?:der|dem|ihrem|seinem|ihrer|seiner) [\w-]+ (?:vom|am) "
        rf"(?P<fday6>\d{{1,2}})\.\s?(?P<fmon6>{MONTH_RE})(?:\s+(?P<fyear6>\d{{4}}))?|"
        # an event, then its day: "since China unleashed its stimulus on September 24"
        rf"(?:since|Since) (?:[\w’'$-]+ ){{1,6}}?on (?P<fmon7>{MONTH_RE})\s+(?P<fday7>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?(?:,?\s+(?P<fyear7>\d{{4}}))?|"
        rf"(?:seit|Seit) (?:[\w-]+ ){{1,6}}?am (?P<fday8>\d{{1,2}})\.\s?(?P<fmon8>{MONTH_RE})"
        rf"(?:\s+(?P<fyear8>\d{{4}}))?",
        "from_date",
    ),
    (
        rf"(?:from|vom|von ihrem|von seinem|unter dem|below|off|im Vergleich zum|Im Vergleich zum|gegenüber dem|"
        rf"compared with|compared to|since|above|seit dem|seit ihrem|seit seinem|über dem) "
        rf"(?:an?|its|their|the|dem|ihrem|"
        rf"seinem)?\s*(?:(?:early|mid|late)-)?(?:(?P<xmon>{MONTH_RE}) |(?P<xyear>\d{{4}}) |"
        rf"(?P<xlast>last year['’]s) )?"
        rf"(?P<xkind>peak|high|record high|all-time high|record|top|trough|low|52-week high|"
        # a 15-month low only with its day ("from a 15-month low" is the day before's close)
        rf"\d{{1,2}}-(?:month|week|year) (?:high|low)(?=\s+(?:it|they)\s+\w+\s+on\s)|"
        rf"52-week low|Rekordhoch|Allzeithoch|Jahreshoch|Jahrestief|Hoch|Höchststand|52-Wochen-Hoch|"
        rf"52-Wochen-Tief|Tief|Tiefststand)"
        rf"(?: (?:seen |set |reached |recorded |of |von (?:gut |rund |knapp |über )?\S+ "
        rf"(?:US-Dollar |Dollar |Euro |Punkten |Zählern |HK\$ )?)?(?:in|im|aus dem|vom|(?=Ende|Anfang|Mitte)) ?"
        rf"(?:(?:Anfang|Mitte|Ende)\s+)?(?:(?P<xmon2>{MONTH_RE})(?:\s*(?P<xyear2>\d{{4}}))?|"
        rf"(?P<xyear3>\d{{4}})))?"
        # the day it was set: "the record it set on Feb. 19", "the low it hit on January 22"
        rf"(?:\s+(?:it|they)\s+(?:set|hit|reached|touched|recorded|marked))?(?:\s+on\s+"
        rf"(?P<xmon4>{MONTH_RE})\s+(?P<xday4>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<xyear4>\d{{4}}))?)?",
        "from_extreme",
    ),
    (
        rf"(?P<emon>{MONTH_RE})\s+(?P<eday>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|[.,]\d)"
        rf"(?:,?\s+(?P<eyear>\d{{4}}))?(?P<elast>\s+last year)?|"
        rf"(?P<eday2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<emon2>{MONTH_RE})"
        rf"(?:,?\s+(?P<eyear2>\d{{4}}))?|"
        rf"(?P<dday>\d{{1,2}})\.\s?(?P<dmon>{MONTH_RE})(?:\s+(?P<dyear>\d{{4}}))?|"
        rf"(?P<nday>\d{{1,2}})\.(?P<nmon>\d{{1,2}})\.(?P<nyear>\d{{2,4}})?",
        "date",
    ),
    (
        r"gegenüber dem Vorjahr|gegenüber dem Vorjahreszeitraum|gegenüber dem Vorjahresquartal|"
        r"im Vorjahresvergleich|im Jahresvergleich|verglichen mit dem Vorjahr|im Vergleich zum Vorjahr|"
        r"year[- ]on[- ]year|year[- ]over[- ]year|from a year earlier|from a year ago|YoY|y/y",
        "yoy",
    ),
    (
        r"zuletzt|im jüngsten Quartal|im vergangenen Quartal|im letzten Quartal|im abgelaufenen Quartal|"
        r"last quarter|in the latest quarter|in the most recent quarter|in the last quarter|"
        r"in the recent quarter|most recently",
        "latest_reported",
    ),
    (
        rf"an einem (?:einzigen )?(?:Tag|Handelstag)|binnen eines Tages|innerhalb eines Tages|"
        rf"one-day|single-day|one day|single day|in a single session|on the day|"
        rf"am (?P<wd>{WEEKDAY_RE})|on (?P<wd2>{WEEKDAY_RE})|(?P<today>heute|today|am heutigen|"
        rf"aktuell|Aktuell|derzeit|Derzeit|currently|at present|at the time of writing|at last check|At last check)|"
        rf"(?P<wd3>{WEEKDAY_RE})(?:'s|’s|s-Abend|-Abend|abend|shandel|s-Handel)?|"
        rf"(?P<monday>zu Wochenbeginn|zum Wochenbeginn|zu Wochenauftakt|zum Wochenauftakt|"
        rf"zum Wochenstart|zu Beginn der Woche)|"
        rf"(?P<yesterday>gestern|yesterday|am Vortag|Am Vortag|overnight|am Vorabend|Am Vorabend|"
        rf"am Abend zuvor|Am Abend zuvor|the previous day's|the previous day|the day before|"
        rf"tags zuvor|Tags zuvor|in der Nacht|über Nacht|in the previous session)|"
        rf"schloss|schlossen|closed|Schlusskurs|"
        rf"zum Handelsschluss|at the close|bei Handelsschluss|Tagesgewinn|Tagesplus|Tagesverlust|"
        rf"Tagesminus|daily",
        "one_day",
    ),
]
