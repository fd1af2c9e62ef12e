"""Texts and answer key of the Musterstadt demo corpus (invented motions, CC0).

Each motion: ``n`` (paper number), ``date``, ``paperType``, ``factions`` (keys of FACTIONS),
``title``, ``consultation`` [(committee key, role)], ``text`` (the motion's own PDF text),
optional ``layout="auxiliary"`` (no mainFile; text and ``extra_files`` go to auxiliaryFile in
``aux_order``), optional ``extra_files`` [(name, text)], and ``ann``: the annotation
(themes, actions [(type, evidence)], funding [(kind, name, amount_eur, budget_line, evidence)],
topic, hedged, confidence).
"""

from __future__ import annotations

FACTIONS = {
    "fraktion-gruene": ("Fraktion BÜNDNIS 90/DIE GRÜNEN", "GRÜNE"),
    "fraktion-spd": ("SPD-Fraktion", "SPD"),
    "fraktion-cdu": ("CDU-Fraktion", "CDU"),
    "fraktion-fdp": ("FDP-Fraktion", "FDP"),
    "fraktion-linke": ("Fraktion DIE LINKE", "Die Linke"),
    "fraktion-afd": ("AfD-Fraktion", "AfD"),
    "fraktion-fw": ("Fraktion FREIE WÄHLER", "FW"),
}

COMMITTEES = {
    "gemeinderat": ("Gemeinderat", "GR", "Gemeinderat"),
    "hauptausschuss": ("Haupt- und Finanzausschuss", "HFA", "Ausschuss"),
    "ausschuss-umwelt-mobilitaet": ("Ausschuss für Umwelt und Mobilität", "AUM", "Ausschuss"),
    "ausschuss-soziales": ("Ausschuss für Soziales und Gesundheit", "ASG", "Ausschuss"),
    "jugendhilfeausschuss": ("Jugendhilfeausschuss", "JHA", "Ausschuss"),
}

GR = ("gemeinderat", "Entscheidung")
HFA = ("hauptausschuss", "Vorberatung")
AUM = ("ausschuss-umwelt-mobilitaet", "Vorberatung")
ASG = ("ausschuss-soziales", "Vorberatung")
JHA = ("jugendhilfeausschuss", "Vorberatung")
KENNTNIS = ("gemeinderat", "Kenntnisnahme")

MOTIONS: list[dict] = [
    {
        "n": 101,
        "date": "2016-02-08",
        "paperType": "Antrag",
        "factions": ["fraktion-gruene", "fraktion-spd"],
        "title": "Sprachkurse und Integrationslotsen für Geflüchtete",
        "consultation": [ASG, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN · SPD-Fraktion im Gemeinderat Musterstadt
Rathausplatz 1, 12345 Musterstadt

Herrn Oberbürgermeister
Dr. Albrecht Sommerfeld

Musterstadt, 08.02.2016

Gemeinsamer Antrag der Fraktionen BÜNDNIS 90/DIE GRÜNEN und SPD

Sprachkurse und Integrationslotsen für Geflüchtete

Der Gemeinderat möge beschließen:

1. Die Verwaltung wird beauftragt, bis zum Sommer 2016 ein Konzept für die sprachliche Erstförderung der in Musterstadt untergebrachten Geflüchteten zu erarbeiten. Das Konzept soll Angebote für Erwachsene ohne Anspruch auf einen Integrationskurs ebenso umfassen wie Kurse mit Kinderbetreuung.
2. Für den Aufbau eines Netzes ehrenamtlicher Integrationslotsinnen und -lotsen werden im Haushalt 2016 Mittel in Höhe von 40.000 € bereitgestellt.
3. Die Verwaltung beantragt hierfür die Fördermittel des Landes aus dem Programm „Integration vor Ort“ und berichtet dem Sozialausschuss über den Stand.

Begründung:

Im vergangenen Jahr hat Musterstadt mehr als 600 Menschen aufgenommen, die vor Krieg und Verfolgung geflohen sind. In den Gemeinschaftsunterkünften in der Weststadt und am Lindenhof engagieren sich viele Freiwillige, die Sprachcafés anbieten und bei Behördengängen begleiten. Dieses Engagement braucht eine verlässliche Struktur: eine Ansprechperson in der Verwaltung, Schulungen und eine Erstattung von Fahrtkosten.

Viele Geflüchtete warten monatelang auf einen Platz in einem Integrationskurs; wer nur eine Duldung hat, erhält oft gar keinen. Die ersten Monate entscheiden aber darüber, ob Menschen in unserer Stadt Fuß fassen. Deutsch lernen ist dafür der Schlüssel – für den Weg in Ausbildung und Arbeit ebenso wie für den Kontakt zur Nachbarschaft.

Das Land hat angekündigt, Kommunen beim Aufbau solcher Strukturen zu unterstützen. Diese Chance sollte Musterstadt nutzen.

Für die Fraktion BÜNDNIS 90/DIE GRÜNEN: Dr. Katrin Wellmann
Für die SPD-Fraktion: Petra Hohlbein
""",
        "ann": {
            "themes": ["integration", "education_childcare"],
            "actions": [
                (
                    "concept",
                    "ein Konzept für die sprachliche Erstförderung der in Musterstadt untergebrachten Geflüchteten zu erarbeiten",
                ),
                ("budget", "im Haushalt 2016 Mittel in Höhe von 40.000 € bereitgestellt"),
                ("report", "berichtet dem Sozialausschuss über den Stand"),
            ],
            "funding": [
                (
                    "general_budget",
                    "Haushalt 2016",
                    40000,
                    "",
                    "im Haushalt 2016 Mittel in Höhe von 40.000 € bereitgestellt",
                ),
                (
                    "external_grant",
                    "Land (Programm „Integration vor Ort“)",
                    None,
                    "",
                    "die Fördermittel des Landes aus dem Programm „Integration vor Ort“",
                ),
            ],
            "topic": "Sprachförderung für Geflüchtete",
        },
    },
    {
        "n": 102,
        "date": "2016-04-19",
        "paperType": "Antrag",
        "factions": ["fraktion-linke"],
        "title": "Dezentrale Unterbringung von Geflüchteten in Wohnungen",
        "consultation": [ASG, GR],
        "text": """DIE LINKE. Fraktion im Gemeinderat Musterstadt
Bahnhofstraße 12 · 12345 Musterstadt

Musterstadt, 19. April 2016

ANTRAG

Dezentrale Unterbringung von Geflüchteten in Wohnungen

Antrag der Fraktion DIE LINKE

Der Gemeinderat möge beschließen:

Die Verwaltung wird beauftragt zu prüfen, wie Geflüchtete nach spätestens sechs Monaten aus den Sammelunterkünften in reguläre Wohnungen umziehen können. Dabei ist insbesondere zu untersuchen,
a) welche leerstehenden Wohnungen der städtischen Wohnungsbaugesellschaft MuWoBau kurzfristig hergerichtet werden können,
b) ob private Vermieterinnen und Vermieter über eine Mietgarantie der Stadt gewonnen werden können,
c) welche Kosten im Vergleich zur Unterbringung in Gemeinschaftsunterkünften entstehen.

Die Verwaltung berichtet dem Gemeinderat bis zum Herbst 2016 über das Ergebnis der Prüfung.

Begründung:

In der Sammelunterkunft an der Gewerbestraße leben derzeit rund 280 Personen auf engstem Raum, darunter viele Familien mit kleinen Kindern. Es fehlt an Rückzugsräumen, Kinder finden keinen ruhigen Platz für ihre Hausaufgaben, Konflikte sind vorprogrammiert. Erfahrungen aus anderen Städten zeigen, dass eine Unterbringung in Wohnungen die Integration erleichtert und auf Dauer nicht teurer ist.

Zugleich stehen im Stadt-
teil Oststadt nach unseren Informationen mehrere Dutzend Wohnungen leer, weil Renovierungen aufgeschoben wurden. Hier liegt ein Potenzial, das wir nicht ungenutzt lassen dürfen. Eine Mietgarantie kann Vermieter überzeugen, die bisher Vorbehalte haben.

Mira Jankowski
Paul Dressler
Fraktion DIE LINKE
""",
        "ann": {
            "themes": ["integration", "housing_urban"],
            "actions": [
                ("review", "Die Verwaltung wird beauftragt zu prüfen"),
                ("report", "Die Verwaltung berichtet dem Gemeinderat bis zum Herbst 2016"),
            ],
            "funding": [],
            "topic": "Unterbringung Geflüchteter in Wohnungen",
        },
    },
    {
        "n": 103,
        "date": "2016-06-14",
        "paperType": "Anfrage",
        "factions": ["fraktion-afd"],
        "title": "Kosten der Unterbringung und Betreuung von Asylbewerbern",
        "consultation": [KENNTNIS],
        "text": """AfD-Fraktion im Gemeinderat Musterstadt

ANFRAGE

Kosten der Unterbringung und Betreuung von Asylbewerbern

Anfrage der AfD-Fraktion vom 14.06.2016

Wir bitten die Verwaltung um Beantwortung folgender Fragen:

1. Wie hoch waren die Aufwendungen der Stadt für Unterbringung, Verpflegung und Betreuung von Asylbewerbern in den Jahren 2014, 2015 und im ersten Quartal 2016, aufgeschlüsselt nach Kostenarten?
2. In welcher Höhe wurden diese Aufwendungen durch Erstattungen des Landes gedeckt, und welcher Betrag verbleibt beim städtischen Haushalt?
3. Wie viele Stellen wurden in der Verwaltung seit 2015 für diesen Aufgabenbereich zusätzlich geschaffen?
4. Welche Mietverträge für Unterkünfte hat die Stadt abgeschlossen, mit welchen Laufzeiten und zu welchen Quadratmeterpreisen?
5. Mit welchen Kosten rechnet die Verwaltung für die Jahre 2017 und 2018?

Begründung:

Die Aufnahme einer großen Zahl von Asylbewerbern stellt die Stadt vor erhebliche finanzielle Herausforderungen. Die Bürgerinnen und Bürger haben ein Recht darauf zu erfahren, welche Mittel hierfür aufgewendet werden und welche Belastungen für künftige Haushalte entstehen. Bislang liegen dem Gemeinderat nur verstreute Einzelangaben aus verschiedenen Vorlagen vor. Eine zusammenhängende Darstellung ist Voraussetzung für eine verantwortliche Haushaltsplanung.

Roland Kessler
Fraktionsvorsitzender
""",
        "ann": {
            "themes": ["integration", "budget_finance"],
            "actions": [
                ("inquiry", "Wir bitten die Verwaltung um Beantwortung folgender Fragen"),
            ],
            "funding": [],
            "topic": "Kosten der Unterbringung von Asylbewerbern",
        },
    },
    {
        "n": 104,
        "date": "2016-09-20",
        "paperType": "Antrag",
        "factions": ["fraktion-cdu"],
        "title": "Mehr Präsenz des Kommunalen Ordnungsdienstes in der Innenstadt",
        "consultation": [HFA, GR],
        "text": """CDU-Fraktion im Gemeinderat Musterstadt
Rathausplatz 1 · 12345 Musterstadt

Herrn Oberbürgermeister Dr. Albrecht Sommerfeld

20.09.2016

ANTRAG der CDU-Fraktion

Mehr Präsenz des Kommunalen Ordnungsdienstes in der Innenstadt

Der Gemeinderat möge beschließen:

1. Der Kommunale Ordnungsdienst wird ab dem 1. Januar 2017 um vier Vollzeitstellen verstärkt, um in der Innenstadt, am Bahnhof und im Stadtpark auch in den Abendstunden und an Wochenenden Streife zu gehen.
2. Die hierfür erforderlichen Personal- und Sachmittel in Höhe von rund 260.000 Euro jährlich werden im Teilhaushalt 3200 (Sicherheit und Ordnung), Produktgruppe 12.20, veranschlagt.
3. Die Verwaltung legt dem Hauptausschuss nach einem Jahr einen Bericht über die Erfahrungen vor.

Begründung:

Die Beschwerden über Vermüllung, Lärm und aggressives Betteln in der Fußgängerzone und rund um den Bahnhofsvorplatz haben deutlich zugenommen. Viele Bürgerinnen und Bürger, insbesondere ältere Menschen, meiden diese Bereiche in den Abendstunden. Der Ordnungsdienst ist mit derzeit sechs Stellen nicht in der Lage, über die üblichen Bürozeiten hinaus präsent zu sein.

Eine sichtbare Präsenz wirkt vorbeugend und entlastet die Polizei, die sich auf ihre Kernaufgaben konzentrieren kann. Vergleichbare Städte haben mit gemeinsamen Streifen von Ordnungsdienst und Polizei gute Erfahrungen gemacht.

