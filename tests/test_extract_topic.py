"""Topic rules on titles written for these tests."""

from __future__ import annotations

from pipeline.extract.topic import TopicRules


def test_slogan_side_loses_to_the_side_the_request_names():
    r = TopicRules()
    topic = r.from_title(
        "Grün statt Grau: Dachbegrünung auf Schulgebäuden",
        "Die Verwaltung prüft die Dachbegrünung der Schulgebäude.",
    )
    assert topic == "Dachbegrünung auf Schulgebäuden"


def test_long_title_is_cut_after_its_object():
    r = TopicRules()
    topic = r.from_title("Leihsystem für Lastenräder in Zusammenarbeit mit den Stadtwerken")
    assert topic == "Leihsystem für Lastenräder"


def test_leading_action_noun_is_dropped():
    r = TopicRules()
    assert r.from_title("Einrichtung eines Jugendbeirats") == "Jugendbeirat"


def test_modifiers_the_request_never_mentions_are_dropped():
    r = TopicRules()
    got = r.drop_unmentioned_modifiers(
        "Radwege mit beleuchteten Querungen", "die verwaltung baut radwege mit querungen."
    )
    assert got == "Radwege mit Querungen"
    assert r.drop_unmentioned_modifiers("Radwege", "nichts") == "Radwege"


def test_abbreviation_replaces_the_name_it_abbreviates():
    r = TopicRules()
    topic = r.from_title(
        "Wartezeiten vor der Außenstelle des Bundesamtes für Migration und Flüchtlinge (BAMF)"
    )
    assert topic == "Wartezeiten vor der Außenstelle des BAMF"
    # An abbreviation whose name is not spelled out is kept: it may be the key term.
    assert (
        r.from_title("Geplantes Freihandelsabkommen (TTIP)") == "Geplantes Freihandelsabkommen TTIP"
    )


def test_bracketed_short_name_sharing_a_stem_is_the_topic():
    r = TopicRules()
    title = "Fonds zur Förderung der Sichtbarkeit und Stärkung der queeren Vielfalt (Queer-Fonds)"
    assert r.from_title(title) == "Queer-Fonds"
    # A bracketed nickname that shares nothing with the name is not an alias.
    got = r.from_title(
        "Finanzielle Anreize für gemeinnützige Arbeit von Asylbewerbern (Ein-Euro-Jobs)"
    )
    assert got is not None and "Asylbewerbern" in got


def test_generic_words_go_with_their_adjectives_and_articles():
    r = TopicRules()
    assert r.from_title(
        "Sachdienliche Informationen zu Schwangerschaftsabbrüchen bereitstellen"
    ) == ("Informationen zu Schwangerschaftsabbrüchen")
    assert r.from_title("Abschließbares Fahrradhäuschen im Bereich der Schule am Lustgarten") == (
        "Abschließbares Fahrradhäuschen Schule am Lustgarten"
    )
    assert (
        r.from_title("Klare Roadmap für den Energieleitplan") == "Roadmap für den Energieleitplan"
    )


def test_closing_verbs_and_second_demand_are_cut():
    r = TopicRules()
    assert r.from_title("Umbau der Kaiserstraße verschieben und Planung überarbeiten") == (
        "Umbau der Kaiserstraße"
    )
    assert r.from_title("Fahrradstraße Sophienstraße vorbereiten und ausweisen") == (
        "Fahrradstraße Sophienstraße"
    )
    # A lower-case adjective before a noun is not a verb.
    assert "digitalen" in r.from_title("Qualität der digitalen Anzeigesysteme im Nahverkehr")


def test_amounts_school_years_and_gender_pairs_are_trimmed():
    r = TopicRules()
    assert r.from_title("Treffpunkt für Eltern um 85.900 Euro kürzen") == "Treffpunkt für Eltern"
    assert r.from_title("Schulsozialarbeit an Grundschulen im Schuljahr 2025/26 weiterführen") == (
        "Schulsozialarbeit an Grundschulen"
    )
    assert r.from_title("Countdown-Ampeln für Fußgängerinnen und Fußgänger") == (
        "Countdown-Ampeln für Fußgänger"
    )
    # A preposition is not an adjective: "während" stays.
    assert r.drop_unmentioned_modifiers("Öffnungskonzept während der Pandemie", "ein konzept") == (
        "Öffnungskonzept während der Pandemie"
    )


