"""Word lists for negatives.py, as data: the words that say a number is not a market price.

Every entry is a lower-case phrase of whole words (a hyphenated word is one word: "year-on-year",
"street-high"). A word with a hyphen also matches by its last part ("Alibaba-Aktie" -> "aktie",
"Tages-Wertverlust" -> "wertverlust"), and a trailing "'s" is dropped ("stock's" -> "stock").
Words in ``CASE_SENSITIVE`` match only as written there ("may" but not the month "May").
Extend by editing these tables, not the rules. ``negative_scan.NegativeScan`` finds them in a
sentence once, token by token (a dictionary look-up per word: linear in the sentence).
"""

from __future__ import annotations

# quantified nouns: the figure a number measures when they are its head or its subject
NOUNS: dict[str, str] = {
    "market_cap": (
        "market cap|market caps|market-cap|market capitalization|market capitalisation|"
        "market capitalizations|market value|stock market value|market valuation|valuation|"
        "valuations|mcap|m-cap|capitalization|capitalisation|valued at|börsenwert|börsenwerts|"
        "börsenwertes|marktwert|marktwerts|marktkapitalisierung|bewertung|wertverlust|"
        "börsenwertverlust|börsenbewertung"
    ),
    "price_target": (
        "price target|price targets|target price|price objective|target|targets|kursziel|"
        "kursziele|kursziels|zielkurs|zielkurse|preisziel|ziel|kurspotenzial|upside|downside|"
        "upside potential|aufwärtspotenzial|abwärtspotenzial|potenzial|street-high|street-low|"
        "consensus rating|rating|kursziele der analysten"
    ),
    "forecast": (
        "forecast|forecasts|estimate|estimates|expectations|expectation|consensus|guidance|"
        "outlook|projection|projections|prognose|prognosen|schätzung|schätzungen|erwartung|"
        "erwartungen|konsens|einschätzung|analystenschätzungen|analystenerwartungen|ausblick|"
        "konsensschätzung|markterwartungen"
    ),
    "revenue": (
        "revenue|revenues|sales|net sales|top line|umsatz|umsätze|umsatzes|umsatzerlöse|erlös|"
        "erlöse|einnahmen|nettoumsatz|gesamtumsatz|quartalsumsatz|jahresumsatz|konzernumsatz|"
        "bookings|billings|gmv|share of revenue|share of sales|anteil am umsatz|umsatzanteil|"
        "auftragseingang|cost of revenue|umsatzwachstum|umsatzplus|umsatzminus|umsatzanstieg|"
        "umsatzrückgang|umsatzsprung|umsatzeinbruch|umsatzzuwachs|auftragseingänge|"
        "auftragseingangs|neugeschäft|bestellungen|bestelleingang"
    ),
    "profit": (
        "profit|profits|net profit|net income|income|earnings|eps|earnings per share|ebit|ebitda|"
        "margin|margins|operating income|operating profit|net loss|operating loss|cost|costs|"
        "expenses|gewinn|gewinne|gewinns|nettogewinn|jahresgewinn|quartalsgewinn|betriebsgewinn|"
        "reingewinn|konzerngewinn|vorsteuergewinn|überschuss|jahresüberschuss|nettoergebnis|"
        "ergebnis|betriebsergebnis|marge|kosten|nettoverlust|earned|earn|earns|verdiente|"
        "verdient|verdienen|gewinn je aktie|ergebnis je aktie|gewinnplus|gewinnsprung|"
        "gewinnanstieg|gewinnrückgang|gewinneinbruch|gewinnzuwachs|ergebnisplus|ergebnisanstieg|"
        "ergebnisrückgang"
    ),
    "payout": (
        "dividend|dividends|dividende|dividenden|ausschüttung|payout|buyback|buybacks|"
        "share buyback|aktienrückkauf|aktienrückkäufe|rückkauf|dividend yield|dividendenrendite"
    ),
    "stake": (
        "stake|stakes|holding|holdings|shareholding|ownership|anteil|beteiligung|beteiligungen|"
        "aktienpaket|worth of|stimmrechtsanteil|stimmrechte|voting rights|voting stake|"
        "short interest|short position|short positions|leerverkaufsquote|leerverkaufspositionen|"
        "of the float|exposure|net exposure|allocation|allocations|positioning"
    ),
    "market_share": "market share|market shares|marktanteil|marktanteile|marktanteils",
    "volume": (
        "volume|volumes|trading volume|handelsvolumen|volumen|handelsumsatz|börsenumsatz|"
        "trading turnover|turnover"
    ),
    "flow": (
        "inflow|inflows|outflow|outflows|flows|net inflows|net outflows|zuflüsse|zufluss|"
        "abflüsse|abfluss|mittelzuflüsse|mittelabflüsse|assets under management|aum"
    ),
    "tariff": (
        "tariff|tariffs|tariff rate|duty|duties|levy|levies|zoll|zölle|zöllen|zollsatz|"
        "strafzoll|strafzölle|sonderzoll|sonderzölle|importzölle|einfuhrzölle|gegenzölle"
    ),
    "rate": (
        "interest rate|interest rates|rate|rates|yield|yields|inflation|cpi|gdp|unemployment|"
        "zins|zinsen|zinssatz|leitzins|anleiherendite|umlaufrendite|inflationsrate|bip|"
        "arbeitslosenquote|quote der arbeitslosen|arbeitslosigkeit|erwerbslosenquote|tax|taxes|steuer|steuern|steuersatz|coupon|kupon|benchmark rate|"
        "policy rate|key rate|federal funds rate|fed funds rate|deposit rate|einlagensatz|"
        "leitzinsen|teuerung|teuerungsrate|preissteigerung|preissteigerungsrate|industrial production|industrieproduktion|wirtschaftsleistung|"
        "consumer price index|price index|producer price index|verbraucherpreisindex|"
        "erzeugerpreisindex|einkaufsmanagerindex|purchasing managers index|pmi|ifo-index|"
        "ifo index|geschäftsklimaindex|bond|bonds|yielded|yielding|rendite|renditen|"
        "anleiherenditen|bundesanleihe|bundesanleihen|staatsanleihe|staatsanleihen|treasury|"
        "treasuries|treasury yield|treasury yields|bund yield|bund yields|ölpreis|ölpreise|"
        "oil price|oil prices|goldpreis|gold price"
    ),
    "index_weight": "weighting|weightings|weight|index weight|gewichtung|gewicht|indexgewicht",
    "offering": (
        "offering|stock offering|share offering|ipo|initial public offering|börsengang|emission|"
        "kapitalerhöhung|placement|platzierung|share sale|bond sale|anleihe|ipo price|"
        "offer price|offering price|ausgabepreis|emissionspreis|ausgabekurs"
    ),
    "deal": (
        "deal|acquisition|takeover|merger|buyout|übernahme|fusion|kaufpreis|purchase price|"
        "übernahmeangebot|takeover bid"
    ),
    "fundamental": (
        "cash|debt|schulden|verschuldung|capex|investments|investitionen|capital expenditure|"
        "capital expenditures|capital spending|expenditures|investitionsausgaben|"
        "free cash flow|cash flow|cashflow|backlog|fine|penalty|strafe|geldstrafe|bußgeld|"
        "salary|gehalt|bonus|budget|spending|ausgaben|subsidy|subsidies|subventionen|funding|"
        "finanzierung|loan|loans|kredit|assets|reserves|reserven|shipments|deliveries|"
        "auslieferungen|absatz|orders|aufträge|nettoverschuldung|nettofinanzverschuldung|"
        "production|produktion|ratio|ratios|kgv|kurs-gewinn-verhältnis|multiple|"
        "auftragsbestand|rückstellungen|provisions|writedown|write-down|abschreibung|"
        "abschreibungen|times earnings|times sales|times revenue|"
        "times forward earnings|mal gewinn|fache des gewinns|unit|division|segment|sparte|"
        "geschäftsbereich|konzernsparte|subsidiary|tochter|tochtergesellschaft|number of|"
        "zahl der|anzahl der|zahl des|headcount|belegschaft|wachstum|organisches wachstum|"
        "organic growth|reales internes wachstum|internes wachstum|preise|preis|prices|"
        "price increases|"
        "preiserhöhung|preiserhöhungen|preissteigerung|preissteigerungen|absatzvolumen"
    ),
}

