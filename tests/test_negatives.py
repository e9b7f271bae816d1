"""Numbers that are not market-price claims (impact.claims.negatives), on sentences written for
these tests: every kind of non-price number with its reason, and price claims (moves, levels,
records, hedged, next to negatives in one sentence) that must give None.

The number under test is marked [[like this]]; its unit, currency and scale come from
numbers.find_numbers, as the extractor gives them (a bare numeral: None, None, 1.0)."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.claims.negatives import (
    NegativeScan,
    NonPriceReason,
    negative_scan,
    non_price_reason,
)
from impact.claims.numbers import find_numbers
from impact.claims.sentences import clause_bounds
from impact.errors import InputError


def judge(lang: str, marked: str) -> str | None:
    start = marked.index("[[")
    end = marked.index("]]") - 2
    sentence = marked.replace("[[", "").replace("]]", "")
    found = [n for n in find_numbers(sentence, lang) if n.start < end and n.end > start]  # type: ignore[arg-type]
    if found:
        n = found[0]
        a, b, unit, currency, scale = n.start, n.end, n.unit, n.currency, n.scale
    else:
        a, b, unit, currency, scale = start, end, None, None, 1.0
    return non_price_reason(sentence, a, b, clause_bounds(sentence, a, b), unit, currency, scale)


NEGATIVES_EN = [
    # market value
    ("Nvidia's market value climbed to [[$3.4 trillion]] on Tuesday.", "market_cap"),
    ("The chipmaker is now worth [[$2.9 trillion]], second only to Microsoft.", "market_cap"),
    ("Shares of Tesla rose 4%, adding [[$38 billion]] to its market capitalization.", "market_cap"),
    ("Meta became the latest [[$1 trillion]] company.", "market_cap"),
    ("The retailer has a market cap of about [[$45 billion]].", "market_cap"),
    ("Together the seven stocks lost [[$800 billion]] in value on Monday.", "market_cap"),
    ("The selloff wiped [[$90 billion]] off the group's market value.", "market_cap"),
    ("At that price the bank is valued at [[$61 billion]].", "market_cap"),
    ("The stock trades at [[40]] times earnings.", "fundamental"),
    ("Hedge funds cut their net exposure to Chinese stocks by [[3 percentage points]].", "stake"),
    ("Short interest rose to [[3.2%]] of the float.", "stake"),
    ("Alphabet's cloud unit grew [[28%]] in the quarter.", "fundamental"),
    ("About [[60%]] of S&P 500 companies have reported results so far.", "count"),
    ("The options market is pricing in a move of [[8%]] in either direction.", "forecast"),
    ("The drop wiped out about [[$30 billion]] of Apple's value.", "market_cap"),
    ("Investors have poured [[$4 billion]] into the fund since January.", "amount"),
    ("The stock rose 3%, less than the [[5%]] expected by analysts.", "forecast"),
    ("The Consumer Price Index rose [[3.1%]] in January.", "rate"),
    ("Shares traded 5% higher, while the company's bonds yielded [[6%]].", "rate"),
    # price targets
    ("Goldman Sachs lifted its price target on Apple to [[$250]] from $230.", "price_target"),
    ("Goldman Sachs lifted its price target on Apple to $250 from [[$230]].", "price_target"),
    ("The new target implies upside of [[18%]] from Friday's close.", "price_target"),
    ("Analysts see [[25%]] upside for the stock.", "price_target"),
    ("Jefferies cut its target for the shares to [[$95]].", "price_target"),
    ("The average analyst rating implies [[14%]] upside.", "price_target"),
    ("Citi set a Street-high [[$320]] target on the chipmaker.", "price_target"),
    ("Morgan Stanley's price objective of [[$410]] is the highest on Wall Street.", "price_target"),
    # forecasts and guidance
    ("Analysts polled by LSEG expect the company to report [[5%]] growth.", "forecast"),
    ("The company forecast second-quarter sales of [[$13.5 billion]].", "revenue"),
    ("Consensus estimates call for revenue of [[$24 billion]].", "revenue"),
    ("Wall Street expects earnings of [[$1.42]] a share.", "profit"),
    ("Morgan Stanley sees the stock reaching [[$300]] over the next year.", "forecast"),
    ("Analysts expect the shares to climb [[15%]] next year.", "forecast"),
    ("The stock is expected to open [[2%]] lower.", "forecast"),
    ("Guidance of [[$2.10]] per share disappointed investors.", "forecast"),
    # company figures
    ("Quarterly revenue jumped [[22%]] to $8.1 billion.", "revenue"),
    ("Quarterly revenue jumped 22% to [[$8.1 billion]].", "revenue"),
    ("Sales in China fell [[11%]] in the March quarter.", "revenue"),
    ("Cloud revenue now makes up [[31%]] of the total.", "revenue"),
    ("Europe accounts for [[25%]] of group sales.", "revenue"),
    ("Net income rose [[15%]] to $2.3 billion.", "profit"),
    ("The bank earned [[$4.10]] per share in the quarter.", "profit"),
    ("The operating margin widened to [[18.4%]].", "profit"),
    ("Adjusted EPS came in at [[$0.98]], ahead of the consensus.", "profit"),
    ("The board raised the quarterly dividend to [[$0.26]] a share.", "payout"),
    ("The company announced a [[$10 billion]] share buyback.", "payout"),
    ("Apple will pay a [[$0.25]] dividend.", "payout"),
    ("Free cash flow reached [[$9 billion]].", "fundamental"),
    ("The lender set aside [[$1.2 billion]] for bad loans.", "fundamental"),
    ("Its P/E ratio of [[28]] is above the sector average.", "fundamental"),
    ("It grew [[12%]] year on year.", "growth"),
    ("Orders were up [[9%]] from a year earlier.", "fundamental"),
    # stakes and trades
    ("BlackRock now holds a [[5.1%]] stake in the lender.", "stake"),
    ("Berkshire trimmed its stake by [[13%]].", "stake"),
    ("The fund bought [[2 million]] shares last week.", "stake"),
    ("Insiders sold [[$45 million]] worth of stock in March.", "stake"),
    ("The founder sold [[$300 million]] of shares through a trust.", "stake"),
    # market share, volume, flows
    ("Samsung's market share slipped to [[19%]].", "market_share"),
    ("Trading volume was [[40%]] above the 30-day average.", "volume"),
    ("The ETF saw inflows of [[$1.2 billion]] last week.", "flow"),
    (
        "Investors pulled a record [[$3.1 billion]] from the fund, its biggest outflow since 2020.",
        "flow",
    ),
    # tariffs, rates and the economy
    ("Washington imposed a [[25%]] tariff on imported steel.", "tariff"),
    ("Beijing raised duties on US farm goods to [[15%]].", "tariff"),
    ("The Fed held rates at [[5.25%]] to 5.5%.", "rate"),
    ("The Fed cut its benchmark rate by [[50 basis points]].", "rate"),
    ("The 10-year Treasury yield rose to [[4.6%]].", "rate"),
    ("Unemployment fell to [[3.9%]] in May.", "rate"),
    ("GDP grew at an annualized [[2.8%]] pace.", "rate"),
    # index weight and contribution
    ("Apple has a weighting of [[7%]] in the S&P 500.", "index_weight"),
    ("With a [[6%]] weighting, the stock dragged the index down by 0.4%.", "index_weight"),
    ("With a 6% weighting, the stock dragged the index down by [[0.4%]].", "contribution"),
    ("Microsoft alone pulled down the index by [[0.2%]].", "contribution"),
    ("Nvidia accounted for [[40 points]] of the Nasdaq's gain.", "contribution"),
    # offerings and deals
    ("The company raised [[$1.5 billion]] in its IPO.", "offering"),
    ("The chipmaker priced a [[$2 billion]] stock offering on Monday.", "offering"),
    ("The takeover values the company at [[$12 billion]].", "deal"),
    ("Regulators capped the fine at [[$2.8 billion]].", "fundamental"),
    # counts and durations
    ("[[27]] of the 30 Dow members closed lower.", "count"),
    ("All [[11]] sectors of the S&P 500 ended higher.", "count"),
    ("Of the [[45]] analysts covering the stock, 38 rate it a buy.", "count"),
    ("Apple sold [[232 million]] iPhones last year.", "count"),
    ("The company employs [[161,000]] people.", "count"),
    ("Netflix added [[9 million]] subscribers in the quarter.", "count"),
    ("The automaker delivered [[435,000]] vehicles in the quarter.", "count"),
    ("The ETF holds [[503]] stocks.", "count"),
    ("With [[15.2 billion]] shares outstanding, every dollar counts.", "count"),
    ("The company plans to cut [[4,000]] jobs.", "count"),
    ("The rally has lasted [[14]] months.", "duration"),
    ("The lock-up period ends in [[180]] days.", "duration"),
    ("Analysts give the turnaround [[18]] months.", "duration"),
    ("The company was founded in [[1998]].", "year"),
    # definitions, thresholds, distances, hypotheticals
    ("A correction is commonly defined as a decline of [[10%]] from a recent high.", "definition"),
    ("The index is now beyond the [[20%]] threshold for a bear market.", "definition"),
    ("The Dax closed just [[50 points]] away from its record.", "difference"),
    ("If the stock falls another [[10%]], it would enter a bear market.", "hypothetical"),
    ("Such a ban could knock [[15%]] off the share price.", "hypothetical"),
    ("The stock needs to rally [[12%]] to reclaim its high.", "hypothetical"),
    ("A full ban would cut revenue by [[$20 billion]] a year.", "revenue"),
    ("The shares would have to fall [[30%]] before the fund sells.", "hypothetical"),
]

NEGATIVES_DE = [
    ("Der Börsenwert von SAP stieg auf rund [[280 Milliarden Euro]].", "market_cap"),
    ("Damit ist der Konzern an der Börse nur noch [[40 Milliarden Euro]] wert.", "market_cap"),
    ("Die Marktkapitalisierung des Autobauers schrumpfte um [[12 Prozent]].", "market_cap"),
    ("Mit einem Schlag wurden [[15 Milliarden Euro]] Börsenwert vernichtet.", "market_cap"),
    ("Der Kursrutsch kostete die Aktionäre [[9 Milliarden Euro]].", "amount"),
    (
        "Die Deutsche Bank hob das Kursziel für die Aktie von 180 auf [[200 Euro]] an.",
        "price_target",
    ),
    (
        "Die Deutsche Bank hob das Kursziel für die Aktie von [[180]] auf 200 Euro an.",
        "price_target",
    ),
    ("Das durchschnittliche Kursziel der Analysten liegt bei [[54 Euro]].", "price_target"),
    ("Das entspricht einem Aufwärtspotenzial von [[30 Prozent]].", "price_target"),
    ("Die Experten sehen für das Papier ein Kurspotenzial von [[25 Prozent]].", "price_target"),
    ("Die Analysten rechnen im Schnitt mit einem Plus von [[4 Prozent]].", "forecast"),
    (
        "Für das kommende Jahr erwartet das Management ein Umsatzwachstum von [[8 Prozent]].",
        "revenue",
    ),
    ("Der Konzern bestätigte seine Umsatzprognose von [[30 Milliarden Euro]].", "forecast"),
    ("Die Bank senkte ihre Gewinnprognose auf [[2 Euro]] je Aktie.", "forecast"),
    ("Die Aktie dürfte zum Handelsstart rund [[3 Prozent]] höher eröffnen.", "forecast"),
    ("Händler befürchten, dass die Aktie um [[10 Prozent]] fallen könnte.", "hypothetical"),
    (
        "Sollte der Dax unter [[15.000 Punkte]] fallen, droht ein weiterer Ausverkauf.",
        "hypothetical",
    ),
    ("Das entspräche einem Kursziel von [[120 Euro]].", "price_target"),
    (
        "Der Umsatz kletterte im zweiten Quartal um [[7,5 Prozent]] auf 12,3 Milliarden Euro.",
        "revenue",
    ),
    (
        "Der Umsatz kletterte im zweiten Quartal um 7,5 Prozent auf [[12,3 Milliarden Euro]].",
        "revenue",
    ),
    ("Die Erlöse lagen mit [[3,2 Milliarden Euro]] über den Erwartungen.", "revenue"),
    ("Der Quartalsumsatz wuchs um [[6 Prozent]].", "revenue"),
    ("Der Nettogewinn brach um [[40 Prozent]] ein.", "profit"),
    ("Je Aktie verdiente der Konzern [[2,15 Euro]].", "profit"),
    ("Das operative Ergebnis stieg um [[9 Prozent]].", "profit"),
    ("Die Dividende soll auf [[1,10 Euro]] je Aktie steigen.", "payout"),
    ("Das Unternehmen schüttet [[2,50 Euro]] Dividende je Aktie aus.", "payout"),
    ("Im Vorjahresvergleich ergibt sich ein Plus von [[6 Prozent]].", "growth"),
    ("Um [[zehn Prozent]] stieg der Umsatz im Jahresvergleich.", "revenue"),
    ("Die Nettoverschuldung sank auf [[4 Milliarden Euro]].", "fundamental"),
    ("Der Staatsfonds hält einen Anteil von [[9,9 Prozent]].", "stake"),
    ("Die Bank hält [[4,8 Prozent]] der Stimmrechte.", "stake"),
    ("Die Familie verkaufte Aktien im Wert von [[1,2 Milliarden Euro]].", "stake"),
    ("Der Investor erwarb [[3 Millionen]] Aktien des Versorgers.", "stake"),
    ("Der Marktanteil von Apple in China sank auf [[15 Prozent]].", "market_share"),
    ("Das Handelsvolumen erreichte [[4,5 Milliarden Euro]].", "volume"),
    ("Die Abflüsse aus dem Fonds summierten sich auf [[800 Millionen Euro]].", "flow"),
    ("Die EU will Zölle von bis zu [[38 Prozent]] auf E-Autos erheben.", "tariff"),
    ("Die Inflationsrate lag im Mai bei [[2,4 Prozent]].", "rate"),
    ("Das BIP wuchs um [[0,3 Prozent]].", "rate"),
    ("Die Notenbank senkte den Leitzins um [[0,25 Prozentpunkte]].", "rate"),
    ("Der Ifo-Index stieg um [[1,2 Punkte]].", "rate"),
    ("Analysten hatten ein Plus von [[5 Prozent]] erwartet.", "forecast"),
    ("Um [[5 Prozent]] legte der Gewinn zu.", "profit"),
    ("Die Gewichtung von SAP im Dax liegt bei rund [[14 Prozent]].", "index_weight"),
    ("Die Gewichtung der Aktie im Dax liegt bei [[9 Prozent]].", "index_weight"),
    ("Die Zahl der Beschäftigten sank um [[3 Prozent]].", "fundamental"),
    (
        "Für das Gesamtjahr peilt der Konzern einen Umsatz von [[100 Milliarden Euro]] an.",
        "revenue",
    ),
    ("Laut Unternehmen soll der Umsatz im laufenden Jahr um [[5 Prozent]] steigen.", "revenue"),
    ("Die Aktie soll nach Einschätzung von Goldman auf [[250 Euro]] steigen.", "forecast"),
    ("Die Aktionäre sollen eine Dividende von [[1,50 Euro]] erhalten.", "payout"),
    ("Die Aktie ist mit einem Kurs-Gewinn-Verhältnis von [[12]] günstig bewertet.", "fundamental"),
    (
        "Die Aktie, deren Gewichtung im Dax bei [[9 Prozent]] liegt, fiel um 3 Prozent.",
        "index_weight",
    ),
    ("Allein SAP kostete den Dax [[40 Punkte]].", "contribution"),
    ("Beim Börsengang nahm das Unternehmen [[2,3 Milliarden Euro]] ein.", "offering"),
    ("Die EU-Kommission verhängte eine Strafe von [[1,8 Milliarden Euro]].", "fundamental"),
    ("Von den 40 Dax-Werten schlossen [[32]] im Minus.", "count"),
    ("Von [[25]] Analysten empfehlen 20 die Aktie zum Kauf.", "count"),
    ("Von 25 Analysten empfehlen 20 die Aktie [[17]] zum Kauf.", "count"),
    ("Die Bank beschäftigt weltweit [[84.000]] Mitarbeiter.", "count"),
    ("Der Konzern hat [[1,2 Milliarden]] ausstehende Aktien.", "count"),
    ("Das Unternehmen will bis 2027 rund [[5.000]] Stellen streichen.", "count"),
    ("Das Unternehmen will bis [[2027]] rund 5.000 Stellen streichen.", "year"),
    ("Die Haltefrist beträgt [[6]] Monate.", "duration"),
    ("Der Streik dauerte [[11]] Tage.", "duration"),
    ("Der Dax ist nur noch [[80 Punkte]] von seinem Rekordhoch entfernt.", "difference"),
    (
        "Ein Bärenmarkt gilt als erreicht, wenn ein Index [[20 Prozent]] unter dem Hoch notiert.",
        "hypothetical",
    ),
]

PRICES_EN = [
    "Apple shares rose [[3.2%]] to $187.40 on Thursday.",
    "Apple shares rose 3.2% to [[$187.40]] on Thursday.",
    "The S&P 500 closed down [[1.1%]] at 5,120.3.",
    "The S&P 500 closed down 1.1% at [[5,120.3]].",
    "The Nasdaq 100 fell [[250 points]].",
    "Shares of Alibaba jumped as much as [[9%]] in Hong Kong.",
    "The stock is up [[40%]] this year, lifting its market value to $90 billion.",
    "Nike shares fell [[6%]] even though revenue rose 2%.",
    "The shares slid [[4%]] after the company cut its revenue forecast.",
    "Revenue beat estimates and the stock jumped [[8%]] in late trading.",
    "Alphabet gained [[2.5%]], outpacing the Nasdaq.",
    "Shares hit a record high of [[$212.50]] before paring gains.",
    "The stock closed at [[$98.15]], its lowest since 2020.",
    "Down [[7%]] on the week, the shares are heading for their worst week since March.",
    "It was the stock's biggest one-day gain since [[2020]].",
    "The index fell for the [[5th]] straight session.",
    "Shares have tumbled [[30%]] over the past 12 months.",
    "The stock trades at [[$45]], well below the $60 price target set by Citi.",
    "Amazon rose [[1.4%]] while Microsoft's market value fell below $3 trillion.",
    "The benchmark Hang Seng Index dropped [[2.3%]] to 17,100.",
    "Investors dumped the stock, sending it down [[12%]] on the day.",
    "Its ADRs rose [[5%]] in New York overnight.",
    "Shares rose [[3%]] after the company said it would raise its dividend.",
    "Shares fell [[5%]] as investors feared tariffs could hurt margins.",
    "The stock gained [[4%]], more than analysts had expected.",
    "Shares rose more than expected, climbing [[6%]].",
    "The stock rallied [[11%]] year-on-year.",
    "The company's market value rose as its shares climbed [[2%]].",
    "Apple's shares, which make up about 7% of the S&P 500, fell [[2%]].",
    "Tesla shares are trading at [[$250]] apiece.",
    "Berkshire's class A shares topped [[$700,000]] each for the first time.",
    "Class A shares crossed [[$3k]] a share for the first time.",
    "The stock is on course for its biggest gain in [[5]] years.",
    "The shares hit a [[52]]-week low.",
    "The stock has fallen for [[4]] consecutive sessions.",
    "The Dow Jones Industrial Average rose [[400 points]], or 1%.",
    "The Dow Jones Industrial Average rose 400 points, or [[1%]].",
    "The index fell [[2.1%]] to its lowest level since 2022.",
    "The index fell 2.1% to its lowest level since [[2022]].",
    "Shares of the company, which reported revenue of $5 billion, fell [[3%]].",
    "Apple shares rose [[2%]] after revenue climbed 5% to $90 billion.",
    "The stock jumped [[7%]], adding $20 billion to its market value.",
    "Nvidia gained [[3%]], lifting its market capitalization above $3 trillion.",
    "Shares fell [[4%]] even as UBS raised its price target to $150.",
    "Tesla delivered 387,000 cars and the stock rose [[3%]].",
    "Meta shares soared [[20%]], their best day since 2013.",
    "Meta shares soared 20%, their best day since [[2013]].",
    "The stock ended the week [[3%]] lower.",
    "Shares were little changed at [[$31.02]] in premarket trading.",
    "Shares rose [[5%]] in heavy volume.",
    "The stock could rebound, analysts say, after falling [[15%]] this week.",
    "The stock is set for its biggest weekly gain since [[2022]].",
    "Shares were set for a [[9%]] weekly gain.",
    "Shares are on track to close [[5%]] higher.",
    "The shares opened [[10%]] higher at $55.",
    "Brent crude rose [[2%]] to $85 a barrel.",
    "Apple's stock, up [[30%]] this year, is the most valuable at $3.5 trillion.",
    "The stock fell 3% on Tuesday, extending its decline since the IPO to [[40%]].",
    "Shares could have risen more, but they ended [[2%]] higher.",
    "Investors worry tariffs will hit the company, and the stock fell [[6%]].",
    "Demand for iPhones pushed Apple shares up [[3%]].",
    "The price of the stock rose [[5%]].",
    "Shares of Volkswagen, whose sales fell 5%, dropped [[3%]].",
    "The stock slumped [[8%]] on weaker-than-expected revenue.",
    "Better-than-expected results sent the shares up [[5%]].",
    "JPMorgan raised its target to $200, and the stock rose 3% to [[$180]].",
    "The stock rose 3% to [[$180]], above Citi's $170 target.",
    "The shares fell 5% to [[$40]], valuing the company at $4 billion.",
    "Apple is about [[5%]] away from its record high.",
    "Profit warnings sent the shares [[10%]] lower.",
    "Baidu, which gets most of its revenue from advertising, saw its shares drop [[6%]].",
    "Apple, the world's most valuable company with a market cap of $3.4 trillion, slipped [[0.8%]].",
    "The Hang Seng Tech index, which tracks the 30 largest tech firms, jumped [[5%]].",
    "PDD's shares sank [[29%]] after the Temu owner warned that revenue growth would slow.",
    "Nvidia shares rose 2% to a record [[$140.76]], giving it a market value of $3.45 trillion.",
    "The stock is down [[18%]] from its February peak.",
]

PRICES_DE = [
    "Die Aktie von Siemens stieg um [[4,2 Prozent]] auf 180,50 Euro.",
    "Die Aktie von Siemens stieg um 4,2 Prozent auf [[180,50 Euro]].",
    "Der Dax schloss [[0,8 Prozent]] tiefer bei 18.250 Punkten.",
    "Der Dax schloss 0,8 Prozent tiefer bei [[18.250 Punkten]].",
    "Die Papiere verloren zeitweise [[7 Prozent]].",
    "Trotz eines Umsatzplus legte die Aktie um [[3 Prozent]] zu.",
    "Der Umsatz enttäuschte, die Aktie fiel um [[6 Prozent]].",
    "Nach den Zahlen zum Gewinn sackten die Titel um [[9 Prozent]] ab.",
    "Seit Jahresbeginn hat das Papier [[25 Prozent]] gewonnen.",
    "Die Aktie notiert [[12 Prozent]] unter ihrem Rekordhoch.",
    "Es war der größte Tagesverlust seit [[2016]].",
    "Der Index verbuchte ein Plus von [[1,5 Prozent]].",
    "Der Leitindex gewann [[150 Punkte]] auf 19.000 Zähler.",
    "Im frühen Handel stand ein Gewinn von [[0,6 Prozent]] zu Buche.",
    "Der Index verbuchte Gewinne in Höhe von [[0,9 Prozent]].",
    "Die Aktie kostet aktuell [[95 Euro]].",
    "Zuletzt notierten die Anteilsscheine bei [[61,20 Euro]].",
    "Die Aktie stieg stärker als erwartet um [[5 Prozent]].",
    "Die Aktie hat sich binnen drei Wochen um [[20 Prozent]] verteuert.",
    "Der Kurs fiel auf [[45 Euro]], den tiefsten Stand seit März.",
    "Der Hang Seng rutschte um [[3 Prozent]] ab, nachdem Peking neue Regeln angekündigt hatte.",
    "Die Aktie zog um [[4 Prozent]] an und markierte ein Rekordhoch von 120 Euro.",
    "Die Aktie zog um 4 Prozent an und markierte ein Rekordhoch von [[120 Euro]].",
    "Das Papier verbilligte sich um [[2,5 Prozent]], während der Umsatz der Firma zulegte.",
    "Die Aktie könnte weiter fallen, nachdem sie heute [[8 Prozent]] verloren hat.",
    "Der Kurs halbierte sich seit dem Börsengang auf [[12 Euro]].",
    "Die Aktie stieg um [[5 Prozent]], der Börsenwert kletterte damit auf 300 Milliarden Euro.",
    "Der Umsatz stieg um 8 Prozent, die Aktie gab dennoch [[2 Prozent]] nach.",
    "Die Aktie, deren Gewichtung im Dax bei 9 Prozent liegt, fiel um [[3 Prozent]].",
    "Der Gewinn sprang um 50 Prozent, die Aktie um [[10 Prozent]].",
    "Die Aktie dürfte heute freundlich starten, nachdem sie gestern um [[4 Prozent]] gefallen war.",
    "Die Aktie notiert mit einem Abschlag von [[15 Prozent]] zum Ausgabepreis.",
    "Das Jahrestief liegt dagegen bei [[4.590,25 Punkten]].",
    "Der S&P 500 überschritt erstmals die [[5.000]]-Punkte-Marke.",
    "Die Aktie fiel erstmals seit [[2019]] unter 50 Euro.",
    "Die Aktie fiel auf ein [[Fünfjahrestief]].",
    "Seit dem Rekordhoch im Juli hat der Nasdaq 100 rund [[10 Prozent]] verloren.",
    "Um [[3 Prozent]] gab der Dax nach.",
    "Die Papiere legten nach einer Kurszielerhöhung um [[6 Prozent]] zu.",
    "Nach der Anhebung des Kursziels auf 80 Euro stiegen die Aktien um [[4 Prozent]].",
    "Die Aktie zählt mit einem Plus von [[80 Prozent]] zu den besten Werten im Dax.",
    "Unter den 30 Dax-Werten war SAP mit einem Plus von [[3 Prozent]] der stärkste.",
    "Die Aktie des Autobauers, der 5 Milliarden Euro Umsatz machte, stieg um [[2 Prozent]].",
    "Die Aktie fiel um [[5 Prozent]], wie die Börse in Frankfurt mitteilte.",
    "Trotz starker Umsätze fiel der Kurs um [[5 Prozent]].",
    "Der Euro stieg um [[0,4 Prozent]] auf 1,09 Dollar.",
    "Im Handelsverlauf büßte der Dax bis zu [[2,1 Prozent]] ein.",
    "Mit einem Minus von [[4 Prozent]] war die Aktie Schlusslicht im Dax.",
    "Die Anleger trennten sich von den Papieren, die zeitweise um [[9 Prozent]] absackten.",
    "Die Aktie der Deutschen Bank kletterte um [[3 Prozent]], nachdem die Bank einen Gewinnsprung meldete.",
]

MIXED = [
    # the same sentence, one number a price claim, another not
    ("en", "Apple shares rose 2% after revenue climbed [[5%]] to $90 billion.", "revenue"),
    ("en", "Apple shares rose 2% after revenue climbed 5% to [[$90 billion]].", "revenue"),
    ("en", "The stock jumped 7%, adding [[$20 billion]] to its market value.", "market_cap"),
    (
        "en",
        "The stock is up 40% this year, lifting its market value to [[$90 billion]].",
        "market_cap",
    ),
    ("en", "Shares fell 4% even as UBS raised its price target to [[$150]].", "price_target"),
    (
        "en",
        "The stock trades at $45, well below the [[$60]] price target set by Citi.",
        "price_target",
    ),
    ("en", "Tesla delivered [[387,000]] cars and the stock rose 3%.", "count"),
    (
        "de",
        "Die Aktie stieg um 5 Prozent, der Börsenwert kletterte damit auf [[300 Milliarden Euro]].",
        "market_cap",
    ),
    ("de", "Der Umsatz stieg um [[8 Prozent]], die Aktie gab dennoch 2 Prozent nach.", "revenue"),
    ("de", "Der Gewinn sprang um [[50 Prozent]], die Aktie um 10 Prozent.", "profit"),
    ("de", "Die Aktie hat sich binnen [[drei]] Wochen um 20 Prozent verteuert.", "duration"),
    ("de", "Nach einem Umsatzplus von [[9 Prozent]] legte die Aktie um 4 Prozent zu.", "revenue"),
    ("de", "Nach einem Umsatzplus von 9 Prozent legte die Aktie um [[4 Prozent]] zu.", None),
    ("de", "Die Aktie ist nach dem Gewinnsprung um [[6 Prozent]] gestiegen.", None),
    ("en", "The stock is trading [[3%]] below its IPO price of $20.", None),
    ("en", "The stock is trading 3% below its IPO price of [[$20]].", "offering"),
    ("en", "Shares in the lender fell [[4%]] after it reported a 20% drop in profit.", None),
    ("en", "Shares in the lender fell 4% after it reported a [[20%]] drop in profit.", "profit"),
    ("en", "With revenue up [[10%]], the stock gained 5%.", "revenue"),
    ("en", "With revenue up 10%, the stock gained [[5%]].", None),
    ("en", "The stock, which has a dividend yield of [[3%]], slipped 1%.", "payout"),
    ("en", "The stock, which has a dividend yield of 3%, slipped [[1%]].", None),
    ("en", "The stock rose 3% to $180, above Citi's [[$170]] target.", "price_target"),
    ("en", "The shares fell 5% to $40, valuing the company at [[$4 billion]].", "market_cap"),
    ("en", "Shares of Volkswagen, whose sales fell [[5%]], dropped 3%.", "revenue"),
    (
        "de",
        "Nach der Anhebung des Kursziels auf [[80 Euro]] stiegen die Aktien um 4 Prozent.",
        "price_target",
    ),
    (
        "de",
        "Die Aktie des Autobauers, der [[5 Milliarden Euro]] Umsatz machte, stieg um 2 Prozent.",
        "revenue",
    ),
]


@pytest.mark.parametrize("marked, reason", NEGATIVES_EN)
def test_english_non_price_numbers(marked, reason):
    assert judge("en", marked) == reason


@pytest.mark.parametrize("marked, reason", NEGATIVES_DE)
def test_german_non_price_numbers(marked, reason):
    assert judge("de", marked) == reason


@pytest.mark.parametrize("marked", PRICES_EN)
def test_english_price_claims_are_candidates(marked):
    assert judge("en", marked) is None


@pytest.mark.parametrize("marked", PRICES_DE)
def test_german_price_claims_are_candidates(marked):
    assert judge("de", marked) is None


@pytest.mark.parametrize("lang, marked, reason", MIXED)
def test_price_and_non_price_numbers_in_one_sentence(lang, marked, reason):
    assert judge(lang, marked) == reason


def test_enough_sentences_of_both_kinds():
    negatives = len(NEGATIVES_EN) + len(NEGATIVES_DE) + sum(r is not None for *_, r in MIXED)
    prices = len(PRICES_EN) + len(PRICES_DE) + sum(r is None for *_, r in MIXED)
    assert negatives >= 150 and prices >= 100


def test_scan_is_shared_and_reused():
    sentence = "Revenue rose 9% to $5 billion and the shares rose 4%."
    scan = negative_scan(sentence)
    assert negative_scan(sentence) is scan
    assert isinstance(scan, NegativeScan)
    spans = [(n.start, n.end, n.unit, n.currency, n.scale) for n in find_numbers(sentence, "en")]
    got = [
        non_price_reason(sentence, a, b, clause_bounds(sentence, a, b), u, c, s, scan=scan)
        for a, b, u, c, s in spans
    ]
    assert got == ["revenue", "revenue", None]


@pytest.mark.parametrize(
    "start, end, clause",
    [(5, 3, (0, 10)), (-1, 3, (0, 10)), (2, 99, (0, 10)), (2, 4, (3, 10)), (2, 4, (0, 3))],
)
def test_bad_spans_are_a_clear_error(start, end, clause):
    with pytest.raises(InputError, match="do not fit a sentence of 20 characters"):
        non_price_reason("The shares rose 5%..", start, end, clause, "percent", None)


def test_number_words_read_their_unit_words():
    sentence = "Damit ist der Konzern erstmals drei Billionen US-Dollar wert."
    start = sentence.index("drei")
    clause = clause_bounds(sentence, start, start + 4)
    assert non_price_reason(sentence, start, start + 4, clause, None, None) == "market_cap"


def test_many_clauses_in_one_sentence():
    """A long sentence of many numbers: each is judged by its own clause."""
    part = "Die Aktie stieg um 5 Prozent, der Umsatz um 3 Prozent; "
    for n in (10, 40):
        sentence = part * n
        scan = NegativeScan(sentence)
        numbers = find_numbers(sentence, "de")
        reasons = [
            non_price_reason(
                sentence,
                x.start,
                x.end,
                clause_bounds(sentence, x.start, x.end),
                x.unit,
                None,
                1.0,
                scan,
            )
            for x in numbers
        ]
        assert reasons == [None, "revenue"] * n


WORDS = [
    "Aktie",
    "shares",
    "um",
    "5",
    "Prozent",
    "%",
    "$",
    "3",
    "billion",
    "Milliarden",
    "Euro",
    "market",
    "cap",
    "Kursziel",
    "would",
    "seit",
    "2019",
    "(",
    ")",
    ",",
    "-",
    "İ",
    "Umsatz",
    "stake",
    "of",
    "the",
    "days",
    "record",
    "after",
    "nach",
    "dem",
    "Gewinnsprung",
    "\n",
    "’s",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(["de", "en"]))
def test_any_text_gives_a_known_reason_or_none(words, lang):
    sentence = " ".join(words)
    for n in find_numbers(sentence, lang):
        clause = clause_bounds(sentence, n.start, n.end)
        reason = non_price_reason(sentence, n.start, n.end, clause, n.unit, n.currency, n.scale)
        assert reason is None or reason in get_args(NonPriceReason)


@pytest.mark.parametrize(
    "sentence, reason",
    [
        ("5%", None),
        ("İSTANBUL: Die Aktie stieg um 5 Prozent.", None),
        ("İSTANBUL: Der Umsatz stieg um 5 Prozent.", "revenue"),
        ("$3 billion", "amount"),
    ],
)
def test_edge_sentences(sentence, reason):
    lang = "de" if "Prozent" in sentence else "en"
    (n, *_) = [m for m in find_numbers(sentence, lang) if m.unit in ("percent", "money")]
    clause = clause_bounds(sentence, n.start, n.end)
    assert non_price_reason(sentence, n.start, n.end, clause, n.unit, n.currency, n.scale) == reason