def test_what_is_left_in_the_genitive_is_put_in_the_nominative():
    r = TopicRules()
    cases = {
        "Stand der Entwicklung eines gesamtstädtischen Inklusionskonzepts": (
            "Gesamtstädtisches Inklusionskonzept"
        ),
        "Erhöhung der interkulturellen Kompetenz": "Interkulturelle Kompetenz",
        "Bereitstellung kostenfreier Hygieneprodukte an Schulen": (
            "Kostenfreie Hygieneprodukte an Schulen"
        ),
        "Einrichtung eines Jugendbeirats": "Jugendbeirat",
        # already nominative, and a Fonds keeps its -s
        "Einrichtung kostenfreies WLAN am Bahnhof": "Kostenfreies WLAN am Bahnhof",
        "Einrichtung eines sozialen Innovationsfonds": "Sozialer Innovationsfonds",
    }
    for title, topic in cases.items():
        assert r.topic(title, [], [], None) == topic, title


def test_slogan_parts_and_second_conjuncts_lose():
    r = TopicRules()
    # a purpose clause after the dash is a slogan; the object is before it
    ctx = "Die Verwaltung wird beauftragt, die Beteiligungsplattform weiterzuentwickeln."
    got = r.from_title("Beteiligungsplattform weiterentwickeln – für echte Beteiligung", ctx)
    assert got == "Beteiligungsplattform"
    assert r.from_title("Sprachkurse an Volkshochschulen und die Finanzierung durch das Land") == (
        "Sprachkurse an Volkshochschulen"
    )


def test_budget_form_codes_and_categories_are_not_the_topic():
    r = TopicRules()
    # the form category goes; a budget motion for one organisation names its grant
    assert r.topic(
        "HHS4_GR49 - Institutionelle Förderung Sonstige 2 - Kinemathek", [], [], None
    ) == ("Förderung Kinemathek")
    assert r.topic("HHS4_GR50 - PRIDE PICTURES - Rücknahme Kürzung", [], [], None) == (
        "PRIDE PICTURES"
    )
    got = r.topic("Verkehrssichernde Maßnahmen an der Kreuzung Rehbuckel", [], [], None)
    assert got == "Kreuzung Rehbuckel"


def test_budget_positions_of_other_layouts_are_not_the_topic():
    r = TopicRules()
    # Teilhaushalt/Produkt of a city, Einzelplan/Kapitel/Titel of a Land: the position leads
    # the title, the object follows the dash
    got = r.from_title(
        "Teilhaushalt 05 Jugend, Produkt 3620 Jugendarbeit – Erhöhung des Zuschusses an den "
        "Stadtjugendring"
    )
    assert got is not None and "Stadtjugendring" in got and "Teilhaushalt" not in got
    got = r.from_title("Einzelplan 07, Kapitel 0710, Titel 684 01 – Förderung der Tafeln")
    assert got is not None and "Tafeln" in got and "Einzelplan" not in got
    # a position without a dash after it is the whole title and stays
    assert "Jugendarbeit" in (r.from_title("Produkt 3620 Jugendarbeit") or "")


def test_budget_motions_for_one_organisation_name_the_grant():
    r = TopicRules()
    request = "Der Zuschuss an den Verein wird um 10 Prozent auf 22.000 Euro erhöht."
    got = r.topic("Kulturverein Tempel e. V.", [], [], request, paper_type="Haushalt THH 4100")
    assert got == "Zuschuss Kulturverein Tempel e. V"
    # not a budget motion, or a topic that names money already: no prefix
    assert r.topic("Kulturverein Tempel e. V.", [], [], request, paper_type="Antrag") == (
        "Kulturverein Tempel e. V"
    )
    got = r.topic("Kürzungen im Kulturbereich", [], [], request, paper_type="Haushalt THH 4100")
    assert got == "Kürzungen im Kulturbereich"
    # a fund is the money itself
    got = r.topic("Queer-Diversity-Fonds", [], [], request, paper_type="Haushalt THH 1000")
    assert got == "Queer-Diversity-Fonds"