# nouns that make a number their count or duration only when they follow it ("161 days",
# "48 of the 50 index members", "Von 66 Experten", "65 zum Kauf")
HEADS: dict[str, str] = {
    "count": (
        "constituents|index constituents|members|member|analysts|analysten|analystinnen|experts|"
        "experten|brokers|buy ratings|ratings|kaufempfehlungen|empfehlung|empfehlungen|"
        "zum kauf|zum verkauf|zum halten|iphones|phones|smartphones|devices|geräte|units|users|"
        "nutzer|customers|kunden|subscribers|abonnenten|employees|mitarbeiter|beschäftigte|jobs|"
        "stellen|stores|filialen|vehicles|cars|fahrzeuge|autos|companies|firmen|countries|länder|"
        "people|menschen|investors|anleger|mitglieder|shares outstanding|outstanding shares|"
        "beschäftigten|konzerne|"
        "sectors|sektoren|branchen|werte|werten|"
        "ausstehende aktien|stück"
    ),
    "duration": (
        "days|day|tage|tagen|tag|weeks|week|wochen|woche|months|month|monate|monaten|monat|years|"
        "year|jahre|jahren|jahr|sessions|session|trading days|trading sessions|handelstage|"
        "handelstagen|börsentage|börsentagen|hours|stunden|quarters|quartale|minutes|minuten"
    ),
    "definition": "threshold|thresholds|schwelle|schwellenwert|definition",
    "difference": "points away|punkte entfernt|zähler entfernt|away from|entfernt",
}