Für die CDU-Fraktion
Thomas Rieger          Dr. Claudia Vogelsang
""",
        "ann": {
            "themes": ["safety_order"],
            "actions": [
                ("budget", "um vier Vollzeitstellen verstärkt"),
                (
                    "report",
                    "legt dem Hauptausschuss nach einem Jahr einen Bericht über die Erfahrungen vor",
                ),
            ],
            "funding": [
                (
                    "budget_line",
                    "Teilhaushalt 3200",
                    260000,
                    "THH 3200; Produktgruppe 12.20",
                    "im Teilhaushalt 3200 (Sicherheit und Ordnung), Produktgruppe 12.20",
                ),
            ],
            "topic": "Kommunaler Ordnungsdienst",
        },
    },
    {
        "n": 105,
        "date": "2016-11-08",
        "paperType": "Antrag",
        "factions": ["fraktion-fw"],
        "title": "Sanierung der Sporthalle am Schulzentrum Süd",
        "consultation": [HFA, GR],
        "text": """FREIE WÄHLER Fraktion im Gemeinderat Musterstadt

Musterstadt, den 08.11.2016

Antrag der Fraktion FREIE WÄHLER

Sanierung der Sporthalle am Schulzentrum Süd

Der Gemeinderat möge beschließen:

Die Verwaltung wird beauftragt zu prüfen, ob die Sanierung der Sporthalle am Schulzentrum Süd vorgezogen und gegebenenfalls bereits in den Haushalt 2017 aufgenommen werden kann. Dabei soll auch untersucht werden, ob eine Erweiterung um einen Gymnastikraum für die Vereine sinnvoll ist.

Begründung:

Die Halle wurde 1974 errichtet und seither nur notdürftig instand gehalten. Das Dach ist an mehreren Stellen undicht, bei Starkregen müssen Eimer aufgestellt werden. Die Sanitärräume entsprechen nicht mehr heutigen Anforderungen, die Umkleiden sind zu klein für zwei Schulklassen gleichzeitig.

Die Halle wird vormittags von der Grundschule und der Realschule genutzt, nachmittags und abends von sieben Sportvereinen mit zusammen über 900 Mitgliedern. Wenn sich die Schäden weiter ausweiten, droht eine Sperrung – mit erheblichen Folgen für den Schulsport und das Vereinsleben im gesamten Stadt-
teil.

Eine frühzeitige Sanierung ist erfahrungsgemäß günstiger als die Reparatur immer neuer Folgeschäden. Die Verwaltung sollte zudem klären, ob Fördermittel aus dem Sportstättenbauförderprogramm des Landes in Frage kommen.

Hans-Peter Gräber
Elke Maurer
FREIE WÄHLER
""",
        "ann": {
            "themes": ["culture_sport", "education_childcare"],
            "actions": [
                (
                    "review",
                    "Die Verwaltung wird beauftragt zu prüfen, ob die Sanierung der Sporthalle",
                ),
            ],
            "funding": [
                (
                    "general_budget",
                    "Haushalt 2017",
                    None,
                    "",
                    "gegebenenfalls bereits in den Haushalt 2017 aufgenommen",
                ),
                (
                    "external_grant",
                    "Sportstättenbauförderprogramm des Landes",
                    None,
                    "",
                    "Fördermittel aus dem Sportstättenbauförderprogramm des Landes",
                ),
            ],
            "topic": "Sanierung Sporthalle Schulzentrum Süd",
            "hedged": True,
        },
    },
    {
        "n": 106,
        "date": "2017-03-14",
        "paperType": "Antrag",
        "factions": ["fraktion-fdp"],
        "title": "Digitales Rathaus – Verwaltungsleistungen online anbieten",
        "consultation": [HFA, GR],
        "text": """FDP-Fraktion im Gemeinderat Musterstadt

14. März 2017

ANTRAG

Digitales Rathaus – Verwaltungsleistungen online anbieten

Antrag der FDP-Fraktion

Der Gemeinderat möge beschließen:

1. Die Verwaltung erarbeitet eine Digitalisierungsstrategie für das Rathaus mit dem Ziel, bis 2020 die zwanzig am häufigsten nachgefragten Verwaltungsleistungen vollständig online anzubieten (u. a. Anwohnerparkausweis, Meldebescheinigung, Gewerbeanmeldung, Sperrmüllanmeldung).
2. Die Verwaltung stellt im Haupt- und Finanzausschuss dar, welche Leistungen heute bereits online beantragt werden können und wie hoch die Nutzungszahlen sind.
3. In allen öffentlichen Gebäuden der Stadt wird ein kostenloses WLAN eingerichtet.

Begründung:

Wer heute einen Anwohnerparkausweis benötigt, muss in Musterstadt einen Termin im Bürgerbüro vereinbaren, ein Formular ausdrucken und persönlich erscheinen. Das kostet die Bürgerinnen und Bürger Zeit und die Verwaltung Personal, das an anderer Stelle fehlt. Andere Städte zeigen, dass es anders geht.

Eine Strategie mit klaren Zielen und Zwischenschritten schafft Verbindlichkeit. Die Bestandsaufnahme soll zeigen, wo wir stehen, und dem Gemeinderat eine Grundlage für Prioritäten geben. Ein offenes WLAN im Rathaus, in der Stadtbibliothek und in den Bürgerbüros ist inzwischen eine Selbstverständlichkeit.

Felix Lorenzen
Sabine Körner
FDP-Fraktion
""",
        "ann": {
            "themes": ["digital_admin"],
            "actions": [
                ("concept", "Die Verwaltung erarbeitet eine Digitalisierungsstrategie"),
                ("report", "Die Verwaltung stellt im Haupt- und Finanzausschuss dar"),
                ("implement", "wird ein kostenloses WLAN eingerichtet"),
            ],
            "funding": [],
            "topic": "Digitalisierungsstrategie Rathaus",
        },
    },
    {
        "n": 107,
        "date": "2017-05-23",
        "paperType": "Antrag",
        "factions": ["fraktion-spd"],
        "title": "Musterstadt-Pass ausweiten: Teilhabe für Familien mit geringem Einkommen",
        "consultation": [ASG, HFA, GR],
        "text": """SPD-Fraktion im Gemeinderat Musterstadt
Rathausplatz 1 · 12345 Musterstadt

23.05.2017

Antrag der SPD-Fraktion

Musterstadt-Pass ausweiten: Teilhabe für Familien mit geringem Einkommen

Der Gemeinderat möge beschließen:

1. Der Kreis der Berechtigten für den Musterstadt-Pass wird ab dem 1. Januar 2018 auf Haushalte erweitert, deren Einkommen die Bedarfsgrenze der Grundsicherung um bis zu 20 Prozent übersteigt.
2. Die Ermäßigung für Schwimmbäder, Stadtbibliothek, Musikschule und Volkshochschule wird von 50 auf 75 Prozent angehoben.
3. Die Mehrkosten von geschätzt 120.000 € pro Jahr werden im Teilhaushalt 5000 (Soziales), Produkt 31.50.01 veranschlagt. Deckung durch Minderausgaben bei den Zinsaufwendungen, die nach dem Jahresabschluss 2016 um rund 300.000 € unter dem Ansatz liegen.

Begründung:

Der Musterstadt-Pass hat sich bewährt. Er erreicht aber nur Menschen, die Leistungen nach dem SGB II oder XII beziehen. Familien, die knapp darüber liegen – etwa Alleinerziehende in Teilzeit oder Rentnerinnen mit kleiner Rente –, fallen durch das Raster, obwohl ihr Budget kaum größer ist.

Auch die Höhe der Ermäßigung reicht vielfach nicht: Ein Musikschulkurs bleibt mit halbem Beitrag für viele unerschwinglich. Teilhabe darf nicht vom Geldbeutel der Eltern abhängen.

Die Finanzierung ist gesichert, da die Zinsaufwendungen der Stadt deutlich niedriger ausfallen als geplant.