def test_process_nouns_the_home_town_and_dashes_inside_names():
    r = TopicRules()
    cases = {
        # what is done to the object is not the object
        "Standortsuche für einen neuen Spielplatz": "Spielplatz",
        "Übernahme einer Patenschaft für ein Seenotrettungsschiff": (
            "Patenschaft für ein Seenotrettungsschiff"
        ),
        "Bessere Rahmenbedingungen für Inklusion in Kindertagesstätten": (
            "Inklusion in Kindertagesstätten"
        ),
        "Streichung aller Gebühren- und Beitragserhöhungen": "Gebühren- und Beitragserhöhungen",
        # a generic conjunct goes with its "und"
        "Verkehrsentwicklungsplan - Projekte und Maßnahmen Durlach": (
            "Verkehrsentwicklungsplan Projekte Durlach"
        ),
        # the home town as part of a name stays; as the place of everything it goes
        "Sachstand zur Dreifeldsporthalle für den SSC Karlsruhe": (
            "Dreifeldsporthalle für den SSC Karlsruhe"
        ),
        "Karlsruhe zum sicheren Hafen erklären": "Sicherer Hafen",
        "Belästigungen in Karlsruher Bädern": "Belästigungen in Bädern",
        # house numbers and routes are one name, not slogan and object
        "Nachverdichtung Kolberger Straße 3 - 5": "Nachverdichtung Kolberger Straße 3-5",
        "Fahrradroute Sophienstraße - Herrenstraße - Erbprinzenstraße vorbereiten und ausweisen": (
            "Fahrradroute Sophienstraße–Herrenstraße–Erbprinzenstraße"
        ),
    }
    for title, topic in cases.items():
        assert r.topic(title, [], [], None) == topic, title
    assert "Karlsruhe" not in r.keywords("Dreifeldsporthalle für den SSC Karlsruhe", [])


def test_titles_of_inquiries_and_reports_lose_their_frame():
    r = TopicRules()
    cases = {
        "Anfrage der SPD-Ortschaftsratsfraktion zu einem Katastrophenschutzplan für Neureut": (
            "Katastrophenschutzplan für Neureut"
        ),
        "Antrag der Fraktion Bündnis 90/Die Grünen auf Umwidmung der Kreisstraße K9658": (
            "Umwidmung der Kreisstraße K9658"
        ),
        "KOD-Statistik Grötzingen (Anfrage des Ortschaftsrats Breier (FDP))": (
            "KOD-Statistik Grötzingen"
        ),
        "Planungsstand Radverkehr Rittnertstraße Mai 2022": "Radverkehr Rittnertstraße",
        "Aktualisierung und Anpassung der Grillplatzordnung": "Grillplatzordnung",
        "Kunstkommission straffer organisieren": "Kunstkommission",
        "Bürger*innenbeteiligung zum Doppelhaushalt": "Bürgerbeteiligung zum Doppelhaushalt",
        "Einen verkaufsoffenen Sonntag streichen": "Verkaufsoffener Sonntag",
        # a short name keeps its words; the brackets go
        "Gebäude Alte Feuerwache und Badisches Konservatorium (KONS)": (
            "Gebäude Alte Feuerwache und Badisches Konservatorium"
        ),
        # a title part of generic words only is not the topic
        "TanzAreal: Institutionelle Förderung": "TanzAreal",
    }
    for title, topic in cases.items():
        assert r.topic(title, [], [], None) == topic, title
    # a lower-case word with capitals inside is a noun, not an adverb
    assert r.topic("Mobilität mit e-Roller-Angeboten fördern", [], [], None) == (
        "Mobilität mit e-Roller-Angeboten"
    )


def test_questions_remarks_dates_and_gender_marks():
    r = TopicRules()
    cases = {
        "Verlängerung der Außenbestuhlungsflächen (u. a. Heizstrahler)": "Außenbestuhlungsflächen",
        "Leistungen für Menschen mit Behinderung ab dem 01.01.2020": (
            "Leistungen für Menschen mit Behinderung"
        ),
        "Beratung für Bürger*innen": "Beratung für Bürger",
        "Erfahrungen mit Kita-Zusatzkräften in Zeiten des Personalmangels": "Kita-Zusatzkräften",
    }
    for title, topic in cases.items():
        assert r.topic(title, [], [], None) == topic, title
    # the question word goes with the question mark
    got = r.topic("Wie viele Wohnungen wurden durch die Zweitwohnungssteuer frei?", [], [], None)
    assert got.startswith("Wohnungen") and "Zweitwohnungssteuer" in got