# shares, stocks, indices and price words: the number's subject is a market price
PRICE = (
    "shares|share|stock|stocks|share price|stock price|share prices|stock prices|aktie|aktien|aktienkurs|aktienkurse|"
    "kurs|kurse|papiere|papier|titel|anteilsscheine|adrs|adr|adss|ads|american depositary shares|"
    "american depositary receipts|american depository receipts|depositary receipts|index|"
    "indices|indizes|leitindex|benchmark|gauge|barometer|börsenbarometer|standardbarometer|"
    "trading at|traded at|trades at|closed at|close at|close|closing price|close price|"
    "schlusskurs|schlussstand|notiert|notierte|notierten|notieren|"
    "schloss|schlossen|opened at|eröffnete|points|pts|punkte|punkten|zähler|zählern|einheiten|"
    "kursplus|kursgewinn|kursgewinne|kursverlust|kursverluste|kursrückgang|kurssturz|"
    "kurssprung|kurseinbruch|tagesplus|tagesminus|tagesgewinn|tagesverlust|wertzuwachs|"
    "day high|day low|level|niveau|marke|mark"
)
# after money: a per-share amount (a price, an EPS, a dividend or a target; never a sum)
PER_SHARE = (
    "per share|a share|per ads|per adr|per american depositary share|a piece|apiece|each|"
    "je aktie|pro aktie|pro stück|je anteilsschein|je papier|pro papier"
)
# price nouns that count things when they follow a bare number ("17,9 Millionen Aktien")
COUNTABLE_PRICE = frozenset(
    "shares stocks aktie aktien werte titel papiere companies unternehmen".split()
)
# a scaled sum of money named by these is a company's value ("drei Billionen Dollar wert")
SCALED_NOUNS = "worth|wert|value|company|unternehmen|konzern|club|marke|mark|schallmauer"