Petra Hohlbein
Markus Engelhardt
SPD-Fraktion
""",
        "ann": {
            "themes": ["social_welfare"],
            "actions": [
                (
                    "implement",
                    "Der Kreis der Berechtigten für den Musterstadt-Pass wird ab dem 1. Januar 2018 auf Haushalte erweitert",
                ),
                (
                    "budget",
                    "Die Mehrkosten von geschätzt 120.000 € pro Jahr werden im Teilhaushalt 5000",
                ),
            ],
            "funding": [
                (
                    "budget_line",
                    "Teilhaushalt 5000",
                    120000,
                    "THH 5000; Produkt 31.50.01",
                    "im Teilhaushalt 5000 (Soziales), Produkt 31.50.01",
                ),
                (
                    "offset",
                    "Minderausgaben bei den Zinsaufwendungen",
                    None,
                    "",
                    "Deckung durch Minderausgaben bei den Zinsaufwendungen",
                ),
            ],
            "topic": "Musterstadt-Pass",
        },
    },
    {
        "n": 108,
        "date": "2017-10-10",
        "paperType": "Antrag",
        "factions": ["fraktion-gruene"],
        "title": "Radverkehr stärken: Fahrradstraßen und sichere Kreuzungen",
        "consultation": [AUM, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN im Gemeinderat Musterstadt

Musterstadt, 10.10.2017

ANTRAG

Radverkehr stärken: Fahrradstraßen und sichere Kreuzungen

Antrag der Fraktion BÜNDNIS 90/DIE GRÜNEN

Der Gemeinderat möge beschließen:

1. Die Verwaltung erarbeitet bis Ende 2018 ein Radverkehrskonzept für das gesamte
Stadtgebiet, das ein zusammenhängendes Netz von Hauptradrouten, Abstellanlagen an
allen Haltestellen des Busverkehrs und einen Zeitplan für die Umsetzung enthält.
2. Als erste Maßnahme werden die Goethestraße und die Mühlgasse noch 2018 als
Fahrradstraßen ausgewiesen.
3. An den zehn Kreuzungen mit den meisten Radunfällen werden aufgeweitete Aufstell-
flächen für Radfahrende markiert.

Begründung:

Der Anteil des Radverkehrs liegt in Musterstadt bei 11 Prozent und damit deutlich
unter dem vergleichbarer Städte. Befragungen zeigen, dass viele Menschen gern häufiger
Rad fahren würden, sich aber auf den Hauptstraßen nicht sicher fühlen. Ein durchgängiges
Netz ist der wichtigste Hebel, um mehr Menschen zum Umstieg zu bewegen – und damit auch
ein Beitrag zum Klimaschutz, denn der Verkehr verursacht rund ein Drittel der CO2-Emis-
sionen in unserer Stadt.

Die Goethestraße und die Mühlgasse sind schon heute wichtige Verbindungen zwischen
Innenstadt und Schulzentrum. Eine Ausweisung als Fahrradstraße ist mit geringem
Aufwand möglich.

Dr. Katrin Wellmann, Jonas Brückner
""",
        "ann": {
            "themes": ["mobility", "climate_environment"],
            "actions": [
                ("concept", "Die Verwaltung erarbeitet bis Ende 2018 ein Radverkehrskonzept"),
                ("implement", "Fahrradstraßen ausgewiesen"),
            ],
            "funding": [],
            "topic": "Radverkehrskonzept",
        },
    },
    {
        "n": 109,
        "date": "2018-01-16",
        "paperType": "Haushaltsantrag",
        "factions": ["fraktion-cdu"],
        "title": "Zuschuss für die Jugendarbeit der Stadtkapelle Musterstadt e.V.",
        "consultation": [HFA, GR],
        "text": """CDU-Fraktion im Gemeinderat Musterstadt
Rathausplatz 1
12345 Musterstadt

16.01.2018

HAUSHALT 2018/2019
HAUSHALTSANTRAG HH/2018/0007

Zuschuss für die Jugendarbeit der Stadtkapelle Musterstadt e.V.

Zuordnung im Haushaltsplan
Seite im HH-Plan Teilhaushalt
 312  4100
Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition
 25.10-410
Finanzhaushalt: Investive Maßnahme

Änderungen und neue Mittelanmeldungen
Art 2018 2019 2020
Stellenschaffung/-reduzierung

Erhöhung/Reduzierung Erträge, Aufwendungen, Ein- oder Auszahlungen
Transferaufwendungen 15.000 15.000 15.000
Bitte aus Liste auswählen

Bitte aus Liste auswählen

Sperrvermerk

Konzeption, Ziele, Maßnahmen, Kennzahlen
Der jährliche Zuschuss an die Stadtkapelle Musterstadt e.V. wird um 15.000 Euro erhöht. Die Mittel sind zweckgebunden für die Ausbildung von Kindern und Jugendlichen im Jugendorchester zu verwenden.

HAUSHALT 2018/2019
Zuschuss für die Jugendarbeit der Stadtkapelle Musterstadt e.V.
Seite 2

Weitere Angaben bei Leistungen an Zuschussempfänger
Stadtkapelle Musterstadt e.V., Am Festplatz 3, 12345 Musterstadt

Sachverhalt | Begründung
Die Stadtkapelle bildet derzeit 64 Kinder und Jugendliche an Blas- und Schlaginstrumenten aus. Die Nachfrage ist so groß, dass eine Warteliste geführt werden muss. Die Honorare für die Ausbilderinnen und Ausbilder sind in den letzten Jahren deutlich gestiegen, der städtische Zuschuss ist dagegen seit 2009 unverändert. Ohne eine Erhöhung müsste der Verein die Beiträge anheben oder das Angebot einschränken. Beides träfe gerade Familien, die sich privaten Musikunterricht nicht leisten können.

Unterzeichnet von:
Thomas Rieger, Bernd Haller
""",
        "ann": {
            "themes": ["culture_sport", "youth_family"],
            "actions": [
                (
                    "budget",
                    "Der jährliche Zuschuss an die Stadtkapelle Musterstadt e.V. wird um 15.000 Euro erhöht",
                ),
            ],
            "funding": [
                (
                    "budget_line",
                    "Teilhaushalt 4100",
                    15000,
                    "THH 4100; 25.10-410",
                    "Transferaufwendungen 15.000 15.000 15.000",
                ),
            ],
            "topic": "Zuschuss Stadtkapelle Musterstadt e.V.",
        },
    },
    {
        "n": 110,
        "date": "2018-06-12",
        "paperType": "Antrag",
        "factions": ["fraktion-linke"],
        "title": "Wohnraum schützen: Zweckentfremdungssatzung und qualifizierter Mietspiegel",
        "consultation": [ASG, GR],
        "text": """DIE LINKE. Fraktion im Gemeinderat Musterstadt

12.06.2018

Antrag der Fraktion DIE LINKE

Wohnraum schützen: Zweckentfremdungssatzung und qualifizierter Mietspiegel

Der Gemeinderat möge beschließen:

1. Die Stadt erlässt eine Satzung über das Verbot der Zweckentfremdung von Wohnraum. Die Verwaltung legt dem Gemeinderat bis Ende 2018 einen Satzungsentwurf vor.
2. Die Verwaltung erstellt gemeinsam mit Mieterverein und Haus- und Grundbesitzerverein einen qualifizierten Mietspiegel.
3. Die Verwaltung berichtet jährlich über die Zahl der leerstehenden und der als Ferienwohnung genutzten Wohnungen im Stadtgebiet.

Begründung:

Die Angebotsmieten in Musterstadt sind seit 2012 um mehr als 30 Prozent gestiegen. Wer eine Wohnung sucht, findet kaum noch etwas unter zehn Euro pro Quadratmeter. Gleichzeitig werden in der Altstadt immer mehr Wohnungen dauerhaft an Touristinnen und Touristen vermietet oder bleiben aus Spekulationsgründen leer.

Eine Zweckentfremdungssatzung gibt der Stadt ein Instrument an die Hand, um dagegen vorzugehen. Ein qualifizierter Mietspiegel schafft Transparenz und ist die Voraussetzung dafür, dass Mieterinnen und Mieter die Mietpreisbremse überhaupt durchsetzen können. Der bisherige einfache Mietspiegel ist veraltet und vor Gericht kaum belastbar.

Gerade Menschen mit kleinen Einkommen, Studierende und Rentnerinnen sind auf bezahlbaren Wohnraum angewiesen.

Mira Jankowski
Fraktionsvorsitzende
""",
        "ann": {
            "themes": ["housing_urban", "social_welfare"],
            "actions": [
                (
                    "implement",
                    "Die Stadt erlässt eine Satzung über das Verbot der Zweckentfremdung von Wohnraum",
                ),
                ("report", "Die Verwaltung berichtet jährlich über die Zahl der leerstehenden"),
            ],
            "funding": [],
            "topic": "Zweckentfremdungssatzung",
        },
    },
    {
        "n": 111,
        "date": "2018-09-25",
        "paperType": "Anfrage",
        "factions": ["fraktion-fw"],
        "title": "Zustand und Zukunft des Feuerwehrgerätehauses Hohenfeld",
        "consultation": [KENNTNIS],
        "layout": "auxiliary",
        "aux_order": "reply_first",
        "file_name": "Anfrage FREIE WÄHLER",
        "reference": "2018/0611",
        "text": """FREIE WÄHLER Fraktion im Gemeinderat Musterstadt

ANFRAGE

Stadträtin Elke Maurer (FREIE WÄHLER)
Stadtrat Hans-Peter Gräber (FREIE WÄHLER)

Vorlage Nr.: 2018/0611

Zustand und Zukunft des Feuerwehrgerätehauses Hohenfeld

1. Wann wurde das Feuerwehrgerätehaus der Abteilung Hohenfeld zuletzt baulich überprüft, und welche Mängel wurden dabei festgestellt?
2. Trifft es zu, dass das neue Löschfahrzeug nicht in die vorhandene Fahrzeughalle passt?
3. Welche Planungen bestehen für einen Neubau oder eine Erweiterung, und wann ist mit einer Entscheidung zu rechnen?
4. Wie bewertet die Verwaltung die Einhaltung der Hilfsfrist im Ortsteil Hohenfeld und in den angrenzenden Gewerbegebieten?

Begründung:

Die Freiwillige Feuerwehr Hohenfeld leistet mit 38 aktiven Mitgliedern einen unverzichtbaren Beitrag zur Sicherheit im Süden der Stadt. Das Gerätehaus stammt aus dem Jahr 1968. Die Umkleiden liegen direkt neben der Fahrzeughalle, eine Trennung von Schwarz- und Weißbereich ist nicht möglich, für Frauen gibt es keine eigenen Räume. Nach unseren Informationen musste das im Frühjahr ausgelieferte Löschfahrzeug vorübergehend in einer privaten Scheune untergestellt werden.

Die Ehrenamtlichen haben ein Recht auf zeitgemäße Bedingungen. Ohne sie ist der Brandschutz in Hohenfeld nicht zu gewährleisten.

Unterzeichnet von:
Elke Maurer
Hans-Peter Gräber
""",
        "extra_files": [
            (
                "Stellungnahme der Verwaltung",
                """Stadt Musterstadt
Der Oberbürgermeister

STELLUNGNAHME zur Anfrage
FREIE WÄHLER

Vorlage Nr.: 2018/0611
Verantwortlich: Dezernat III, Amt für Brand- und Katastrophenschutz

Zustand und Zukunft des Feuerwehrgerätehauses Hohenfeld

Zu 1.:
Das Gerätehaus wurde zuletzt im März 2018 im Rahmen der Feuerwehrbedarfsplanung begangen. Festgestellt wurden insbesondere Mängel bei der Hygiene und beim Raumangebot.

Zu 2.:
Das im April ausgelieferte Fahrzeug ist rund 30 cm höher als das Vorgängerfahrzeug. Bis zum Umbau des Hallentors ist es in einer angemieteten Halle untergebracht.

Zu 3.:
Die Verwaltung prüft derzeit zwei Standortvarianten für einen Neubau. Eine Vorlage ist für das erste Halbjahr 2019 vorgesehen. Die Kosten werden auf rund 2,5 Mio. Euro geschätzt und sollen im Teilhaushalt 3700 veranschlagt werden.

Zu 4.:
Die Hilfsfrist wurde im Jahr 2017 in 92 Prozent der Einsätze eingehalten.
""",
            ),
        ],
        "ann": {
            "themes": ["safety_order"],
            "actions": [
                (
                    "inquiry",
                    "1. Wann wurde das Feuerwehrgerätehaus der Abteilung Hohenfeld zuletzt baulich überprüft",
                ),
            ],
            "funding": [],
            "topic": "Feuerwehrgerätehaus Hohenfeld",
        },
    },
    {
        "n": 112,
        "date": "2018-11-27",
        "paperType": "Änderungsantrag",
        "factions": ["fraktion-spd", "fraktion-linke"],
        "title": "Änderungsantrag zu Bebauungsplan Nr. 112 „Quartier Am Mühlbach“",
        "consultation": [GR],
        "text": """SPD-Fraktion · Fraktion DIE LINKE
im Gemeinderat Musterstadt

27.11.2018

ÄNDERUNGSANTRAG
der Fraktionen SPD und DIE LINKE

zur Vorlage 2018/0734 „Bebauungsplan Nr. 112 ‚Quartier Am Mühlbach‘ – Aufstellungsbeschluss“

Der Beschlussvorschlag der Verwaltung wird wie folgt geändert:

Ziffer 2 erhält folgende Fassung:
„2. Im Plangebiet sind mindestens 30 Prozent der neu entstehenden Wohnfläche als geförderter Mietwohnungsbau mit einer Mietpreisbindung von mindestens 25 Jahren zu errichten.“

Nach Ziffer 3 wird folgende Ziffer 4 ergänzt:
„4. Die Verwaltung prüft, ob ein Teil der städtischen Grundstücke im Plangebiet im Wege der Konzeptvergabe an Baugenossenschaften und Baugemeinschaften vergeben werden kann.“

Begründung:

Der Entwurf der Verwaltung sieht lediglich eine Quote von 15 Prozent geförderten Wohnraums vor. Angesichts von über 2.000 Haushalten, die bei der Stadt als wohnungssuchend gemeldet sind, ist das zu wenig. Das Quartier Am Mühlbach ist die größte Wohnbaufläche der nächsten zehn Jahre – hier entscheidet sich, ob Musterstadt auch für Normalverdienende bezahlbar bleibt.

Die Konzeptvergabe ermöglicht es, Grundstücke nicht an die Höchstbietenden, sondern nach der Qualität des Konzepts zu vergeben. Genossenschaften bauen dauerhaft bezahlbar und sorgen für stabile Nachbarschaften.

Markus Engelhardt (SPD)
Paul Dressler (DIE LINKE)
""",
        "ann": {
            "themes": ["housing_urban"],
            "actions": [
                ("amend", "Der Beschlussvorschlag der Verwaltung wird wie folgt geändert"),
                ("review", "Die Verwaltung prüft, ob ein Teil der städtischen Grundstücke"),
            ],
            "funding": [],
            "topic": "Geförderter Wohnraum Quartier Am Mühlbach",
        },
    },
    {
        "n": 113,
        "date": "2019-03-26",
        "paperType": "Antrag",
        "factions": ["fraktion-fdp"],
        "title": "Gründerzentrum im ehemaligen Postgebäude",
        "consultation": [HFA, GR],
        "text": """FDP-Fraktion im Gemeinderat Musterstadt

26.03.2019

ANTRAG

Gründerzentrum im ehemaligen Postgebäude

Antrag der FDP-Fraktion

Der Gemeinderat möge beschließen:

Die Verwaltung wird beauftragt zu prüfen, ob im leerstehenden ehemaligen Postgebäude am Bahnhof ein Gründer- und Innovationszentrum für junge Unternehmen eingerichtet werden kann. Die Prüfung soll insbesondere umfassen:
– die baulichen Voraussetzungen und die Kosten eines Umbaus,
– mögliche Betreibermodelle, etwa gemeinsam mit der Industrie- und Handelskammer und der Hochschule,
– die Möglichkeit, Fördermittel der Europäischen Union aus dem EFRE-Programm einzuwerben.

Das Ergebnis soll dem Haupt- und Finanzausschuss bis Ende 2019 vorgelegt werden.

Begründung:

Jedes Jahr verlassen gut ausgebildete Absolventinnen und Absolventen der Hochschule Musterstadt die Region, weil sie hier keine geeigneten Räume und kein Umfeld für eine Unternehmensgründung finden. Ein Gründerzentrum mit günstigen Büros, gemeinsamen Werkstätten und Beratung kann das ändern und neue Arbeitsplätze schaffen.

Das ehemalige Postgebäude steht seit drei Jahren leer und verfällt zusehends. Seine Lage direkt am Bahnhof ist für ein solches Zentrum ideal. Die Stadt sollte die Chance nutzen, das Gebäude zu erwerben oder langfristig anzumieten, bevor es an einen Investor geht, der dort nur Parkplätze plant.

Felix Lorenzen
""",
        "ann": {
            "themes": ["economy_labor"],
            "actions": [
                (
                    "review",
                    "Die Verwaltung wird beauftragt zu prüfen, ob im leerstehenden ehemaligen Postgebäude",
                ),
                (
                    "report",
                    "Das Ergebnis soll dem Haupt- und Finanzausschuss bis Ende 2019 vorgelegt werden",
                ),
            ],
            "funding": [
                (
                    "external_grant",
                    "Europäische Union (EFRE)",
                    None,
                    "",
                    "Fördermittel der Europäischen Union aus dem EFRE-Programm",
                ),
            ],
            "topic": "Gründerzentrum",
        },
    },
    {
        "n": 114,
        "date": "2019-07-09",
        "paperType": "Resolution",
        "factions": ["fraktion-gruene"],
        "title": "Klimaschutz hat Vorrang – Musterstadt erklärt den Klimanotstand",
        "consultation": [AUM, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN im Gemeinderat Musterstadt

09.07.2019

RESOLUTION

Klimaschutz hat Vorrang – Musterstadt erklärt den Klimanotstand

Antrag der Fraktion BÜNDNIS 90/DIE GRÜNEN

Der Gemeinderat möge folgende Resolution beschließen:

1. Der Gemeinderat erkennt an, dass die Eindämmung der Klimakrise eine Aufgabe von höchster Priorität ist, und erklärt den Klimanotstand.
2. Die Verwaltung wird beauftragt, bis Mitte 2020 einen Klimaschutzplan mit dem Ziel der Klimaneutralität der Stadtverwaltung bis 2035 zu erarbeiten.
3. Alle Beschlussvorlagen erhalten künftig einen Abschnitt „Auswirkungen auf den Klimaschutz“.
4. Der Gemeinderat fordert das Land auf, die Kommunen beim Klimaschutz finanziell stärker zu unterstützen und den Ausbau der Windenergie zu beschleunigen.

Begründung:

Die Folgen der Erderhitzung sind auch in Musterstadt spürbar: Die Sommer 2015 und 2018 brachten wochenlange Hitze, im Stadtwald sterben Fichten und Buchen, die Pegel der Brunnen sinken. Tausende junge Menschen haben in den letzten Monaten auch auf unserem Marktplatz für konsequenten Klimaschutz demonstriert.

Die Stadt hat mit ihren Gebäuden, ihrem Fuhrpark und ihren Beteiligungen eigene Hebel in der Hand. Ein Klimaschutzplan mit überprüfbaren Zwischenzielen macht deutlich, welche Schritte bis 2035 notwendig sind. Der Klimacheck für Vorlagen stellt sicher, dass die Folgen unserer Beschlüsse transparent werden.

Viele Aufgaben können die Kommunen aber nicht allein bewältigen; hier sind Land und Bund gefordert.

Jonas Brückner
Aylin Demir
""",
        "ann": {
            "themes": ["climate_environment"],
            "actions": [
                ("appeal", "erklärt den Klimanotstand"),
                (
                    "concept",
                    "einen Klimaschutzplan mit dem Ziel der Klimaneutralität der Stadtverwaltung bis 2035 zu erarbeiten",
                ),
                ("implement", "Alle Beschlussvorlagen erhalten künftig einen Abschnitt"),
            ],
            "funding": [],
            "topic": "Klimanotstand",
        },
    },
    {
        "n": 115,
        "date": "2019-10-15",
        "paperType": "Antrag",
        "factions": ["fraktion-afd"],
        "title": "Videoüberwachung am Bahnhofsvorplatz und im Stadtpark",
        "consultation": [HFA, GR],
        "text": """AfD-Fraktion im Gemeinderat Musterstadt

15.10.2019

Antrag der AfD-Fraktion

Videoüberwachung am Bahnhofsvorplatz und im Stadtpark

Der Gemeinderat möge beschließen:

Die Verwaltung wird beauftragt, in Abstimmung mit dem Polizeipräsidium zu prüfen, ob die rechtlichen Voraussetzungen für eine Videoüberwachung des Bahnhofsvorplatzes und des Stadtparks vorliegen, und dem Gemeinderat die Kosten für Installation und Betrieb darzustellen.

Begründung:

Der Bahnhofsvorplatz und der angrenzende Stadtpark haben sich nach der polizeilichen Kriminalstatistik zu Schwerpunkten von Rauschgift- und Gewaltdelikten entwickelt. Reisende, Pendler und Anwohner berichten, dass sie sich insbesondere nach Einbruch der Dunkelheit nicht mehr sicher fühlen. Geschäftsleute klagen über Sachbeschädigungen und Diebstähle.

Das Polizeigesetz erlaubt die offene Videoüberwachung an Orten, an denen wiederholt Straftaten begangen werden. Andere Städte haben damit gute Erfahrungen gemacht: Die Zahl der Delikte ging zurück, Täter konnten schneller ermittelt werden. Die Sicherheit der Bürger muss Vorrang vor ideologischen Bedenken haben.

Roland Kessler
Uwe Sandner
""",
        "ann": {
            "themes": ["safety_order"],
            "actions": [
                (
                    "review",
                    "zu prüfen, ob die rechtlichen Voraussetzungen für eine Videoüberwachung",
                ),
                ("report", "dem Gemeinderat die Kosten für Installation und Betrieb darzustellen"),
            ],
            "funding": [],
            "topic": "Videoüberwachung Bahnhofsvorplatz",
        },
    },
    {
        "n": 116,
        "date": "2020-04-07",
        "paperType": "Antrag",
        "factions": ["fraktion-spd"],
        "title": "Corona-Soforthilfe für lokale Betriebe",
        "consultation": [HFA, GR],
        "text": """SPD-Fraktion im Gemeinderat Musterstadt

07.04.2020

Dringlichkeitsantrag der SPD-Fraktion

Corona-Soforthilfe für lokale Betriebe

Der Gemeinderat möge beschließen:

1. Die Stadt richtet einen „Soforthilfefonds Musterstadt“ ein, aus dem kleine inhabergeführte Geschäfte, Gaststätten und Kulturbetriebe mit bis zu zehn Beschäftigten einen einmaligen Zuschuss von bis zu 5.000 € erhalten können, sofern Hilfen von Bund und Land nicht ausreichen.
2. Der Fonds wird mit 500.000 € ausgestattet. Die Mittel werden der allgemeinen Rücklage entnommen.
3. Die Gewerbesteuer-Vorauszahlungen werden auf Antrag zinslos gestundet.
4. Die Verwaltung berichtet dem Haupt- und Finanzausschuss monatlich über die Zahl der Anträge und die ausgezahlten Beträge.

Begründung:

Die Schließungen zur Eindämmung der Pandemie treffen viele Betriebe in ihrer Existenz. Die Programme von Bund und Land helfen, kommen aber oft spät an und decken nicht alle Kosten. Gerade die kleinen Läden in der Innenstadt und in den Stadtteilen, die Kneipen und Clubs prägen das Gesicht unserer Stadt. Wenn sie jetzt aufgeben müssen, entstehen Leerstände, die sich nur schwer wieder füllen lassen, und es gehen Arbeits- und Ausbildungsplätze verloren.

Ein schnelles, unbürokratisches Programm der Stadt kann Lücken schließen. Die Rücklage ist genau für solche außergewöhnlichen Situationen da.

Serkan Yıldız
Petra Hohlbein
""",
        "ann": {
            "themes": ["economy_labor", "health"],
            "actions": [
                ("implement", "Die Stadt richtet einen „Soforthilfefonds Musterstadt“ ein"),
                ("budget", "Der Fonds wird mit 500.000 € ausgestattet"),
                ("report", "Die Verwaltung berichtet dem Haupt- und Finanzausschuss monatlich"),
            ],
            "funding": [
                (
                    "named_fund",
                    "Soforthilfefonds Musterstadt",
                    500000,
                    "",
                    "Der Fonds wird mit 500.000 € ausgestattet",
                ),
                (
                    "offset",
                    "allgemeine Rücklage",
                    None,
                    "",
                    "Die Mittel werden der allgemeinen Rücklage entnommen",
                ),
            ],
            "topic": "Soforthilfefonds Musterstadt",
        },
    },
    {
        "n": 117,
        "date": "2020-07-14",
        "paperType": "Anfrage",
        "factions": ["fraktion-cdu"],
        "title": "Stand der Umsetzung des DigitalPakts Schule",
        "consultation": [KENNTNIS],
        "text": """CDU-Fraktion im Gemeinderat Musterstadt

ANFRAGE

Anfrage der CDU-Fraktion vom 14.07.2020

Stand der Umsetzung des DigitalPakts Schule

Wir fragen die Verwaltung:

1. In welcher Höhe stehen der Stadt als Schulträger Mittel aus dem DigitalPakt Schule zur Verfügung, und wie viel davon wurde bis heute abgerufen?
2. Welche Schulen verfügen bereits über einen Glasfaseranschluss und flächendeckendes WLAN in allen Unterrichtsräumen?
3. Wie viele Leihgeräte für Schülerinnen und Schüler ohne eigenes Endgerät wurden aus dem Sofortausstattungsprogramm beschafft und ausgegeben?
4. Wer ist für Wartung und Support der Geräte zuständig, und wie viele Stellen sind dafür vorgesehen?
5. Bis wann rechnet die Verwaltung damit, dass alle Schulen ihre Medienentwicklungspläne umgesetzt haben?

Begründung:

Die Schulschließungen im Frühjahr haben schonungslos offengelegt, wie unterschiedlich die Schulen digital ausgestattet sind. Während einige Gymnasien bereits mit Lernplattformen arbeiten konnten, waren viele Kinder an Grund- und Werkrealschulen wochenlang nur über Arbeitsblätter im Briefkasten erreichbar.

Bund und Land stellen erhebliche Mittel bereit. Es liegt an der Stadt als Schulträger, diese zügig abzurufen und sinnvoll einzusetzen. Der Gemeinderat braucht einen klaren Überblick, um vor dem nächsten Schuljahr nachsteuern zu können.

Dr. Claudia Vogelsang
Bernd Haller
""",
        "ann": {
            "themes": ["education_childcare", "digital_admin"],
            "actions": [
                ("inquiry", "Wir fragen die Verwaltung:"),
            ],
            "funding": [
                ("named_fund", "DigitalPakt Schule", None, "", "Mittel aus dem DigitalPakt Schule"),
            ],
            "topic": "DigitalPakt Schule",
        },
    },
    {
        "n": 118,
        "date": "2020-11-03",
        "paperType": "Antrag",
        "factions": ["fraktion-linke"],
        "title": "Winternotprogramm für wohnungslose Menschen in der Pandemie",
        "consultation": [ASG, GR],
        "text": """DIE LINKE. Fraktion im Gemeinderat Musterstadt

03.11.2020

Antrag der Fraktion DIE LINKE

Winternotprogramm für wohnungslose Menschen in der Pandemie

Der Gemeinderat möge beschließen:

1. Die Stadt stellt für den Winter 2020/21 zusätzlich zur Notunterkunft in der Kasernenstraße Einzelzimmer in Hotels und Pensionen für wohnungslose Menschen bereit, damit Abstandsregeln eingehalten werden können.
2. Die Tagesstätte des Vereins Wärmestube e.V. erhält einen zusätzlichen Zuschuss von 25.000 Euro jährlich für verlängerte Öffnungszeiten und einen Kältebus.
3. Die Mittel werden im Haushalt 2021 bereitgestellt.

Begründung:

In Musterstadt leben nach Schätzungen der Wohnungslosenhilfe rund 150 Menschen ohne Wohnung, etwa 40 davon auf der Straße. In der Notunterkunft schlafen bis zu sechs Personen in einem Raum; unter Pandemiebedingungen ist das unzumutbar und gefährlich. Viele Betroffene meiden die Unterkunft deshalb und übernachten lieber im Freien.

Andere Städte haben im ersten Lockdown gute Erfahrungen mit der Anmietung leerstehender Hotelzimmer gemacht. Die Hotels sind froh über die Einnahmen, die Menschen haben einen geschützten Raum, und die Gesundheitsämter können Infektionsketten besser nachverfolgen.

Der Kältebus bringt warme Getränke und Schlafsäcke zu den Menschen, die nicht in eine Unterkunft gehen wollen. Erfrierungen dürfen in einer reichen Stadt nicht vorkommen.

Mira Jankowski, Paul Dressler
""",
        "ann": {
            "themes": ["social_welfare", "health"],
            "actions": [
                (
                    "implement",
                    "Einzelzimmer in Hotels und Pensionen für wohnungslose Menschen bereit",
                ),
                ("budget", "erhält einen zusätzlichen Zuschuss von 25.000 Euro jährlich"),
            ],
            "funding": [
                (
                    "general_budget",
                    "Haushalt 2021",
                    25000,
                    "",
                    "Die Mittel werden im Haushalt 2021 bereitgestellt",
                ),
            ],
            "topic": "Winternotprogramm für Wohnungslose",
        },
    },
    {
        "n": 119,
        "date": "2021-02-23",
        "paperType": "Antrag",
        "factions": ["fraktion-gruene", "fraktion-linke"],
        "title": "Barrierefreiheit im Busverkehr bis 2026",
        "consultation": [AUM, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN · Fraktion DIE LINKE
im Gemeinderat Musterstadt

23.02.2021

Gemeinsamer Antrag der Fraktionen BÜNDNIS 90/DIE GRÜNEN und DIE LINKE

Barrierefreiheit im Busverkehr bis 2026

Der Gemeinderat möge beschließen:

1. Die Verwaltung erarbeitet gemeinsam mit dem Beirat für Menschen mit Behinderungen einen Plan, wie alle 212 Bushaltestellen im Stadtgebiet bis 2026 barrierefrei umgebaut werden können, mit einer Priorisierung nach Fahrgastzahlen und der Nähe zu Arztpraxen, Pflegeeinrichtungen und Schulen.
2. Für den Umbau sind die Fördermittel des Landes nach dem Landesgemeindeverkehrsfinanzierungsgesetz in vollem Umfang zu beantragen.
3. Die Verwaltung berichtet dem Ausschuss für Umwelt und Mobilität jährlich über den Fortschritt.

Begründung:

Das Personenbeförderungsgesetz verlangt eine vollständige Barrierefreiheit im öffentlichen Nahverkehr. In Musterstadt sind bislang jedoch erst 61 Haltestellen mit Hochbord und taktilen Leitelementen ausgestattet. Menschen im Rollstuhl, mit Rollator oder Kinderwagen und Menschen mit Sehbehinderung sind dadurch im Alltag erheblich eingeschränkt.

Barrierefreiheit ist keine Sonderleistung, sondern Voraussetzung für gleichberechtigte Teilhabe. Der Beirat für Menschen mit Behinderungen hat im Herbst 2020 eine Prioritätenliste vorgelegt, die in die Planung einfließen sollte.

Das Land fördert den Umbau von Haltestellen mit bis zu 75 Prozent der Kosten. Die Stadt darf dieses Geld nicht liegen lassen.

Aylin Demir (GRÜNE)
Paul Dressler (DIE LINKE)
""",
        "ann": {
            "themes": ["diversity", "mobility"],
            "actions": [
                (
                    "concept",
                    "Die Verwaltung erarbeitet gemeinsam mit dem Beirat für Menschen mit Behinderungen einen Plan",
                ),
                (
                    "report",
                    "Die Verwaltung berichtet dem Ausschuss für Umwelt und Mobilität jährlich über den Fortschritt",
                ),
            ],
            "funding": [
                (
                    "external_grant",
                    "Land (LGVFG)",
                    None,
                    "",
                    "die Fördermittel des Landes nach dem Landesgemeindeverkehrsfinanzierungsgesetz",
                ),
            ],
            "topic": "Barrierefreie Bushaltestellen",
        },
    },
    {
        "n": 120,
        "date": "2021-06-15",
        "paperType": "Antrag",
        "factions": ["fraktion-fw"],
        "title": "Bürgerbudget für die Ortsteile",
        "consultation": [HFA, GR],
        "text": """FREIE WÄHLER Fraktion im Gemeinderat Musterstadt

15.06.2021

ANTRAG

Bürgerbudget für die Ortsteile

Antrag der Fraktion FREIE WÄHLER

Der Gemeinderat möge beschließen:

Die Verwaltung wird gebeten zu prüfen, ob – wenn möglich bereits ab dem Haushaltsjahr 2022 – für jeden Ortsteil ein Bürgerbudget eingeführt werden kann, über dessen Verwendung die Einwohnerinnen und Einwohner in einer Ortsteilversammlung oder online selbst entscheiden. Als Größenordnung schlagen wir 5 Euro je Einwohner vor. Die Verwaltung soll dem Gemeinderat ein mögliches Verfahren und den Verwaltungsaufwand darstellen.

Begründung:

Viele Menschen in unseren Ortsteilen haben den Eindruck, dass über ihre Anliegen im fernen Rathaus entschieden wird. Ob eine Sitzbank am Dorfplatz, ein neues Spielgerät oder ein Zuschuss für das Dorffest – oft sind es kleine Dinge, die das Leben vor Ort verbessern.

Ein Bürgerbudget stärkt das Ehrenamt und das Vertrauen in die Kommunalpolitik. Es bringt Menschen zusammen, die sich sonst nicht in Gremien engagieren. Beispiele aus anderen Städten zeigen, dass die Beteiligung hoch ist und die Vorschläge meist sehr konkret und sparsam sind.

Die Ortschaftsräte sollen in das Verfahren eingebunden werden. Ihre Rechte bleiben unberührt.

Hans-Peter Gräber
""",
        "ann": {
            "themes": ["participation_democracy"],
            "actions": [
                ("review", "Die Verwaltung wird gebeten zu prüfen"),
                (
                    "report",
                    "Die Verwaltung soll dem Gemeinderat ein mögliches Verfahren und den Verwaltungsaufwand darstellen",
                ),
            ],
            "funding": [
                ("general_budget", "Haushaltsjahr 2022", None, "", "ab dem Haushaltsjahr 2022"),
            ],
            "topic": "Bürgerbudget für die Ortsteile",
            "hedged": True,
        },
    },
    {
        "n": 121,
        "date": "2021-10-19",
        "paperType": "Haushaltsantrag",
        "factions": ["fraktion-fdp"],
        "title": "Stabsstelle Digitalisierung beim Oberbürgermeister",
        "consultation": [HFA, GR],
        "text": """FDP-Fraktion im Gemeinderat Musterstadt

19.10.2021

HAUSHALT 2022
HAUSHALTSANTRAG HH/2021/0042

Stabsstelle Digitalisierung beim Oberbürgermeister

Zuordnung im Haushaltsplan
Seite im HH-Plan Teilhaushalt
 48  1000
Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition
 11.10-100
Finanzhaushalt: Investive Maßnahme
Bitte aus Liste auswählen

Änderungen und neue Mittelanmeldungen
Art 2022 2023 2024
Stellenschaffung/-reduzierung
1,0 Stelle E 13 / A 14
Erhöhung/Reduzierung Erträge, Aufwendungen, Ein- oder Auszahlungen
Personalaufwendungen 85.000 87.000 89.000
Sachaufwendungen 20.000 20.000 20.000
Bitte aus Liste auswählen

Sperrvermerk

Konzeption, Ziele, Maßnahmen, Kennzahlen
Beim Oberbürgermeister wird eine Stabsstelle Digitalisierung mit einer Vollzeitstelle geschaffen. Sie steuert die Umsetzung des Onlinezugangsgesetzes und koordiniert die Digitalisierungsprojekte aller Ämter. Die Deckung erfolgt durch Minderausgaben bei den Sachaufwendungen für externe IT-Beratung (Produktgruppe 11.24).

HAUSHALT 2022
Stabsstelle Digitalisierung beim Oberbürgermeister
Seite 2

Sachverhalt | Begründung
Die Digitalisierung der Verwaltung kommt in Musterstadt nur schleppend voran. Jedes Amt betreibt eigene Projekte, Schnittstellen fehlen, und für zahlreiche Leistungen werden externe Beratungsfirmen beauftragt. Nach dem Onlinezugangsgesetz müssen Bund, Länder und Kommunen ihre Verwaltungsleistungen bis Ende 2022 auch elektronisch anbieten – davon ist die Stadt weit entfernt.

Eine zentrale Stabsstelle mit Durchgriffsrechten bündelt die Verantwortung. Mittelfristig sinkt dadurch der Bedarf an teurer externer Beratung, sodass sich die Stelle zu einem erheblichen Teil selbst finanziert.

Unterzeichnet von:
Felix Lorenzen, Sabine Körner
""",
        "ann": {
            "themes": ["digital_admin"],
            "actions": [
                (
                    "budget",
                    "wird eine Stabsstelle Digitalisierung mit einer Vollzeitstelle geschaffen",
                ),
            ],
            "funding": [
                (
                    "budget_line",
                    "Teilhaushalt 1000",
                    85000,
                    "THH 1000; 11.10-100",
                    "Personalaufwendungen 85.000 87.000 89.000",
                ),
                (
                    "offset",
                    "Minderausgaben bei den Sachaufwendungen für externe IT-Beratung",
                    None,
                    "Produktgruppe 11.24",
                    "Die Deckung erfolgt durch Minderausgaben bei den Sachaufwendungen für externe IT-Beratung",
                ),
            ],
            "topic": "Stabsstelle Digitalisierung",
        },
    },
    {
        "n": 122,
        "date": "2021-11-09",
        "paperType": "Haushaltsantrag",
        "factions": ["fraktion-spd"],
        "title": "Offene Jugendarbeit in der Nordstadt – Personalstelle für das Jugendhaus „Kiste“",
        "consultation": [JHA, HFA, GR],
        "text": """SPD-Fraktion im Gemeinderat Musterstadt

09.11.2021

HAUSHALT 2022
HAUSHALTSANTRAG HH/2021/0057

Offene Jugendarbeit in der Nordstadt – Personalstelle für das Jugendhaus „Kiste“

Zuordnung im Haushaltsplan
Seite im HH-Plan Teilhaushalt
 276  5000
Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition
 36.20-510
Finanzhaushalt: Investive Maßnahme

Änderungen und neue Mittelanmeldungen
Art 2022 2023 2024
Stellenschaffung/-reduzierung

Erhöhung/Reduzierung Erträge, Aufwendungen, Ein- oder Auszahlungen
Transferaufwendungen 62.000 63.500 65.000
Bitte aus Liste auswählen
Bitte aus Liste auswählen
Bitte aus Liste auswählen
Sperrvermerk

Konzeption, Ziele, Maßnahmen, Kennzahlen
Der Zuschuss an den Stadtjugendring Musterstadt e.V. als Träger des Jugendhauses „Kiste“ wird ab 2022 so erhöht, dass eine zusätzliche sozialpädagogische Vollzeitstelle finanziert werden kann. Ziel sind Öffnungszeiten an fünf statt drei Tagen und aufsuchende Arbeit im Quartier.

Seite 2

Weitere Angaben bei Leistungen an Zuschussempfänger
Stadtjugendring Musterstadt e.V.

Sachverhalt | Begründung
In der Nordstadt leben überdurchschnittlich viele Kinder und Jugendliche, ein großer Teil davon in Familien, die Sozialleistungen beziehen. Das Jugendhaus „Kiste“ ist für viele von ihnen der einzige Ort außerhalb von Schule und Wohnung, an dem sie sich treffen können. Seit Beginn der Pandemie berichten die Mitarbeitenden von zunehmender Vereinsamung, Konflikten in den Familien und Schulabbrüchen.

Mit nur einer Vollzeitstelle kann das Haus lediglich an drei Nachmittagen öffnen. Eine zweite Fachkraft ermöglicht verlässliche Öffnungszeiten und Streetwork auf den Plätzen, wo sich die Jugendlichen abends aufhalten.

Unterzeichnet von:
Serkan Yıldız, Markus Engelhardt
""",
        "ann": {
            "themes": ["youth_family", "social_welfare"],
            "actions": [
                (
                    "budget",
                    "wird ab 2022 so erhöht, dass eine zusätzliche sozialpädagogische Vollzeitstelle finanziert werden kann",
                ),
            ],
            "funding": [
                (
                    "budget_line",
                    "Teilhaushalt 5000",
                    62000,
                    "THH 5000; 36.20-510",
                    "Transferaufwendungen 62.000 63.500 65.000",
                ),
            ],
            "topic": "Personalstelle Jugendhaus Kiste",
        },
    },
    {
        "n": 123,
        "date": "2022-03-15",
        "paperType": "Resolution",
        "factions": ["fraktion-gruene"],
        "title": "Solidarität mit der Ukraine – Hilfe für Geflüchtete und für eine neue Partnerstadt",
        "consultation": [GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN im Gemeinderat Musterstadt

15.03.2022

RESOLUTION

Solidarität mit der Ukraine – Hilfe für Geflüchtete und für eine neue Partnerstadt

Antrag der Fraktion BÜNDNIS 90/DIE GRÜNEN

Der Gemeinderat möge beschließen:

1. Der Gemeinderat verurteilt den völkerrechtswidrigen Angriffskrieg gegen die Ukraine und bekennt sich zur Solidarität mit den Menschen in der Ukraine.
2. Die Stadt nimmt Geflüchtete aus der Ukraine auf und richtet eine zentrale Anlaufstelle im Bürgerbüro ein, die Unterkunft, Anmeldung, Kitaplätze und Sprachkurse koordiniert.
3. Die Verwaltung nimmt Kontakt zur Stadt Welykyj Lis auf mit dem Ziel, eine Städtepartnerschaft zu begründen und humanitäre Hilfslieferungen zu organisieren.
4. Der Gemeinderat fordert die Bundesregierung auf, die Kommunen bei den Kosten der Aufnahme vollständig zu entlasten.

Begründung:

Seit dem 24. Februar sind Millionen Menschen auf der Flucht. Viele von ihnen kommen bereits bei Verwandten und Bekannten in Musterstadt an. Zahlreiche Bürgerinnen und Bürger bieten Zimmer an, spenden und helfen bei Behördengängen. Die Stadt muss diese Hilfsbereitschaft bündeln und die Ankommenden schnell und unbürokratisch unterstützen.

Über die ukrainische Gemeinde in Musterstadt bestehen seit Jahren Kontakte nach Welykyj Lis. Eine Partnerschaft kann über die akute Nothilfe hinaus den Austausch von Schulen, Vereinen und Verwaltungen begründen und ein Zeichen für ein gemeinsames Europa setzen.

Aylin Demir
Jonas Brückner
""",
        "ann": {
            "themes": ["international", "integration"],
            "actions": [
                ("appeal", "bekennt sich zur Solidarität mit den Menschen in der Ukraine"),
                ("implement", "richtet eine zentrale Anlaufstelle im Bürgerbüro ein"),
            ],
            "funding": [],
            "topic": "Solidarität mit der Ukraine",
        },
    },
    {
        "n": 124,
        "date": "2022-06-21",
        "paperType": "Antrag",
        "factions": ["fraktion-cdu"],
        "title": "Hausärztliche Versorgung in den Ortsteilen sichern",
        "consultation": [ASG, GR],
        "layout": "auxiliary",
        "aux_order": "motion_first",
        "file_name": "Antrag CDU",
        "text": """CDU-Fraktion im Gemeinderat Musterstadt
Rathausplatz 1 · 12345 Musterstadt

21.06.2022

ANTRAG

Hausärztliche Versorgung in den Ortsteilen sichern

Antrag der CDU-Fraktion

Der Gemeinderat möge beschließen:

1. Die Verwaltung berichtet im Ausschuss für Soziales und Gesundheit über die hausärzt-
liche Versorgung in den Ortsteilen, die Altersstruktur der niedergelassenen Ärztinnen
und Ärzte und die absehbaren Praxisschließungen bis 2027.
2. Die Verwaltung prüft gemeinsam mit der Kassenärztlichen Vereinigung, ob in Hohenfeld
oder Lindenhof ein kommunales Medizinisches Versorgungszentrum eingerichtet werden kann.
3. Junge Ärztinnen und Ärzte, die sich in einem unterversorgten Ortsteil niederlassen,
sollen bei der Suche nach Praxisräumen und Wohnung unterstützt werden; hierfür sind
Fördermittel des Landes aus dem Landärzteprogramm zu nutzen.

Begründung:

Von den 31 Hausärztinnen und Hausärzten in Musterstadt sind 14 älter als 60 Jahre. In
Hohenfeld hat die letzte Praxis im Frühjahr geschlossen, die Patientinnen und Patienten
müssen seither in die Kernstadt fahren – für ältere Menschen ohne Auto eine große Hürde.

Viele junge Medizinerinnen und Mediziner scheuen das wirtschaftliche Risiko einer eigenen
Praxis und möchten lieber angestellt arbeiten. Ein Medizinisches Versorgungszentrum in
kommunaler Trägerschaft kann genau das bieten. Das Land unterstützt Niederlassungen im
ländlichen Raum mit Zuschüssen. Diese Möglichkeiten sollten wir aktiv nutzen, bevor wei-
tere Praxen schließen.

Thomas Rieger
Dr. Claudia Vogelsang
""",
        "extra_files": [
            (
                "Anlage 1 - Karte der Hausarztpraxen",
                """Anlage 1
Hausarztpraxen im Stadtgebiet Musterstadt (Stand Mai 2022)

Kernstadt 19 Praxen
Weststadt 5 Praxen
Lindenhof 3 Praxen
Oststadt 4 Praxen
Hohenfeld 0 Praxen
""",
            ),
            (
                "Stellungnahme der Verwaltung",
                """Stadt Musterstadt
Der Oberbürgermeister

Stellungnahme der Verwaltung
zum Antrag der CDU-Fraktion vom 21.06.2022

Hausärztliche Versorgung in den Ortsteilen sichern

Die Verwaltung begrüßt das Anliegen. Die Sicherstellung der ambulanten Versorgung ist Aufgabe der Kassenärztlichen Vereinigung; die Stadt kann jedoch unterstützen.

Zu Ziffer 1: Ein Bericht wird für die Sitzung des Ausschusses für Soziales und Gesundheit im Oktober vorbereitet.

Zu Ziffer 2: Die Gründung eines kommunalen MVZ ist rechtlich möglich, erfordert aber erhebliche Anlaufinvestitionen. Die Verwaltung schlägt vor, zunächst eine Machbarkeitsstudie zu beauftragen. Hierfür wären Mittel in Höhe von 40.000 € im Teilhaushalt 5000 bereitzustellen.

Zu Ziffer 3: Eine Förderung aus dem Landärzteprogramm ist für Musterstadt als Mittelzentrum nur in den Ortsteilen Hohenfeld und Lindenhof möglich.

Die Verwaltung empfiehlt, dem Antrag in geänderter Form zuzustimmen.
""",
            ),
        ],
        "ann": {
            "themes": ["health"],
            "actions": [
                ("report", "Die Verwaltung berichtet im Ausschuss für Soziales und Gesundheit"),
                ("review", "Die Verwaltung prüft gemeinsam mit der Kassenärztlichen Vereinigung"),
                (
                    "implement",
                    "sollen bei der Suche nach Praxisräumen und Wohnung unterstützt werden",
                ),
            ],
            "funding": [
                (
                    "external_grant",
                    "Land (Landärzteprogramm)",
                    None,
                    "",
                    "Fördermittel des Landes aus dem Landärzteprogramm",
                ),
            ],
            "topic": "Hausärztliche Versorgung",
        },
    },
    {
        "n": 125,
        "date": "2022-10-11",
        "paperType": "Antrag",
        "factions": ["fraktion-afd"],
        "title": "Entlastung der Bürger: Senkung des Hebesatzes der Grundsteuer B",
        "consultation": [HFA, GR],
        "text": """AfD-Fraktion im Gemeinderat Musterstadt

11.10.2022

Antrag der AfD-Fraktion

Entlastung der Bürger: Senkung des Hebesatzes der Grundsteuer B

Der Gemeinderat möge beschließen:

1. Der Hebesatz der Grundsteuer B wird zum 1. Januar 2023 von 480 auf 440 Prozent gesenkt.
2. Die Mindereinnahmen von rund 1,2 Mio. Euro jährlich werden durch Minderausgaben gedeckt, insbesondere durch den Verzicht auf die geplante Umgestaltung des Marktplatzes und durch eine Kürzung der Zuschüsse für Klimaschutzprojekte.

Begründung:

Die Bürger unserer Stadt leiden unter stark gestiegenen Preisen für Energie und Lebensmittel. Die Grundsteuer trifft nicht nur Eigentümer, sondern über die Nebenkosten auch alle Mieter. Musterstadt liegt mit einem Hebesatz von 480 Prozent deutlich über dem Durchschnitt vergleichbarer Städte im Land.

Statt die Bürger weiter zu belasten, muss die Stadt bei sich selbst sparen. Prestigeprojekte wie die Umgestaltung des Marktplatzes mit geschätzten Kosten von über 4 Mio. Euro sind in der jetzigen Lage nicht zu vermitteln. Eine Senkung des Hebesatzes ist ein deutliches Signal, dass die Kommunalpolitik die Sorgen der Menschen ernst nimmt.

Roland Kessler
Uwe Sandner
""",
        "ann": {
            "themes": ["budget_finance"],
            "actions": [
                (
                    "implement",
                    "Der Hebesatz der Grundsteuer B wird zum 1. Januar 2023 von 480 auf 440 Prozent gesenkt",
                ),
                ("budget", "eine Kürzung der Zuschüsse für Klimaschutzprojekte"),
            ],
            "funding": [
                (
                    "offset",
                    "Minderausgaben (Umgestaltung Marktplatz, Zuschüsse für Klimaschutzprojekte)",
                    1200000,
                    "",
                    "Die Mindereinnahmen von rund 1,2 Mio. Euro jährlich werden durch Minderausgaben gedeckt",
                ),
            ],
            "topic": "Hebesatz Grundsteuer B",
        },
    },
    {
        "n": 126,
        "date": "2023-02-14",
        "paperType": "Antrag",
        "factions": ["fraktion-gruene", "fraktion-spd"],
        "title": "Kommunale Wärmeplanung und Nahwärmenetze",
        "consultation": [AUM, HFA, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN · SPD-Fraktion
im Gemeinderat Musterstadt

14.02.2023

Gemeinsamer Antrag der Fraktionen BÜNDNIS 90/DIE GRÜNEN und SPD

Kommunale Wärmeplanung und Nahwärmenetze

Der Gemeinderat möge beschließen:

1. Die Verwaltung erstellt gemeinsam mit den Stadtwerken Musterstadt bis Ende 2024 einen kommunalen Wärmeplan, der für jedes Quartier die künftige klimaneutrale Wärme-
versorgung darstellt.
2. Für die Erstellung werden 150.000 € aus dem Klimaschutzfonds der Stadt bereitgestellt. Ergänzend sind Fördermittel des Bundes aus der Kommunalrichtlinie zu beantragen.
3. Für die Quartiere Weststadt und Am Mühlbach wird vorrangig geprüft, ob Nahwärmenetze auf Basis von Abwärme, Geothermie oder Großwärmepumpen wirtschaftlich betrieben werden können.

Begründung:

Rund 40 Prozent der CO2-Emissionen in Musterstadt entstehen beim Heizen von Gebäuden. Ohne eine Wärmewende ist das Ziel der Klimaneutralität nicht zu erreichen. Die Energiepreiskrise des vergangenen Jahres hat zudem gezeigt, wie sehr Haushalte und Betriebe unter der Abhängigkeit von fossilem Gas leiden.

Seite 2

Ein Wärmeplan gibt Eigentümerinnen und Eigentümern Planungssicherheit: Sie erfahren, ob ihr Gebäude künftig an ein Wärmenetz angeschlossen werden kann oder ob eine eigene Wärmepumpe sinnvoller ist. Für die Stadtwerke ist er die Grundlage für Investitionen in Netze.

Die Gewerbegebiete an der Weststadt verfügen über erhebliche ungenutzte Abwärme. Das neue Quartier Am Mühlbach bietet die Chance, ein Wärmenetz von Anfang an mitzuplanen.

Jonas Brückner (GRÜNE)
Petra Hohlbein (SPD)
""",
        "ann": {
            "themes": ["climate_environment", "housing_urban"],
            "actions": [
                (
                    "concept",
                    "Die Verwaltung erstellt gemeinsam mit den Stadtwerken Musterstadt bis Ende 2024 einen kommunalen Wärmeplan",
                ),
                ("budget", "werden 150.000 € aus dem Klimaschutzfonds der Stadt bereitgestellt"),
                ("review", "wird vorrangig geprüft, ob Nahwärmenetze"),
            ],
            "funding": [
                (
                    "named_fund",
                    "Klimaschutzfonds der Stadt",
                    150000,
                    "",
                    "150.000 € aus dem Klimaschutzfonds der Stadt",
                ),
                (
                    "external_grant",
                    "Bund (Kommunalrichtlinie)",
                    None,
                    "",
                    "Fördermittel des Bundes aus der Kommunalrichtlinie",
                ),
            ],
            "topic": "Kommunaler Wärmeplan",
        },
    },
    {
        "n": 127,
        "date": "2023-04-18",
        "paperType": "Antrag",
        "factions": ["fraktion-spd"],
        "title": "Vom Integrationsbeirat zum Integrationsrat",
        "consultation": [ASG, HFA, GR],
        "text": """SPD-Fraktion im Gemeinderat Musterstadt

18.04.2023

Antrag der SPD-Fraktion

Stimme der Migrantinnen und Migranten stärken: Vom Integrationsbeirat zum Integrationsrat

Der Gemeinderat möge beschließen:

1. Der bisherige Integrationsbeirat wird zu einem Integrationsrat weiterentwickelt, dessen Mitglieder überwiegend direkt von den Einwohnerinnen und Einwohnern mit Migrationsgeschichte gewählt werden. Die Verwaltung legt dazu bis Ende 2023 einen Satzungsentwurf vor.
2. Der Integrationsrat erhält ein Antragsrecht in den Ausschüssen des Gemeinderats sowie ein eigenes Budget für Veranstaltungen und Öffentlichkeitsarbeit.
3. Die Geschäftsstelle des Integrationsrats wird mit einer halben Stelle im Amt für Integration ausgestattet.

Begründung:

Fast ein Drittel der Menschen in Musterstadt hat eine Einwanderungsgeschichte, rund 14 Prozent besitzen keinen deutschen Pass und dürfen deshalb bei Kommunalwahlen nicht oder nur eingeschränkt wählen. Der Integrationsbeirat, dessen Mitglieder bisher vom Gemeinderat benannt werden, hat wertvolle Arbeit geleistet, wird in der migrantischen Community aber kaum wahrgenommen.

Ein gewählter Integrationsrat mit echten Mitwirkungsrechten gibt diesen Menschen eine Stimme in der Kommunalpolitik. Die Erfahrungen in anderen Bundesländern zeigen, dass gewählte Gremien mehr Rückhalt haben und Themen wie Einbürgerung, Anerkennung ausländischer Abschlüsse und Diskriminierung auf dem Wohnungsmarkt wirksamer in die Politik tragen.

Zugleich steigt mit der Aufnahme von Geflüchteten aus der Ukraine und anderen Ländern der Bedarf an Beteiligung und Beratung.

Serkan Yıldız
Petra Hohlbein
""",
        "ann": {
            "themes": ["integration", "participation_democracy"],
            "actions": [
                (
                    "implement",
                    "Der bisherige Integrationsbeirat wird zu einem Integrationsrat weiterentwickelt",
                ),
                ("budget", "ein eigenes Budget für Veranstaltungen und Öffentlichkeitsarbeit"),
            ],
            "funding": [],
            "topic": "Integrationsrat",
        },
    },
    {
        "n": 128,
        "date": "2023-07-04",
        "paperType": "Resolution",
        "factions": ["fraktion-cdu", "fraktion-fw"],
        "title": "Kommunen bei der Aufnahme und Unterbringung Geflüchteter nicht allein lassen",
        "consultation": [GR],
        "text": """CDU-Fraktion · FREIE WÄHLER Fraktion
im Gemeinderat Musterstadt

04.07.2023

Gemeinsamer Antrag der Fraktionen CDU und FREIE WÄHLER

Resolution: Kommunen bei der Aufnahme und Unterbringung Geflüchteter nicht allein lassen

Der Gemeinderat möge folgende Resolution beschließen:

1. Der Gemeinderat bekennt sich zur humanitären Verantwortung der Stadt für Menschen, die vor Krieg und Verfolgung fliehen.
2. Der Gemeinderat fordert das Land und den Bund auf, die Kosten für Unterbringung, Versorgung und Integration der Geflüchteten vollständig und dauerhaft zu erstatten, statt die Kommunen mit Pauschalen abzuspeisen.
3. Der Gemeinderat spricht sich dafür aus, dass neue Zuweisungen an die Kommunen sich an den tatsächlich vorhandenen Unterbringungskapazitäten orientieren.
4. Der Oberbürgermeister wird gebeten, diese Resolution dem Ministerpräsidenten und den Bundestagsabgeordneten des Wahlkreises zu übermitteln.

Begründung:

Musterstadt hat seit Anfang 2022 über 1.100 Menschen aufgenommen. Die Gemeinschaftsunterkünfte sind voll, zwei Turnhallen mussten erneut belegt werden, was Schul- und Vereinssport empfindlich trifft. Kitas und Schulen arbeiten an ihrer Belastungsgrenze, Integrationskurse haben lange Wartelisten.

Die Stadt hat 2022 rund 3,4 Mio. Euro für die Unterbringung aufgewendet, die nicht vom Land erstattet wurden. Diese Belastung geht zu Lasten anderer Aufgaben und gefährdet die Akzeptanz in der Bevölkerung. Integration gelingt nur, wenn die Kommunen handlungsfähig bleiben.

Für die CDU-Fraktion: Thomas Rieger
Für die Fraktion FREIE WÄHLER: Elke Maurer
""",
        "ann": {
            "themes": ["integration", "budget_finance"],
            "actions": [
                ("appeal", "fordert das Land und den Bund auf"),
                (
                    "implement",
                    "Der Oberbürgermeister wird gebeten, diese Resolution dem Ministerpräsidenten",
                ),
            ],
            "funding": [],
            "topic": "Kostenerstattung für die Unterbringung Geflüchteter",
        },
    },
    {
        "n": 129,
        "date": "2023-09-26",
        "paperType": "Anfrage",
        "factions": ["fraktion-linke"],
        "title": "Wartezeiten bei Integrations- und Sprachkursen",
        "consultation": [KENNTNIS],
        "layout": "auxiliary",
        "aux_order": "reply_first",
        "file_name": "Anfrage DIE LINKE",
        "reference": "2023/0815",
        "text": """DIE LINKE. Fraktion im Gemeinderat Musterstadt

ANFRAGE

Anfrage der Fraktion DIE LINKE vom 26.09.2023

Wartezeiten bei Integrations- und Sprachkursen

Die Verwaltung wird gebeten, folgende Fragen zu beantworten:

1. Wie viele Personen warten in Musterstadt derzeit auf einen Platz in einem Integrationskurs, und wie lang ist die durchschnittliche Wartezeit?
2. Wie viele Kurse mit Kinderbetreuung gibt es, und wie hoch ist der Anteil der Frauen unter den Teilnehmenden?
3. Wie viele Lehrkräfte fehlen nach Kenntnis der Verwaltung bei den Kursträgern, und welche Gründe sehen die Träger dafür?
4. Welche Möglichkeiten sieht die Verwaltung, Wartezeiten durch städtische Angebote wie Sprachcafés oder Kurse der Volkshochschule zu überbrücken?

Begründung:

Die Kursträger in Musterstadt berichten von Wartelisten mit mehreren hundert Namen. Besonders Mütter kleiner Kinder haben kaum eine Chance auf einen Platz, weil Kurse mit Kinderbetreuung fehlen. Wer monatelang warten muss, verliert wertvolle Zeit – für die Arbeitssuche, für die Anerkennung von Abschlüssen und für den Kontakt mit der Nachbarschaft.

Die Honorare für Lehrkräfte in Integrationskursen sind seit Jahren nicht angemessen gestiegen, viele wechseln in besser bezahlte Tätigkeiten. Der Bund ist hier in der Pflicht; die Stadt sollte aber wissen, wie groß die Lücke vor Ort ist, und eigene Überbrückungsangebote prüfen.

Mira Jankowski
""",
        "extra_files": [
            (
                "STN Anfrage 2023/0815",
                """Stadt Musterstadt – Amt für Integration

STELLUNGNAHME zur Anfrage der Fraktion DIE LINKE
Vorlage Nr. 2023/0815

Wartezeiten bei Integrations- und Sprachkursen

Zu Frage 1: Nach Auskunft der Kursträger warten derzeit rund 420 Personen auf einen Kursplatz. Die durchschnittliche Wartezeit beträgt vier bis sechs Monate.

Zu Frage 2: Von 23 laufenden Kursen bieten drei eine Kinderbetreuung an. Der Frauenanteil liegt bei 54 Prozent.

Zu Frage 3: Die Träger melden insgesamt elf unbesetzte Lehrkraftstellen.

Zu Frage 4: Die Verwaltung wird prüfen, ob die Volkshochschule ab dem Frühjahr 2024 zusätzliche Brückenkurse anbieten kann. Hierfür könnten Mittel in Höhe von 30.000 € aus dem Integrationsbudget bereitgestellt werden.
""",
            ),
        ],
        "ann": {
            "themes": ["integration", "education_childcare"],
            "actions": [
                ("inquiry", "Die Verwaltung wird gebeten, folgende Fragen zu beantworten"),
            ],
            "funding": [],
            "topic": "Wartezeiten bei Integrationskursen",
        },
    },
    {
        "n": 130,
        "date": "2023-11-21",
        "paperType": "Änderungsantrag",
        "factions": ["fraktion-fdp"],
        "title": "Änderungsantrag zur Neuordnung der Parkgebühren in der Innenstadt",
        "consultation": [GR],
        "text": """FDP-Fraktion im Gemeinderat Musterstadt

21.11.2023

ÄNDERUNGSANTRAG der FDP-Fraktion

zur Vorlage 2023/0902 „Neuordnung der Parkgebühren in der Innenstadt“

Der Beschlussantrag der Verwaltung wird wie folgt geändert:

Ziffer 1 wird wie folgt gefasst:
„1. Die Gebühr für das Parken auf öffentlichen Parkplätzen in der Innenstadt wird ab dem 1. April 2024 auf 2,00 Euro je Stunde festgesetzt.“ (statt 3,00 Euro)

Ziffer 3 wird ergänzt um den Satz:
„Die erste halbe Stunde ist an Samstagen gebührenfrei (Brötchentaste).“

Ziffer 4 (Erhöhung der Gebühr für Anwohnerparkausweise auf 180 Euro jährlich) entfällt.

Begründung:

Eine Erhöhung der Parkgebühren um 200 Prozent schwächt den ohnehin unter Druck stehenden Einzelhandel in der Innenstadt gegenüber den Einkaufszentren auf der grünen Wiese, die kostenloses Parken anbieten. Eine moderate Anpassung ist vertretbar, eine Verdreifachung nicht.

Die Brötchentaste hat sich in vielen Städten bewährt: Sie ermöglicht kurze Erledigungen und belebt die Geschäfte. Die Erhöhung der Anwohnerparkgebühren trifft vor allem Familien und Beschäftigte, die auf ihr Auto angewiesen sind, und sollte erst nach dem Ausbau des Busangebots diskutiert werden.

Sabine Körner
Felix Lorenzen
""",
        "ann": {
            "themes": ["mobility", "budget_finance"],
            "actions": [
                ("amend", "Der Beschlussantrag der Verwaltung wird wie folgt geändert"),
            ],
            "funding": [],
            "topic": "Parkgebühren in der Innenstadt",
        },
    },
    {
        "n": 131,
        "date": "2024-02-20",
        "paperType": "Antrag",
        "factions": ["fraktion-gruene"],
        "title": "Hitzeschutz in der Innenstadt: 500 neue Stadtbäume und ein Hitzeaktionsplan",
        "consultation": [AUM, HFA, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN im Gemeinderat Musterstadt

20.02.2024

ANTRAG

Hitzeschutz in der Innenstadt: 500 neue Stadtbäume und ein Hitzeaktionsplan

Antrag der Fraktion BÜNDNIS 90/DIE GRÜNEN

Der Gemeinderat möge beschließen:

1. Die Stadt pflanzt bis 2028 mindestens 500 zusätzliche, klimaresiliente Straßenbäume, vorrangig in den am stärksten überhitzten Quartieren Altstadt, Bahnhofsviertel und Nordstadt.
2. Für die Pflanzungen und die Pflege in den ersten drei Standjahren werden jährlich 250.000 € aus dem Klimaschutzfonds der Stadt bereitgestellt.
3. Die Verwaltung entwickelt gemeinsam mit dem Gesundheitsamt des Landkreises einen Hitzeaktionsplan, der kühle Orte, Trinkbrunnen und ein Warnsystem für ältere und pflegebedürftige Menschen umfasst.
4. Die Verwaltung prüft, wo Flächen entsiegelt und Trinkwasserbrunnen aufgestellt werden können.

Begründung:

Im Sommer 2023 wurden in der Innenstadt an 21 Tagen mehr als 30 Grad gemessen. Hitze ist das größte klimabedingte Gesundheitsrisiko in Deutschland; besonders gefährdet sind alte Menschen, chronisch Kranke und kleine Kinder. Die Klimaanalyse der Stadt zeigt, dass sich dicht bebaute Quartiere mit wenig Grün nachts kaum abkühlen.

Straßenbäume sind die wirksamste Maßnahme gegen Überhitzung: Sie spenden Schatten, kühlen durch Verdunstung und speichern Regenwasser. Damit junge Bäume die trockenen Sommer überstehen, ist eine verlässliche Bewässerung in den ersten Jahren notwendig.

Ein Hitzeaktionsplan bündelt die Maßnahmen der Stadt und schützt Leben. Viele Städte haben solche Pläne bereits beschlossen.

Dr. Katrin Wellmann
Aylin Demir
""",
        "extra_files": [
            (
                "Stellungnahme der Verwaltung",
                """Stadt Musterstadt
Der Oberbürgermeister

STELLUNGNAHME zum Antrag der Fraktion BÜNDNIS 90/DIE GRÜNEN

Hitzeschutz in der Innenstadt: 500 neue Stadtbäume und ein Hitzeaktionsplan

Die Verwaltung unterstützt die Zielsetzung des Antrags. Im Klimaschutzfonds stehen für 2024 nach den bereits beschlossenen Maßnahmen noch 180.000 € zur Verfügung. Die Verwaltung schlägt daher vor, 2024 mit 150 Bäumen zu beginnen und die weiteren Pflanzungen im Doppelhaushalt 2025/2026 zu veranschlagen.

Ein Hitzeaktionsplan wird gemeinsam mit dem Gesundheitsamt bis zum Sommer 2025 erarbeitet.
""",
            ),
        ],
        "ann": {
            "themes": ["climate_environment", "health"],
            "actions": [
                (
                    "implement",
                    "Die Stadt pflanzt bis 2028 mindestens 500 zusätzliche, klimaresiliente Straßenbäume",
                ),
                (
                    "budget",
                    "werden jährlich 250.000 € aus dem Klimaschutzfonds der Stadt bereitgestellt",
                ),
                (
                    "concept",
                    "Die Verwaltung entwickelt gemeinsam mit dem Gesundheitsamt des Landkreises einen Hitzeaktionsplan",
                ),
                ("review", "Die Verwaltung prüft, wo Flächen entsiegelt"),
            ],
            "funding": [
                (
                    "named_fund",
                    "Klimaschutzfonds der Stadt",
                    250000,
                    "",
                    "250.000 € aus dem Klimaschutzfonds der Stadt",
                ),
            ],
            "topic": "Stadtbäume und Hitzeaktionsplan",
        },
    },
    {
        "n": 132,
        "date": "2024-05-14",
        "paperType": "Anfrage",
        "factions": ["fraktion-afd"],
        "title": "Verwendung von Gendersprache in Schreiben der Stadtverwaltung",
        "consultation": [KENNTNIS],
        "text": """AfD-Fraktion im Gemeinderat Musterstadt

ANFRAGE

Anfrage der AfD-Fraktion vom 14.05.2024

Verwendung von Gendersprache in Schreiben der Stadtverwaltung

Wir bitten um Beantwortung der folgenden Fragen:

1. Auf welcher Grundlage verwendet die Stadtverwaltung in Schreiben, Formularen und auf der Internetseite Schreibweisen mit Genderstern oder Doppelpunkt, etwa „Bürger:innen“?
2. Welche Kosten sind seit 2020 für die Überarbeitung von Formularen, Leitfäden und Schulungen zu geschlechtergerechter Sprache entstanden?
3. Wie viele Stellen sind in der Gleichstellungsstelle und im Büro für Vielfalt derzeit besetzt?
4. Wie stellt die Verwaltung sicher, dass ihre Texte für Menschen mit Leseschwierigkeiten und für Menschen, die Deutsch als Fremdsprache lernen, verständlich bleiben?

Begründung:

Der Rat für deutsche Rechtschreibung hat Sonderzeichen im Wortinneren nicht in das amtliche Regelwerk aufgenommen. Mehrere Landesregierungen haben ihren Behörden die Verwendung solcher Zeichen untersagt. Nach Umfragen lehnt eine deutliche Mehrheit der Bevölkerung die Gendersprache ab.

Die Verwaltung ist zu einer klaren und verständlichen Sprache verpflichtet. Schreibweisen, die der amtlichen Rechtschreibung widersprechen, erschweren das Verständnis gerade für Menschen mit Leseschwierigkeiten und Zugewanderte. Die Bürger haben ein Recht zu erfahren, welche Mittel für diese Umstellung aufgewendet wurden.

Uwe Sandner
""",
        "ann": {
            "themes": ["diversity", "digital_admin"],
            "actions": [
                ("inquiry", "Wir bitten um Beantwortung der folgenden Fragen"),
            ],
            "funding": [],
            "topic": "Gendersprache in der Verwaltung",
        },
    },
    {
        "n": 133,
        "date": "2024-10-22",
        "paperType": "Haushaltsantrag",
        "factions": ["fraktion-fw"],
        "title": "Freibad Hohenfeld – Sanierung der Beckenanlage",
        "consultation": [HFA, GR],
        "text": """FREIE WÄHLER Fraktion im Gemeinderat Musterstadt

22.10.2024

DOPPELHAUSHALT 2025/2026
HAUSHALTSANTRAG HH/2024/0118

Freibad Hohenfeld – Sanierung der Beckenanlage

Zuordnung im Haushaltsplan
Seite im HH-Plan Teilhaushalt
 402  6600
Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition
Bitte aus Liste auswählen
Finanzhaushalt: Investive Maßnahme
 7.424001 Freibad Hohenfeld, Beckensanierung

Änderungen und neue Mittelanmeldungen
Art 2025 2026 2027
Stellenschaffung/-reduzierung
Bitte aus Liste auswählen
Erhöhung/Reduzierung Erträge, Aufwendungen, Ein- oder Auszahlungen
Auszahlungen für Baumaßnahmen 400.000 800.000 0
Bitte aus Liste auswählen
Sperrvermerk

Verpflichtungsermächtigung
800.000
Konzeption, Ziele, Maßnahmen, Kennzahlen
Die Sanierung der Edelstahlbecken und der Filtertechnik des Freibads Hohenfeld wird in den Doppelhaushalt 2025/2026 aufgenommen. Die Planung beginnt 2025, die Bauarbeiten erfolgen in der Winterpause 2025/26, sodass das Bad zur Saison 2026 wieder öffnen kann. Gleichzeitig ist zu prüfen, ob eine Solarabsorberanlage zur Beckenwassererwärmung mit Fördermitteln des Landes errichtet werden kann.

Seite 2

Sachverhalt | Begründung
Das Freibad Hohenfeld ist das einzige Freibad im Süden der Stadt und wird an Sommertagen von bis zu 2.500 Badegästen besucht, darunter viele Schulklassen und Familien. Die Becken sind undicht, jährlich gehen mehrere tausend Kubikmeter Wasser verloren. Die Filteranlage stammt aus dem Jahr 1989; für einzelne Bauteile gibt es keine Ersatzteile mehr.

Ohne Sanierung droht nach Einschätzung des Bäderbetriebs die Schließung. Gerade in heißen Sommern ist ein Freibad kein Luxus, sondern ein wichtiger Ort für Erholung, Bewegung und Schwimmen lernen.

Unterzeichnet von:
Hans-Peter Gräber, Elke Maurer
""",
        "ann": {
            "themes": ["culture_sport"],
            "actions": [
                ("budget", "wird in den Doppelhaushalt 2025/2026 aufgenommen"),
                ("review", "ist zu prüfen, ob eine Solarabsorberanlage"),
            ],
            "funding": [
                (
                    "budget_line",
                    "Teilhaushalt 6600",
                    400000,
                    "THH 6600; 7.424001",
                    "Auszahlungen für Baumaßnahmen 400.000 800.000 0",
                ),
                ("external_grant", "Land", None, "", "mit Fördermitteln des Landes"),
            ],
            "topic": "Sanierung Freibad Hohenfeld",
        },
    },
    {
        "n": 134,
        "date": "2025-01-28",
        "paperType": "Antrag",
        "factions": ["fraktion-spd", "fraktion-linke"],
        "title": "Kitaplätze schaffen, Fachkräfte gewinnen",
        "consultation": [JHA, GR],
        "text": """SPD-Fraktion · Fraktion Die Linke
im Gemeinderat Musterstadt

28.01.2025

Gemeinsamer Antrag der Fraktionen SPD und Die Linke

Kitaplätze schaffen, Fachkräfte gewinnen

Der Gemeinderat möge beschließen:

1. Die Verwaltung legt bis zur Sommerpause 2025 einen Kita-Ausbauplan vor, der den Bedarf an Betreuungsplätzen für Kinder unter drei Jahren und im Kindergartenalter bis 2030 je Stadtteil ausweist und die notwendigen Neubauten und Erweiterungen benennt.
2. Die Verwaltung erarbeitet ein Konzept zur Gewinnung von Fachkräften, insbesondere eine praxisintegrierte Ausbildung mit Vergütung in städtischen Kitas und Hilfen bei der Wohnungssuche.
3. Für Investitionen sind Fördermittel des Bundes und des Landes, etwa aus dem Investitionsprogramm Kinderbetreuungsfinanzierung, vorrangig einzusetzen.
4. Die Verwaltung berichtet halbjährlich im Jugendhilfeausschuss über die Zahl der fehlenden Plätze und der unbesetzten Stellen.

Begründung:

Zum Stichtag 1. März 2024 fehlten in Musterstadt rund 380 Kitaplätze. Eltern, vor allem Mütter, können deshalb nicht oder nur eingeschränkt arbeiten; Kinder, die besonders auf frühe Förderung angewiesen sind, bleiben außen vor. Der Rechtsanspruch auf einen Betreuungsplatz steht auf dem Papier, wird aber nicht eingelöst.

Gleichzeitig können bestehende Gruppen nicht geöffnet werden, weil Erzieherinnen und Erzieher fehlen. Der Ausbau von Gebäuden allein reicht daher nicht. Wer in Musterstadt ausgebildet wird, soll hier auch arbeiten und wohnen können.

Serkan Yıldız (SPD)
Mira Jankowski (Die Linke)
""",
        "ann": {
            "themes": ["education_childcare", "youth_family"],
            "actions": [
                ("concept", "Die Verwaltung erarbeitet ein Konzept zur Gewinnung von Fachkräften"),
                ("report", "Die Verwaltung berichtet halbjährlich im Jugendhilfeausschuss"),
            ],
            "funding": [
                (
                    "external_grant",
                    "Bund und Land (Investitionsprogramm Kinderbetreuungsfinanzierung)",
                    None,
                    "",
                    "Fördermittel des Bundes und des Landes",
                ),
            ],
            "topic": "Kita-Ausbau",
        },
    },
    {
        "n": 135,
        "date": "2025-04-08",
        "paperType": "Antrag",
        "factions": ["fraktion-gruene"],
        "title": "Solaroffensive: Photovoltaik auf allen geeigneten städtischen Dächern",
        "consultation": [AUM, HFA, GR],
        "text": """Fraktion BÜNDNIS 90/DIE GRÜNEN im Gemeinderat Musterstadt

08.04.2025

ANTRAG

Solaroffensive: Photovoltaik auf allen geeigneten städtischen Dächern

Antrag der Fraktion BÜNDNIS 90/DIE GRÜNEN

Der Gemeinderat möge beschließen:

1. Auf allen geeigneten Dächern städtischer Gebäude werden bis Ende 2027 Photovoltaikanlagen errichtet. Die Stadtwerke Musterstadt werden mit Planung und Betrieb beauftragt.
2. Für das Programm werden 1,2 Mio. Euro aus dem Klimaschutzfonds der Stadt bereitgestellt; die Einnahmen aus der Einspeisung fließen dem Fonds wieder zu.
3. Die Verwaltung berichtet jährlich über die installierte Leistung und die erzeugte Strommenge.

Begründung:

Von den 164 städtischen Gebäuden tragen bisher nur 19 eine Solaranlage. Nach dem Solarkataster der Stadt sind mindestens 90 weitere Dächer gut geeignet, darunter Schulen, Sporthallen und Betriebshöfe. Der dort erzeugte Strom kann überwiegend direkt im Gebäude genutzt werden und senkt die Energiekosten der Stadt dauerhaft.

Die Preise für Module sind in den vergangenen Jahren stark gefallen, Anlagen amortisieren sich heute in weniger als zehn Jahren. Mit dem Rückfluss der Erträge in den Klimaschutzfonds entsteht ein revolvierender Fonds, aus dem weitere Projekte finanziert werden können.

Die Stadt muss beim Klimaschutz mit gutem Beispiel vorangehen. Bei Dächern, die ohnehin saniert werden müssen, sind die Arbeiten zu bündeln.

Jonas Brückner
Dr. Katrin Wellmann
""",
        "ann": {
            "themes": ["climate_environment"],
            "actions": [
                ("implement", "werden bis Ende 2027 Photovoltaikanlagen errichtet"),
                (
                    "budget",
                    "werden 1,2 Mio. Euro aus dem Klimaschutzfonds der Stadt bereitgestellt",
                ),
                ("report", "Die Verwaltung berichtet jährlich über die installierte Leistung"),
            ],
            "funding": [
                (
                    "named_fund",
                    "Klimaschutzfonds der Stadt",
                    1200000,
                    "",
                    "1,2 Mio. Euro aus dem Klimaschutzfonds der Stadt",
                ),
            ],
            "topic": "Photovoltaik auf städtischen Dächern",
        },
    },
    {
        "n": 136,
        "date": "2025-06-24",
        "paperType": "Antrag",
        "factions": ["fraktion-cdu"],
        "title": "Lebendige Innenstadt: Leerstandsmanagement und Bürgerwerkstatt",
        "consultation": [HFA, GR],
        "text": """CDU-Fraktion im Gemeinderat Musterstadt

24.06.2025

ANTRAG

Lebendige Innenstadt: Leerstandsmanagement und Bürgerwerkstatt

Antrag der CDU-Fraktion

Der Gemeinderat möge beschließen:

1. Die Verwaltung richtet ein Leerstandsmanagement ein, das leerstehende Ladenflächen in der Innenstadt erfasst, Eigentümer berät und Zwischennutzungen durch Start-ups, Kunst und Handwerk vermittelt.
2. Die Verwaltung wird beauftragt zu prüfen, ob die Innenstadt in das Förderprogramm „Lebendige Zentren“ von Bund und Land aufgenommen werden kann, und dem Gemeinderat hierüber zu berichten.
3. Vor der Erarbeitung eines Innenstadtkonzepts wird eine Bürgerwerkstatt durchgeführt, in der Einzelhandel, Gastronomie, Anwohnerschaft und Jugendliche ihre Vorstellungen einbringen können.

Begründung:

In der Fußgängerzone stehen derzeit 23 Ladenlokale leer, einige davon seit mehr als zwei Jahren. Der Onlinehandel, gestiegene Energiekosten und die Folgen der Pandemie setzen den inhabergeführten Geschäften zu. Leere Schaufenster ziehen weitere Leerstände nach sich und beeinträchtigen das Sicherheitsgefühl.

Ein aktives Leerstandsmanagement hat in vielen Mittelstädten geholfen, die Abwärtsspirale zu durchbrechen. Das Förderprogramm „Lebendige Zentren“ unterstützt Kommunen bei Investitionen in den öffentlichen Raum und bei Verfügungsfonds für private Initiativen.

Die Innenstadt gehört allen. Deshalb sollen die Bürgerinnen und Bürger von Anfang an mitreden.

Thomas Rieger
Bernd Haller
""",
        "ann": {
            "themes": ["economy_labor", "housing_urban", "participation_democracy"],
            "actions": [
                ("implement", "Die Verwaltung richtet ein Leerstandsmanagement ein"),
                ("review", "Die Verwaltung wird beauftragt zu prüfen, ob die Innenstadt"),
                ("report", "dem Gemeinderat hierüber zu berichten"),
            ],
            "funding": [
                (
                    "named_fund",
                    "Förderprogramm „Lebendige Zentren“",
                    None,
                    "",
                    "Förderprogramm „Lebendige Zentren“ von Bund und Land",
                ),
            ],
            "topic": "Leerstandsmanagement Innenstadt",
        },
    },
]
