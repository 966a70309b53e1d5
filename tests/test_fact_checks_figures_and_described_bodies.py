"""Families from the fourth round of written gold: a fact-check's own labels ("THE FACTS:"),
figures put on something, bodies described as public in apposition, regional services of known
outlets, papers and documents named by their titles, imagery whose participle the parser reads
as a past tense, a memo's writer said of the memo, and an unnamed holder of a post. Every
article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at

FACT_CHECK = ("Harlan's claims at the rally\n\n"
              "Former Gov. Wade Harlan spoke at a rally on Saturday.\n\n"
              "HARLAN: \"Crime is at its highest level in 30 years.\"\n\n"
              "THE FACTS: That's false. FBI data show violent crime fell in 2024.\n\n"
              "HARLAN: \"We lost a million factory jobs.\"\n\n"
              "THE FACTS: Not so. Manufacturing employment rose in 14 of the past 36 months.")


def test_a_fact_checks_labels_are_no_speakers(analyzer):
    assert labels_at(analyzer, FACT_CHECK, "THE FACTS: That's false") == set()
    assert labels_at(analyzer, FACT_CHECK, "FBI data show") == {"document"}
    assert labels_at(analyzer, FACT_CHECK, "Manufacturing employment") == set()
    assert labels_at(analyzer, FACT_CHECK, "\"We lost") == {"named-other"}


FIGURES = ("A quake and a deal\n\n"
           "An earthquake struck western Nepal overnight. "
           "The US Geological Survey put the magnitude at 6.4. "
           "The White House put the value of the deal at about $2.4 billion. "
           "She put the book on the shelf at noon.")


def test_a_figure_put_on_something_is_stated_by_whoever_put_it(analyzer):
    assert labels_at(analyzer, FIGURES, "The US Geological Survey") == {"named-official"}
    assert labels_at(analyzer, FIGURES, "The White House put") == {"named-official"}
    assert labels_at(analyzer, FIGURES, "She put the book") == set()


BODIES = ("A police shooting\n\n"
          "A man was shot by police on Monday. "
          "Manitoba's Investigation Unit, the civilian agency that investigates police, said it had taken over the case. "
          "WPP, a British agency, said its profits fell. "
          "The RCMP said the highway would stay closed. "
          "Some residents stayed behind, according to a local fire chief.")


def test_a_body_described_as_a_public_agency_is_official(analyzer):
    assert labels_at(analyzer, BODIES, "Manitoba's Investigation Unit") == {"named-official"}
    assert labels_at(analyzer, BODIES, "WPP, a British agency") == {"named-other"}
    assert labels_at(analyzer, BODIES, "The RCMP said") == {"named-official"}


def test_an_unnamed_holder_of_a_post_is_anonymous(analyzer):
    assert labels_at(analyzer, BODIES, "Some residents stayed") == {"anonymous"}


OUTLETS = ("Fires and a shooting\n\n"
           "Fires spread on Sunday. "
           "CBC Manitoba reported last year that the unit had recommended few charges. "
           "Rwanda's New Times newspaper quoted Foreign Minister Jean-Paul Mugisha as saying Kigali backs the talks. "
           "Political commentators interviewed by Digi24 on Thursday were divided. "
           "Images captured Sunday morning by the European Space Agency's Sentinel-2 satellite show a burn scar.")


def test_a_known_outlets_regional_service_is_that_outlet(analyzer):
    assert labels_at(analyzer, OUTLETS, "CBC Manitoba") == {"secondary-outlet"}


def test_a_countrys_newspaper_named_before_the_word_is_an_outlet(analyzer):
    assert labels_at(analyzer, OUTLETS, "Rwanda's New Times") == {"named-official", "secondary-outlet"}


def test_people_interviewed_by_an_outlet_rest_on_its_reporting(analyzer):
    assert "secondary-outlet" in labels_at(analyzer, OUTLETS, "Political commentators")


def test_imagery_captured_by_a_satellite_the_parser_misreads_is_imagery(analyzer):
    assert labels_at(analyzer, OUTLETS, "Images captured") == {"satellite-imagery"}


DOCUMENTS = ("A memo and a report\n\n"
             "A campaign memo leaked on Monday. "
             "The four-page memo was written by Curtis Hembree, the campaign's pollster. "
             "\"We are losing them,\" Hembree wrote in the memo. "
             "Tuberculosis killed 1.25 million people, according to the World Health Organization's Global Tuberculosis Report. "
             "Maersk, the world's second-largest container line, said it would skip the port.")


def test_who_wrote_a_document_said_of_it_is_no_source(analyzer):
    assert labels_at(analyzer, DOCUMENTS, "The four-page memo") == set()
    assert labels_at(analyzer, DOCUMENTS, "\"We are losing") == {"document", "named-other"}


def test_a_document_named_by_its_title_is_the_document_only(analyzer):
    assert labels_at(analyzer, DOCUMENTS, "Tuberculosis killed") == {"document"}


def test_a_company_the_recogniser_takes_for_a_product_is_named_other(analyzer):
    assert labels_at(analyzer, DOCUMENTS, "Maersk") == {"named-other"}


CABLE = ("Cable hosts weigh in\n\n"
         "Fox News host Brett Calloway called the speech \"a laundry list read by a man who has run out of ideas.\" "
         "\"He talked for over an hour,\" Calloway said on his 9 p.m. show. "
         "Later in the hour, CNN senior political analyst Dev Kapoor said the speech was aimed at undecided voters. "
         "Goldman Sachs analyst Ann Lee said markets barely moved.")


def test_a_host_named_with_the_outlet_speaks_for_it_later_whatever_the_recogniser_made_of_the_name(analyzer):
    assert labels_at(analyzer, CABLE, "\"He talked") == {"secondary-outlet"}


def test_an_outlets_analyst_speaks_for_it_a_banks_for_the_bank(analyzer):
    assert labels_at(analyzer, CABLE, "Later in the hour") == {"secondary-outlet"}
    assert labels_at(analyzer, CABLE, "Goldman Sachs analyst") == {"named-other"}


STAFF = ("A police shooting\n\n"
         "A man was shot by police on Monday. "
         "Manitoba's Investigation Unit, the civilian agency that investigates police, said it had taken over the case. "
         "In a statement, the unit's civilian director, Marie-Claude Tessier, said investigators were canvassing the area. "
         "Harbor Foods said its profits fell. "
         "The board's chairman, Ann Berg, said costs rose.")


def test_a_post_at_the_body_that_spoke_before_is_that_bodys(analyzer):
    assert labels_at(analyzer, STAFF, "In a statement, the unit's") == {"named-official"}
    assert labels_at(analyzer, STAFF, "The board's chairman") == {"named-other"}  # the last body was a company


def test_a_framework_is_a_document(analyzer):
    text = "Talks resumed.\n\nA draft framework seen by the mediators calls for a permanent ceasefire."
    assert labels_at(analyzer, text, "A draft framework") == {"document"}


ARCHIVE_QUOTES = ("Mexico's options\n\n"
                  "Some 35 percent of Mexican jobs depend on foreign trade.\n\n"
                  "Mexico's future relies on North American integration. ''That's Mexico's vulnerability,'' said Luis "
                  "Rubio, who heads a research center in Mexico City. ''There is nothing more important than Nafta.''")


def test_an_opening_mark_glued_to_the_next_word_opens_the_next_sentence(analyzer):
    from sentence_labels import sentences
    texts = [s.text for s in sentences(analyzer, ARCHIVE_QUOTES)]
    assert "Mexico's future relies on North American integration." in texts
    assert labels_at(analyzer, ARCHIVE_QUOTES, "Mexico's future") == set()
    assert labels_at(analyzer, ARCHIVE_QUOTES, "''That's Mexico's") == {"named-other"}


INLINE_FACT_CHECK = ("Fact check: Harlan's claims\n\n"
                     "Former Gov. Wade Harlan spoke at a rally on Saturday. A look at some of his claims:\n\n"
                     "HARLAN: \"Crime is at its highest level in 30 years.\" THE FACTS: That's false. "
                     "FBI data show violent crime fell in 2024. Crime peaked in the early 1990s.\n\n"
                     "HARLAN: \"We lost a million factory jobs.\" THE FACTS: Not so. Factory jobs rose in 14 of the past 36 months.")


def test_a_fact_checks_label_inside_a_paragraph_ends_the_speakers_turn(analyzer):
    assert labels_at(analyzer, INLINE_FACT_CHECK, "\"Crime is") == {"named-other"}
    assert labels_at(analyzer, INLINE_FACT_CHECK, "THE FACTS: That's false") == set()
    assert labels_at(analyzer, INLINE_FACT_CHECK, "Crime peaked") == set()
    assert labels_at(analyzer, INLINE_FACT_CHECK, "Factory jobs rose") == set()