# frames before the number in its clause: hypothetical (H) or forecast (F)
MODALS_H = (
    "would|could|might|may|would need|needs to|need to|has to|have to|must|würde|würden|könnte|"
    "könnten|wäre|wären|hätte|hätten|entspräche|entsprächen|müsste|müssten|falls|wenn|if|"
    "sollte|sollten|assuming|angenommen|implies|imply|implied|would mean|theoretically|"
    "theoretisch|potential|potenziell|possible|möglich|hypothetically"
)
MODALS_F = (
    "will|shall|won't|expected to|expects|expect|is expected|are expected|forecast to|"
    "predict|predicts|predicted|projected|projects|anticipate|anticipates|is set to|"
    "are set to|plans to|plan to|aims to|aim to|intends to|is likely to|are likely to|likely|"
    "wahrscheinlich|dürfte|dürften|soll|sollen|erwartet|erwarten|erwartete|erwarteten|"
    "rechnet|rechnen|prognostiziert|prognostizieren|prognostizierte|geht davon aus|"
    "gehen davon aus|voraussichtlich|peilt|anpeilt|anpeilen|erhofft|hofft|pricing in|"
    "priced in|prices in|implied move|implies a move|eingepreist|preisen"
)
# right after the number: an expected figure ("the 5% expected by analysts")
PARTICIPLES_AFTER = frozenset(
    "expected forecast estimated predicted projected anticipated targeted erwartet "
    "prognostiziert".split()
)
# German modals that govern a number before them at the clause end ("um 5 Prozent fallen könnte")
MODALS_DE_FINAL = frozenset(
    "würde würden könnte könnten wäre wären hätte hätten dürfte dürften soll sollen sollte "
    "sollten müsste müssten entspräche entsprächen".split()
)
# forward horizons anywhere in the number's clause
FORWARD = (
    "within the next|in the next|over the next|in the coming|in the months ahead|by year-end|"
    "by the end of next year|in den nächsten|in den kommenden|innerhalb der nächsten|"
    "auf sicht|auf sicht von|im kommenden jahr|bis zum jahresende|over the coming"
)
# a move of a company figure against the year before
YOY = (
    "year-on-year|year-over-year|year on year|year over year|a year earlier|a year ago|yoy|"
    "year-ago|prior-year|same period last year|same quarter last year|vorjahr|vorjahres|"
    "vorjahreszeitraum|vorjahresquartal|vorjahresvergleich|jahresvergleich|vorjahresmonat|"
    "vorjahreswert"
)
# a third party's trade in the shares ("purchased roughly $40 million of the stock")
TRADE = (
    "bought|buys|buy|purchased|purchase|acquired|acquire|acquires|sold|sell|sells|selling|"
    "offloaded|dumped|unloaded|offload|erwarb|erwirbt|erworben|kaufte|kauft|gekauft|"
    "verkaufte|verkauft|verkaufen|abgestoßen|stieß|veräußert|veräußerte"
)
TRADE_OBJECTS = frozenset(
    "shares stock aktien aktie anteil anteile stake worth wert papiere stücke".split()
)
# one holding's contribution to an index ("pulled QQQ down by 0.21%")
CONTRIBUTION = (
    "dragged|dragged down|weighed on|pulled down|pushed down|contributed|accounted for|"
    "kostete|kosteten|belastete|belasteten|trug|trugen"
)
INDEX_OBJECTS = frozenset(
    "index indices benchmark gauge etf fund qqq spy dia nasdaq s&p dow dax mdax tecdax "
    "nikkei ftse stoxx hang leitindex barometer".split()
)
DEFINE = "defined as|is defined|definiert als|gilt als|is considered|considered"
# records and streaks: a year or a count in them belongs to the record claim
RECORD = (
    "biggest|largest|worst|best|lowest|highest|steepest|sharpest|strongest|weakest|greatest|"
    "most|größte|größten|größter|größtes|stärkste|stärksten|höchste|höchsten|höchster|"
    "höchstes|tiefste|tiefsten|tiefster|tiefstes|niedrigste|niedrigsten|niedrigster|beste|"
    "besten|bester|bestes|schlechteste|schlechtesten|schwerste|schwersten|heftigste|"
    "heftigsten|kräftigste|kräftigsten|steilste|steilsten|record|records|rekord|all-time|"
    "allzeithoch|allzeittief|rekordhoch|rekordtief|first time|erstmals|zum ersten mal|low|"
    "high|trough|peak|tief|hoch|closing low|closing high|tiefstand|höchststand|rekordstand|"
    "tiefststand|mehrjahrestief|mehrjahreshoch|jahreshoch|jahrestief|tageshoch|tagestief|"
    "record high|record close|record low|rekordhoch|allzeithoch"
)
STREAK = "consecutive|straight|in a row|in folge|hintereinander|am stück|running"
RECORD_NOUNS = frozenset("low high trough peak hoch tief lows highs".split())
# words that never start a modal's scope: the modal then governs another verb
NEUTRAL = (
    "than expected|than forecast|than estimated|than anticipated|than estimates|as expected|"
    "als erwartet|als prognostiziert|als befürchtet|als gedacht|als angenommen|wie erwartet|"
    "auch wenn|even if|wie berichtet|as reported|by market cap|by market value|"
    "by market capitalization|by market capitalisation|by valuation|by revenue|by sales|"
    "nach marktkapitalisierung|nach börsenwert|gemessen am börsenwert|"
    "gemessen an der marktkapitalisierung|nach umsatz"
)
# finite verbs: a clause with one has its own predicate, whose subject opens the sentence
# ("Alibaba, the third-biggest stock ..., jumped 19 per cent"); without one it continues the
# clause before it ("..., up 2.4% from Tuesday's close")
FINITE_VERBS = frozenset(
    "rose rises fell falls sank sinks slid slides lost loses shed gained gains jumped jumps "
    "climbed climbs surged surges soared soars rallied rallies advanced advances added adds "
    "dropped drops declined declines tumbled tumbles plunged plunges slumped slumps dipped "
    "dips retreated retreats slipped slips crashed plummeted grew grows increased decreased "
    "eased rebounded rebounds spiked popped leapt leaped closed closes ended ends finished "
    "opened opens traded trades is was are were has had have hit hits reached reaches "
    "stieg stiegen steigt fiel fielen fällt sank sanken sinkt verlor verloren verliert gewann "
    "gewannen gewinnt legte legten legt kletterte kletterten klettert sprang sprangen springt "
    "schoss schossen rutschte rutschten sackte sackten brach brachen büßte büßten gab gaben "
    "zog zogen ging gingen schloss schlossen notierte notierten notiert wuchs wuchsen erreichte "
    "erreichten erreicht ist sind war waren hat haben hatte hatten lag lagen liegt stand "
    "standen steht beträgt betrug verteuerte verbilligte schrumpfte".split()
)
BREAK = (
    "after|nachdem|before|bevor|but|aber|doch|jedoch|then|dann|while|während|whereas|because|"
    "weil|and|und|or|oder|sending|pushing|driving"
)
# words between a number and its head noun: prepositions ("$4.3 billion in revenue", "26
# Milliarden Dollar an Börsenwert"), genitives ("Prozent des Umsatzes"), and articles after one of
# those ("48 of the 50 index members"); an article right after the number starts an object
PREPOSITIONS = frozenset("of in an im des der".split())
ARTICLES = frozenset("the der des den dem die das a its their seiner ihrer".split())
# German compounds not listed whole, by their last part ("Gewinnprognose", "Quartalsumsatz");
# never "-gewinn", "-verlust" or "-wert", which are price words as often ("Kursgewinn")
GERMAN_SUFFIXES: dict[str, str] = dict(
    pair.split("=")
    for pair in (
        "prognose=forecast prognosen=forecast schätzung=forecast schätzungen=forecast "
        "erwartung=forecast erwartungen=forecast umsatz=revenue umsätze=revenue "
        "umsatzes=revenue erlöse=revenue dividende=payout zölle=tariff zöllen=tariff "
        "zinsen=rate zuflüsse=flow abflüsse=flow kursziel=price_target kursziele=price_target "
        "volumen=volume beteiligung=stake kosten=profit schulden=fundamental marge=profit"
    ).split()
)
# where a record's noun ends ("the biggest inflow | since 1993")
ANCHORS = frozenset("since seit for of in im".split())
# a price word after these is a complement ("price target for the shares"), and a noun after
# "since"/"seit" is a time anchor ("seit dem Börsengang"), not the number's subject; so is a noun
# right after "from"/"vom", what a move starts at ("from their HK$17 IPO price")
COMPLEMENT_MARKERS = frozenset("for on of to für auf von in into am im der des".split())
ANCHOR_MARKERS = frozenset("since seit".split())
START_MARKERS = frozenset("from vom".split())
# words between a noun and its own number ("Umsatzplus von rund 9 Prozent")
NOUN_LINKS = frozenset(
    "of von at bei auf to in höhe rund etwa fast knapp gut mehr als über unter ca about around "
    "nearly almost roughly some more than over".split()
)
ADVERBIAL_MARKERS = frozenset(
    "nach wegen trotz dank infolge angesichts after despite amid following thanks".split()
)
DETERMINERS = frozenset(
    "the its their a an der die das dem den des ihr ihre ihren seinem seine".split()
)
# words that end the search for a head noun after the number
STOPS = frozenset(
    "amid on after as despite with to at from for by nach bei auf mit trotz wegen vor seit since "
    "before while during während than als und and or oder but aber higher lower höher tiefer "
    "up down rund etwa fast knapp gut about around nearly almost roughly some zum zur gegenüber "
    "vs versus compared".split()
)
SCALES: dict[str, float] = {
    word: float(factor)
    for spec in (
        "thousand=1e3 k=1e3 tsd=1e3 tausend=1e3 million=1e6 millions=1e6 mn=1e6 mln=1e6 m=1e6 "
        "mio=1e6 millionen=1e6 billion=1e9 billions=1e9 bn=1e9 bln=1e9 b=1e9 mrd=1e9 "
        "milliarden=1e9 milliarde=1e9 trillion=1e12 trillions=1e12 tn=1e12 trn=1e12 bio=1e12 "
        "billionen=1e12"
    ).split()
    for word, factor in [spec.split("=")]
}
CURRENCIES = frozenset(
    "dollar dollars us-dollar us-dollars usd euro euros eur yuan renminbi rmb cny hk-dollar "
    "hongkong-dollar hkd franken chf pfund pounds gbp yen jpy".split()
)
UNITS = frozenset(
    "percent per cent prozent pct prozentpunkte prozentpunkt prozentpunkten percentage "
    "basispunkte basispunkten bps".split()
)
# capitalised words that are not names or nouns: an English clause of only these is elliptical
FUNCTION_CAPS = frozenset(
    "the a an in at with after as on by for from since this that it its so and but or while "
    "der die das im am mit bei zum zur von auf um nach seit für laut dabei damit zuletzt "
    "insgesamt allein auch noch nur rund etwa fast knapp gut über unter mehr weniger".split()
)
# written exactly so ("may" the modal, not the month; "holding" not "Alibaba Group Holding")
CASE_SENSITIVE: dict[str, str] = {
    w.lower(): w
    for w in "may will wert Hoch Tief holding holdings target targets deal fine most mark cash "
    "Stand M B k".split()
}
