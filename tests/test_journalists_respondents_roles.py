"""Families of phrasing from the second set of articles written from the guidelines (issue 12):
another outlet's journalists however the recogniser tags their names, broadcasters named by call
sign or station, a poll's respondents, people described then named in apposition, spokespeople
and presidents of private organisations, verbs that report an act unless they carry content,
and the gender a family role gives. Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_an_outlets_journalist_named_with_its_possessive_is_the_outlet(analyzer):
    text = ("In an interview with NBC's Lester Holt, the mayor said the budget would pass.\n\n"
            "The mayor told Holt he expected a close vote.\n")
    assert labels_at(analyzer, text, "In an interview") == {"named-official", "secondary-outlet"}
    assert "secondary-outlet" in labels_at(analyzer, text, "The mayor told Holt")


def test_a_reporter_from_an_outlet_asking_is_the_outlet(analyzer):
    text = "Asked by a reporter from ABC News whether he would run, the senator said no.\n"
    assert labels_at(analyzer, text, "Asked by") == {"named-official", "secondary-outlet"}


def test_a_programme_host_named_bare_works_for_the_outlet_named_before(analyzer):
    text = ("Gov. Ada Pryce, in an interview on NBC's \"Meet the Press\" on Sunday, said she was not worried.\n\n"
            "Host Paula Garrity pressed Pryce on whether she would run again.\n")
    assert labels_at(analyzer, text, "Host Paula Garrity") == {"secondary-outlet"}


def test_a_journalist_writing_is_reporting_not_a_document(analyzer):
    text = ("The agency released a memo on Monday.\n\n"
            "The Hill's Jordan Fabian wrote that the White House was caught off guard.\n")
    assert labels_at(analyzer, text, "The Hill's") == {"secondary-outlet"}


def test_stations_named_by_call_sign_or_as_a_service_of_an_outlet(analyzer):
    text = ("The mayor told WKRN-TV that the shelter would open Friday.\n\n"
            "Frame told BBC Radio Lincoln on Monday that she would listen to every voice.\n\n"
            "Harmon said on WNHT's Sunday program that the deal was done.\n\n"
            "KPMG said the audit was complete.\n")
    assert labels_at(analyzer, text, "The mayor told") == {"named-official", "secondary-outlet"}
    assert "secondary-outlet" in labels_at(analyzer, text, "Frame told")
    assert "secondary-outlet" in labels_at(analyzer, text, "Harmon said")
    assert labels_at(analyzer, text, "KPMG said") == {"named-other"}


def test_a_polls_respondents_point_back_to_the_poll(analyzer):
    text = ("A Marlow College poll released Tuesday found the governor ahead by four points.\n\n"
            "Nearly a third of those surveyed said they had not decided.\n\n"
            "Most respondents named the economy as their top concern.\n\n"
            "Among likely voters, 52 percent said they approved of the governor.\n")
    assert labels_at(analyzer, text, "Nearly a third") == {"document"}
    assert labels_at(analyzer, text, "Among likely voters") == set()


def test_a_person_described_then_named_in_apposition(analyzer):
    text = ("The witness, Teresa Cole, 58, said she saw the chase from her window.\n\n"
            "\"He yelled one time,\" Cole said.\n\n"
            "A lawyer for Vahle, Neil Okafor, said his client had complied with the rules.\n")
    assert labels_at(analyzer, text, "The witness") == {"named-other"}
    assert labels_at(analyzer, text, "\"He yelled") == {"named-other"}
    assert labels_at(analyzer, text, "A lawyer for Vahle") == {"named-other"}


def test_spokespeople_and_presidents_of_private_organisations_are_no_officials(analyzer):
    text = ("A spokesman for the joint venture, Daniel Cho, said the decision was not related to trade.\n\n"
            "The Rev. Walter Simms, president of the Riverbend chapter of the NAACP, said the city broke its promise.\n\n"
            "A spokeswoman for the State Department, Ana Ruiz, said the talks would resume.\n")
    assert labels_at(analyzer, text, "A spokesman for the joint venture") == {"named-other"}
    assert labels_at(analyzer, text, "The Rev. Walter Simms") == {"named-other"}
    assert labels_at(analyzer, text, "A spokeswoman for the State Department") == {"named-official"}


def test_responding_is_an_act_unless_it_carries_content(analyzer):
    text = ("Trump praised the police officers who responded.\n\n"
            "The minister responded that the figures were wrong.\n\n"
            "He responded the same way: they lose, we win.\n")
    assert labels_at(analyzer, text, "Trump praised") == set()
    assert labels_at(analyzer, text, "The minister responded") == {"named-official"}


def test_a_thing_is_no_person_spoken_of(analyzer):
    text = ("District Attorney Nadine Okonjo said she would not file charges.\n\n"
            "Marcus Trell's mother, Denise Trell, said she did not believe the video told the whole story.\n\n"
            "\"My son was scared,\" she said.\n")
    assert labels_at(analyzer, text, "Marcus Trell's mother") == {"named-other"}
    assert labels_at(analyzer, text, "\"My son was scared") == {"named-other"}


def test_a_pronoun_before_a_name_gives_that_name_no_gender(analyzer):
    text = ("Police Chief Roberta Haynes said the officer had been reassigned.\n\n"
            "\"He was trying to hand it over,\" Denise Trell said, standing beside the family's lawyer, Victor Alcott.\n\n"
            "Alcott said the family would sue.\n\n"
            "He said an independent analysis showed the man's hand was empty.\n")
    assert labels_at(analyzer, text, "He said an independent") == {"named-other"}


def test_a_public_service_named_in_lower_case_and_a_persons_office(analyzer):
    text = ("Measles cases rise in Dorrance County\n\n"
            "The county health department has warned that more people may have been exposed.\n\n"
            "Kettering said Gov. Tom Ashby had urged him to endorse.\n\n"
            "Ashby's office said the governor supports the ticket.\n")
    assert labels_at(analyzer, text, "The county health department") == {"named-official"}
    assert labels_at(analyzer, text, "Ashby's office") == {"named-official"}


def test_a_transcript_whose_line_breaks_were_lost(analyzer):
    text = ("Treasury Secretary Anne Harlan said on \"Fox News Sunday\" that prices would hold.\n\n"
            "Here is an excerpt:\n\n"
            "DANA WHITLOCK: Can you promise that? ANNE HARLAN: The shelves are full. So prices will hold. "
            "WHITLOCK: Are they wrong? HARLAN: Some may raise prices.\n")
    assert labels_at(analyzer, text, "So prices will hold.") == {"named-official"}
    assert labels_at(analyzer, text, "DANA WHITLOCK") == {"secondary-outlet"}


def test_a_surname_the_parser_reads_as_an_adverb_is_the_speaker(analyzer):
    text = ("Levee repairs\n\nGov. Laura Tully toured the levee on Tuesday.\n\n"
            "Tully said in an interview with CNN on Wednesday that the state would seek federal money.\n")
    assert labels_at(analyzer, text, "Tully said") == {"named-official", "secondary-outlet"}


def test_the_following_comment_set_off_after_a_colon(analyzer):
    text = ("Jobs and the young\n\n"
            "On July 6, Sen. Ann Sands made the following comment:\n\n"
            "\"For young people who have left school, the jobless rate is 33 percent. If they are Hispanic, it is 36 percent.\"\n")
    assert labels_at(analyzer, text, "On July 6") == {"named-official"}
    assert labels_at(analyzer, text, "If they are Hispanic") == {"named-official"}


def test_a_group_named_by_its_members_is_they_later(analyzer):
    text = ("Visa program\n\n"
            "Critics of the program, like Senators Ann Holt, Republican of Iowa, and Tom Vale, Democrat of Vermont, "
            "see its renewal as a chance to fix it.\n\n"
            "They sent a letter on Thursday to Senate leaders opposing the renewal.\n")
    assert "named-official" in labels_at(analyzer, text, "They sent a letter")


def test_prosecutors_charging_someone_with_a_crime_is_a_claim(analyzer):
    text = ("Fraud case\n\nFederal prosecutors in April charged two developers with fraud.\n\n"
            "The store charged customers with a fee.\n")
    assert labels_at(analyzer, text, "Federal prosecutors") == {"named-official"}
    assert labels_at(analyzer, text, "The store charged") == set()


def test_a_reporter_named_bare_works_for_the_outlet_named_before(analyzer):
    text = ("A charity under scrutiny\n\n"
            "The Washington Post on Sunday published a long story on the charity.\n\n"
            "Fahrenthold writes that he contacted more than 300 charities.\n\n"
            "The reporter, David Fahrenthold, has written a series of such stories.\n")
    assert labels_at(analyzer, text, "Fahrenthold writes") == {"secondary-outlet"}


def test_former_belongs_to_the_campaign_word_not_to_the_title_before_the_name(analyzer):
    text = ("Jobs and the young\n\n"
            "Former Democratic presidential candidate Sen. Ann Sands spoke on Tuesday.\n\n"
            "Sands said the jobless rate was too high.\n\n"
            "Former Gov. Tom Vale said the rate was falling.\n")
    assert labels_at(analyzer, text, "Sands said") == {"named-official"}
    assert labels_at(analyzer, text, "Former Gov. Tom Vale") == {"named-other"}


def test_an_office_given_by_a_definite_description_after_the_name(analyzer):
    text = ("Jobs and the young\n\n"
            "Ann Sands said the jobless rate for young people was 33 percent.\n\n"
            "When PolitiFact examined the senator's statement, it rated it mostly true.\n\n"
            "Tom Vale, a shop owner, said business was slow.\n")
    assert labels_at(analyzer, text, "Ann Sands said") == {"named-official"}
    assert labels_at(analyzer, text, "Tom Vale") == {"named-other"}


def test_an_outlet_introducing_its_own_words_after_a_colon(analyzer):
    text = ("Endorsements\n\n"
            "During the primaries, The New York Times gave the senator a glowing endorsement:\n\n"
            "She has long been a passionate advocate for the nation's children. She knows the specifics of policy.\n\n"
            "The council's agenda for Monday:\n\n"
            "A vote on the budget and a hearing on parking rules for the harbour district.\n")
    assert labels_at(analyzer, text, "During the primaries") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "She knows the specifics") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "A vote on the budget") == set()


def test_a_writer_quoted_after_the_document_was_named(analyzer):
    text = ("Truck maker cuts jobs\n\n"
            "Chief executive Martin Reyes confirmed the cuts in a memo to employees on Wednesday.\n\n"
            "\"We made a bet that demand would grow faster than it has,\" Reyes wrote.\n\n"
            "\"We will get through this,\" Reyes wrote on X late Tuesday.\n")
    assert labels_at(analyzer, text, "\"We made a bet") == {"document", "named-other"}
    assert labels_at(analyzer, text, "\"We will get through") == {"named-other"}


def test_told_an_outlets_programme_by_its_title(analyzer):
    text = ("Tariffs\n\nSenate Minority Leader Ann Whitford told CNN's \"State of the Union\" that "
            "Democrats would force a vote.\n")
    assert labels_at(analyzer, text, "Senate Minority Leader") == {"named-official", "secondary-outlet"}


def test_what_a_satellite_senses_besides_pictures(analyzer):
    text = ("Fires in the north\n\nHeat signatures detected by NASA's FIRMS satellite system indicate "
            "fires in 14 villages.\n\nTest data from the lab show no contamination.\n")
    assert labels_at(analyzer, text, "Heat signatures") == {"satellite-imagery"}
    assert "satellite-imagery" not in labels_at(analyzer, text, "Test data")


def test_an_embedded_post_is_its_writers_words(analyzer):
    text = ("Border numbers\n\n"
            "The congressman later posted a clip of the exchange.\n\n"
            "Happy to do the math with you anytime. Border crossings: record. "
            "— Rep. Dale Hollis (@RepDaleHollis) October 5, 2028\n\n"
            "The exchange spread quickly online.\n")
    assert labels_at(analyzer, text, "Happy to do the math") == {"named-official"}
    assert labels_at(analyzer, text, "The exchange spread") == set()


def test_a_transcript_host_introduced_with_the_outlet(analyzer):
    text = ("Sunday show\n\n"
            "Rep. Dale Hollis tangled with CNN host Greta Halvorsen on Sunday.\n\n"
            "The exchange is below:\n\n"
            "HALVORSEN: Congressman, that number is not true.\n\n"
            "HOLLIS: Well, first of all, encounters are the people they caught.\n")
    assert labels_at(analyzer, text, "HALVORSEN") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "HOLLIS") == {"named-official"}


def test_a_spokesperson_for_a_person_or_an_agency_named_by_acronym(analyzer):
    text = ("Storm aid\n\n"
            "Gov. Luc Thibodeaux said the state had asked for more trailers.\n\n"
            "A spokeswoman for Thibodeaux, Claire Benoit, said the list was sent on Monday.\n\n"
            "A spokeswoman for the FEC said the commission does not comment on enforcement.\n")
    assert labels_at(analyzer, text, "A spokeswoman for Thibodeaux") == {"named-official"}
    assert labels_at(analyzer, text, "A spokeswoman for the FEC") == {"named-official"}


def test_people_in_a_named_poll_point_back_to_it(analyzer):
    text = ("Polls\n\nA Fox News poll released Wednesday showed a tie.\n\n"
            "About 6 percent of voters in the Fox News poll said they were undecided.\n\n"
            "About 6 percent of voters in Ohio said they were undecided.\n")
    assert labels_at(analyzer, text, "About 6 percent of voters in the Fox") == {"document"}
    assert labels_at(analyzer, text, "About 6 percent of voters in Ohio") == set()


def test_a_subhead_in_sentence_case_without_punctuation(analyzer):
    from sentence_labels import sentences

    text = ("Child care costs\n\nParents pay most of the cost, the report said.\n\n"
            "What I would ask them\n\nIf I could sit across from either candidate, I would ask three questions.\n")
    by_text = {s.text: s for s in sentences(analyzer, text)}
    assert by_text["What I would ask them"].is_heading
    assert not by_text["If I could sit across from either candidate, I would ask three questions."].is_heading


def test_the_object_of_an_accusation_is_no_listener(analyzer):
    text = ("Sunday show\n\nRep. Dale Hollis accused CNN of running cover for the administration.\n\n"
            "Rep. Dale Hollis told CNN that the number was right.\n")
    assert labels_at(analyzer, text, "Rep. Dale Hollis accused") == {"named-official"}
    assert labels_at(analyzer, text, "Rep. Dale Hollis told") == {"named-official", "secondary-outlet"}


def test_a_group_led_by_a_named_member_and_a_public_services_head(analyzer):
    text = ("Ballot fight\n\n"
            "Five House Republicans led by Rep. Wayne Pettibone of Georgia said the petition was flawed.\n\n"
            "In Luzerne County, elections director Roman Szabo said the county was ready.\n")
    assert labels_at(analyzer, text, "Five House Republicans") == {"named-official"}
    assert labels_at(analyzer, text, "In Luzerne County") == {"named-official"}


def test_a_speakers_form_of_address_gives_no_office(analyzer):
    text = ("Rally\n\nThe former Ohio governor Walter Brandt spoke for an hour.\n\n"
            "Stowe said Adair \"has said far worse things about Governor Brandt.\"\n\n"
            "\"You want that on the phone with China?\" Brandt asked.\n")
    assert labels_at(analyzer, text, "\"You want that") == {"named-other"}


def test_a_full_name_set_beside_a_word_for_a_person_is_a_person(analyzer):
    text = ("Polls\n\nRepublican Walter Brandt held a lead among men.\n\n"
            "Theo Marchand, a polling analyst at Quinnipiac, said the movement tracked with the advertising.\n\n"
            "\"Older voters are paying close attention,\" he said.\n")
    assert labels_at(analyzer, text, "\"Older voters") == {"named-other"}


def test_numbers_and_results_that_show_something_are_data(analyzer):
    text = ("Border\n\nThe agency's own numbers show about 8 million encounters at the border.\n\n"
            "The results suggest that neither candidate got a lift from the debate.\n")
    assert labels_at(analyzer, text, "The agency's own numbers") == {"document"}
    assert labels_at(analyzer, text, "The results suggest") == {"document"}


def test_a_datelines_place_is_no_speaker(analyzer):
    from analyzer.nlp.syntax import subject

    doc = analyzer.nlp("HARRISBURG, Pa. (AP) — Pennsylvania election officials said Wednesday that counties had begun.")
    said = next(t for t in doc if t.lower_ == "said")
    assert subject(said).text == "officials"
    doc = analyzer.nlp("Election officials said Wednesday that counties had begun.")
    assert subject(next(t for t in doc if t.lower_ == "said")).text == "officials"


def test_a_trailing_the_data_show_and_an_outline_that_says(analyzer):
    text = ("Prices\n\nEgg prices more than doubled over that period, and beef prices rose about 45%, the data show.\n\n"
            "The outline says the block grants would be no less generous than current spending.\n\n"
            "The plan would cut taxes for families.\n")
    assert labels_at(analyzer, text, "Egg prices") == {"document"}
    assert labels_at(analyzer, text, "The outline says") == {"document"}
    assert labels_at(analyzer, text, "The plan would") == set()


def test_the_paper_after_a_newspaper_is_the_newspaper(analyzer):
    text = ("A charity under scrutiny\n\nThe Washington Post reported Sunday that the charity bought a portrait.\n\n"
            "The paper alleges that the charity settled legal disputes.\n\n"
            "A study in the journal Nature Astronomy found traces of water. The paper says the sample was pristine.\n")
    assert labels_at(analyzer, text, "The paper alleges") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The paper says") == {"document"}


def test_a_witness_described_before_being_named(analyzer):
    text = ("Shooting\n\nA witness described hearing the officer shout once before the shots were fired.\n\n"
            "The witness, Teresa Cole, who lives above the laundromat, said she saw the chase.\n")
    assert labels_at(analyzer, text, "A witness described") == {"named-other"}


def test_polls_by_sponsors_joined_with_a_slash(analyzer):
    text = ("Polls\n\nThe candidates are tied, according to a new POLITICO/Morning Consult poll released Monday.\n\n"
            "The race is tied, a new CNN/ORC poll shows.\n\n"
            "A new NBC News/Wall Street Journal poll found that the mayor leads by 6 points.\n")
    assert labels_at(analyzer, text, "The candidates are tied") == {"document"}
    assert labels_at(analyzer, text, "The race is tied") == {"document"}
    assert labels_at(analyzer, text, "A new NBC News") == {"document"}


def test_a_poll_that_had_a_candidate_ahead(analyzer):
    text = ("Polls\n\nA Monmouth University poll had Ana Ruiz up 4 points.\n\n"
            "The mayor had Ana Ruiz up for dinner on Sunday.\n")
    assert labels_at(analyzer, text, "A Monmouth") == {"document"}
    assert labels_at(analyzer, text, "The mayor had") == set()


def test_an_outlets_piece_after_the_documents_it_cited_and_as_the_post_notes(analyzer):
    text = ("A charity under scrutiny\n\nThe Washington Post reported Sunday that the charity paid legal bills, "
            "according to a review of tax filings.\n\n"
            "The piece goes on to claim that the payments may have broken the law.\n\n"
            "As the Post notes, the foundation has no paid staff.\n")
    assert labels_at(analyzer, text, "The piece goes on") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "As the Post notes") == {"secondary-outlet"}


def test_a_news_agency_described_then_named_even_when_the_parser_loses_the_name(analyzer):
    text = ("Vaccine stocks\n\n"
            "Health Minister Ana Cossa told the Portuguese news agency Lusa that the country had enough vaccine.\n\n"
            "The mayor told the news conference Tuesday that the city was ready.\n")
    assert labels_at(analyzer, text, "Health Minister") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "The mayor told") == {"named-official"}


def test_the_agency_after_a_news_agency_is_that_outlet(analyzer):
    text = ("Reef base\n\n"
            "The state news agency Antara reported on Monday that the navy had begun work on the base.\n\n"
            "The agency also reported that two ships were docked.\n\n"
            "The Environmental Protection Agency said the water was safe.\n\n"
            "The agency said tests would continue.\n")
    assert labels_at(analyzer, text, "The agency also") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The agency said") == {"named-official"}


def test_the_host_after_another_outlets_programme_asks_for_it(analyzer):
    text = ("Bill is dead, senator says\n\n"
            "Sen. Ann Hale said on CNN's \"State of the Union\" on Sunday that the bill was dead.\n\n"
            "The host pressed her on whether that was a criticism of her own party.\n\n"
            "The anchor asked whether she would run again.\n")
    assert labels_at(analyzer, text, "The host pressed") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "The anchor asked") == {"secondary-outlet"}


def test_the_host_with_no_other_outlet_credited_is_no_source(analyzer):
    text = "Town hall\n\nThe show aired Sunday.\n\nThe host asked the mayor whether she would run.\n"
    assert labels_at(analyzer, text, "The host asked") == set()


def test_an_interview_on_a_stations_programme_named_by_its_call_sign(analyzer):
    text = ("Deal done\n\nGov. Ann Lee spoke on Sunday.\n\n"
            "\"That is the whole deal,\" she said in an interview on WNHT's Sunday program \"Capitol Week.\"\n\n"
            "She said in an interview on the FBI's podcast that the agency was hiring.\n")
    assert labels_at(analyzer, text, "\"That is the whole deal") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "She said in an interview on the FBI") == {"named-official"}


def test_an_office_described_later_is_of_the_person_named_as_subject(analyzer):
    text = ("Sanders urges a new tone\n\n"
            "Bernie Sanders offered some pointed advice to Hillary Clinton on Monday.\n\n"
            "Sanders told reporters that nobody should be complacent.\n\n"
            "As far as whether Sanders still senses anger at Clinton among his supporters, the Vermont senator "
            "acknowledged that there is some left.\n\n"
            "Clinton said she was grateful for the advice.\n")
    assert labels_at(analyzer, text, "Sanders told reporters") == {"named-official"}
    assert labels_at(analyzer, text, "Clinton said") == {"named-other"}


def test_a_spokesperson_for_an_official_named_in_apposition_speaks_for_the_office(analyzer):
    text = ("Grants\n\nGov. Ann Marchetti approved the grants in May.\n\n"
            "A spokeswoman for Marchetti, Lia Ortiz, said the list was sent on Monday.\n\n"
            "A lawyer for Marchetti, Tom Reyes, said the list was sent.\n")
    assert labels_at(analyzer, text, "A spokeswoman for Marchetti") == {"named-official"}
    assert labels_at(analyzer, text, "A lawyer for Marchetti") == {"named-other"}
