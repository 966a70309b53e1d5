"""Families found in international, local and business news: organisations whose names hold
words of office but which the article describes as private ("a trade group"), titles inside an
organisation's name ("Democratic Governors Association"), outlets named like newspapers or
described as news agencies, companies referred to together, a councillor's "Cllr", careers
announced, forces named by their branch ("the Kyrgyz border service"), an outlet airing remarks,
and "the paper" after a newspaper was credited. Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at

PRIVATE = ("New limits on power plants\n\n"
           "The agency published the rule on Monday. "
           "The Harbor Energy Council, a trade group for coal and gas generators, called the rule a correction. "
           "The Centre for Election Monitoring (CEM), an independent monitoring group, said it had logged 40 complaints. "
           "It said voting was largely calm. "
           "The Riverside Council, a government advisory body, said the plan was sound. "
           "The city council said the road would close.")


def test_an_organisation_described_as_private_is_named_other(analyzer):
    assert labels_at(analyzer, PRIVATE, "The Harbor Energy Council") == {"named-other"}
    assert labels_at(analyzer, PRIVATE, "The Centre for Election Monitoring") == {"named-other"}
    assert labels_at(analyzer, PRIVATE, "It said voting") == {"named-other"}


def test_a_body_described_as_the_states_or_not_described_stays_official(analyzer):
    assert labels_at(analyzer, PRIVATE, "The Riverside Council") == {"named-official"}
    assert labels_at(analyzer, PRIVATE, "The city council said") == {"named-official"}


GOVERNORS = ("Ad war in the governor's race\n\n"
             "Both parties are spending heavily. "
             "Kira Lomb, a spokesperson for the Democratic Governors Association, said the group would match every ad. "
             "Gov. Ann Ruiz, chair of the Democratic Governors Association, said the money would come.")


def test_a_title_inside_an_organisations_name_is_not_the_speakers(analyzer):
    assert labels_at(analyzer, GOVERNORS, "Kira Lomb") == {"named-other"}
    assert labels_at(analyzer, GOVERNORS, "Gov. Ann Ruiz") == {"named-official"}


AGENCY = ("Border guards trade fire\n\n"
          "Guards exchanged fire on Tuesday. "
          "Kyrgyz state news agency Kabar quoted President Almaz Dzhumabekov as saying the country would hold its land. "
          "\"We are ready to talk,\" Dzhumabekov said, according to Kabar. "
          "Kabar later reported a second exchange of fire.")


def test_a_news_agency_whose_name_the_recogniser_takes_for_a_place_is_an_outlet_again_later(analyzer):
    assert labels_at(analyzer, AGENCY, "\"We are ready") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, AGENCY, "Kabar later reported") == {"secondary-outlet"}


PAPERS = ("Floods return\n\n"
          "The river peaked on Thursday. "
          "The Northern Star reported that several shops were under water. "
          "The Lismore Echo said the sirens had failed. "
          "John Standard, a shop owner, said the water rose fast.")


def test_a_name_ending_like_a_newspapers_is_an_outlet(analyzer):
    assert labels_at(analyzer, PAPERS, "The Northern Star") == {"secondary-outlet"}
    assert labels_at(analyzer, PAPERS, "The Lismore Echo") == {"secondary-outlet"}
    assert labels_at(analyzer, PAPERS, "John Standard") == {"named-other"}


MERGER = ("Two freight groups merge\n\n"
          "Nordhaven and Rheinwerk agreed to merge on Monday. "
          "The companies said shareholders of Rheinwerk would receive new shares. "
          "The two companies said the deal would close in March. "
          "They expect savings of 200 million euros.")


def test_the_companies_named_before_speak_together(analyzer):
    assert labels_at(analyzer, MERGER, "The companies said") == {"named-other"}
    assert labels_at(analyzer, MERGER, "The two companies") == {"named-other"}
    assert labels_at(analyzer, MERGER, "They expect") == {"named-other"}


COUNCIL = ("Car-free weekends\n\n"
           "Councillors backed the trial on Tuesday. "
           "Committee chair Cllr Ed Hartley said the trial would give the street back to its people. "
           "Cllr Nasreen Akhtar said the council had rushed the decision.")


def test_a_councillor_written_cllr_is_an_official(analyzer):
    assert labels_at(analyzer, COUNCIL, "Committee chair Cllr") == {"named-official"}
    assert labels_at(analyzer, COUNCIL, "Cllr Nasreen Akhtar") == {"named-official"}


RETIREMENT = ("An open seat\n\n"
              "The seat opened when Sen. Howard Pruitt announced his retirement last year. "
              "Rep. Dana Brandt announced her candidacy in May. "
              "Mayor Ana Lopez announced that she would not run again.")


def test_announcing_a_step_in_ones_career_is_an_event(analyzer):
    assert labels_at(analyzer, RETIREMENT, "The seat opened") == set()
    assert labels_at(analyzer, RETIREMENT, "Rep. Dana Brandt") == set()
    assert labels_at(analyzer, RETIREMENT, "Mayor Ana Lopez") == {"named-official"}


FORCES = ("Clashes on the frontier\n\n"
          "Fighting broke out on Tuesday. "
          "By late Tuesday, the Kyrgyz border service said the shooting had stopped. "
          "The Israeli air force said it had struck two launch sites. "
          "Kyrgyz border guards said their post was shelled.")


def test_a_force_or_border_service_named_by_its_branch_is_official(analyzer):
    assert labels_at(analyzer, FORCES, "By late Tuesday") == {"named-official"}
    assert labels_at(analyzer, FORCES, "The Israeli air force") == {"named-official"}
    assert labels_at(analyzer, FORCES, "Kyrgyz border guards") == {"anonymous"}  # people, not the service


AIRED = ("A missile test\n\n"
         "Iran tested a missile on Wednesday. "
         "State television later aired remarks by Iran's president, who said the country would never bargain. "
         "The council aired its plans for the park on Monday.")


def test_an_outlet_airing_remarks_reports_them(analyzer):
    assert labels_at(analyzer, AIRED, "State television") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, AIRED, "The council aired") == set()


PAPER = ("A campaign in turmoil\n\n"
         "The campaign is broke, according to a report by The New York Times. "
         "The paper further reported that the candidate has grown frustrated. "
         "A GAO report found waste in the program. "
         "But that GAO report did not recommend cuts.")


def test_the_paper_after_a_newspaper_credited_is_that_newspaper(analyzer):
    assert labels_at(analyzer, PAPER, "The paper further") == {"secondary-outlet"}
    assert labels_at(analyzer, PAPER, "But that GAO report") == {"document"}


PARTIES = ("A junta and its opponents\n\n"
           "The junta suspended two parties on Monday. "
           "Souleymane Dabo, the leader of the Union of Progressive Forces, said the decision showed contempt. "
           "The Ministry of Armed Forces said troops had moved. "
           "Tajikistan's State Committee for National Security said Kyrgyz forces fired first.")


def test_an_official_word_inside_a_partys_name_makes_no_official(analyzer):
    assert labels_at(analyzer, PARTIES, "Souleymane Dabo") == {"named-other"}
    assert labels_at(analyzer, PARTIES, "The Ministry of Armed Forces") == {"named-official"}


def test_a_state_security_committee_is_official(analyzer):
    assert labels_at(analyzer, PARTIES, "Tajikistan's State Committee") == {"named-official"}


INFORMATION_AGENCY = ("Border clash\n\n"
                      "Guards exchanged fire on Tuesday. "
                      "The state information agency Vostokinform reported that three guards had died. "
                      "Vostokinform later said five had died. "
                      "The Defence Information Agency said its records were lost.")


def test_an_information_or_press_agency_before_a_name_is_a_news_agency(analyzer):
    assert labels_at(analyzer, INFORMATION_AGENCY, "The state information agency") == {"secondary-outlet"}
    assert labels_at(analyzer, INFORMATION_AGENCY, "Vostokinform later said") == {"secondary-outlet"}
    assert labels_at(analyzer, INFORMATION_AGENCY, "The Defence Information Agency") == {"named-official"}
