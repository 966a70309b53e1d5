"""Families of phrasing from US campaign news (issue 12): a person's own spokesperson, and a
main verb whose subject the parser hung on a long opening clause. Every article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at


def test_a_candidates_spokesperson_speaks_with_the_candidates_label_not_an_office(analyzer):
    text = ("Campaign notebook\n\n"
            "Democratic nominee Ruth Calloway spoke in Toledo on Monday.\n\n"
            "Calloway spokesman Ned Farris says the candidate will visit Ohio twice more.\n\n"
            "Calloway now says she opposes the trade deal.\n\n"
            "Farris added that the bus tour would end in Columbus.\n")
    assert labels_at(analyzer, text, "Calloway spokesman") == {"named-other"}
    # the candidate named before the title is not made an official by it
    assert labels_at(analyzer, text, "Calloway now says") == {"named-other"}
    assert labels_at(analyzer, text, "Farris added") == {"named-other"}


def test_a_spokesperson_named_with_a_politician_speaks_for_the_campaign_not_an_office(analyzer):
    # a senator running for president: "Hale spokeswoman" speaks for the campaign, which holds no office
    text = ("Money race\n\n"
            "Sen. Mara Hale's presidential campaign raised $40 million in the third quarter.\n\n"
            "Hale spokeswoman Tess Avery said the campaign had every dollar it needed.\n\n"
            "Pentagon spokesman Leo Hart said the drills would go ahead.\n")
    assert labels_at(analyzer, text, "Hale spokeswoman") == {"named-other"}
    assert labels_at(analyzer, text, "Sen. Mara Hale's") == set()
    assert labels_at(analyzer, text, "Pentagon spokesman") == {"named-official"}


def test_names_after_a_long_opening_are_the_subject_of_the_main_verb(analyzer):
    text = ("Two fronts\n\n"
            "Governor Dana Holt and Senator Eli Marsh spoke on Sunday.\n\n"
            "When the attackers are revealed as part of the second front of a wider war, Holt and Marsh call "
            "them “lone wolves” and describe their acts as crimes.\n\n"
            "When the storm hit the coast, the levees held.\n")
    assert labels_at(analyzer, text, "When the attackers") == {"named-official"}
    assert labels_at(analyzer, text, "When the storm") == set()


def test_a_surname_that_is_also_a_title_is_a_name(analyzer):
    text = ("Turnout worries\n\n"
            "“Turnout makes the difference,” said Marcus King, a prominent Brooklyn Democrat.\n\n"
            "Harbor County Fire Chief Dale Ruston said the detour adds four minutes.\n\n"
            "“They pay us a lot of money,” Mr. King said.\n\n"
            "King Abdullah said the talks would go on.\n")
    assert labels_at(analyzer, text, "“Turnout makes") == {"named-other"}
    assert labels_at(analyzer, text, "Harbor County Fire Chief") == {"named-official"}
    # after an honorific the word is a surname; before a name it is a title
    assert labels_at(analyzer, text, "“They pay us") == {"named-other"}
    assert labels_at(analyzer, text, "King Abdullah") == {"named-official"}


def test_a_body_in_a_relative_clause_about_a_person_is_not_their_employer(analyzer):
    text = ("Mine cleanup\n\n"
            "“The company was set up to fail,” said Ellen Brant, a lawyer at Cole & Finch, who represents "
            "the state Department of Environmental Protection in the bankruptcy.\n\n"
            "Dr. Sam Ode, an epidemiologist at the Centers for Disease Control and Prevention, said cases had peaked.\n")
    assert labels_at(analyzer, text, "“The company") == {"named-other"}
    assert labels_at(analyzer, text, "Dr. Sam Ode") == {"named-official"}


def test_an_officials_own_spokesperson_speaks_with_the_officials_label(analyzer):
    text = ("Stock trades\n\n"
            "Sen. Wallace Pike sold shares in three drug makers in March, filings show.\n\n"
            "Pike's spokesman, Kyle Dorsey, said the trades were made by a financial adviser.\n\n"
            "Dorsey said at the time that the senator had no say in them.\n")
    assert labels_at(analyzer, text, "Pike's spokesman") == {"named-official"}
    assert labels_at(analyzer, text, "Dorsey said at") == {"named-official"}


def test_a_line_ending_in_a_colon_introduces_the_paragraph_below_as_its_speakers_words(analyzer):
    text = ("Christie on Clinton\n\n"
            "New Jersey Gov. Chris Christie described Democratic nominee Hillary Clinton as a disgrace after she "
            "attacked the police.\n\n"
            "Clinton also asserted that she could speak directly to voters about it.\n\n"
            "Christie, who has campaigned for GOP nominee Donald Trump since February, blasted Clinton on Wednesday.\n\n"
            "“She is a disgrace. Those comments are a disgrace,” he said.\n\n"
            "The governor added:\n\n"
            "It is typical of her. She knows nothing about what happened in North Carolina, and she talks anyway.\n")
    # "she attacked", next to two names, teaches nothing about Christie's gender: "he said" is still Christie
    assert labels_at(analyzer, text, "“She is a disgrace.") == {"named-official"}
    # the governor is Christie, named with his title, not Clinton named last
    assert labels_at(analyzer, text, "The governor added") == {"named-official"}
    assert labels_at(analyzer, text, "It is typical") == {"named-official"}
    assert labels_at(analyzer, text, "Clinton also asserted") == {"named-other"}


def test_a_description_with_a_place_before_the_office_points_back_to_the_person(analyzer):
    text = ("On the trail\n\n"
            "Mike Pence says too much is made of the tweets.\n\n"
            "The Indiana governor said the media are to blame.\n")
    assert labels_at(analyzer, text, "Mike Pence says") == {"named-official"}


def test_someone_who_also_spoke_in_a_relative_clause_does_not_own_the_quotation(analyzer):
    text = ("Gala night\n\n"
            "“Our progress is on the ballot,” Mayor Tom Ruiz said on Saturday at the gala, where the novelist "
            "Ana Belk also spoke.\n\n"
            "But Trump claims that he should be the exception.\n\n"
            "Hope Varga, a campaign spokeswoman, did not respond to my messages.\n\n"
            "The campaign is seizing on a Washington Post report that the candidate lost $900 million in 1995.\n")
    assert labels_at(analyzer, text, "“Our progress") == {"named-official"}
    # the name read as a compound of the noun "claims" is still the one who claims
    assert labels_at(analyzer, text, "But Trump claims") == {"named-other"}
    assert labels_at(analyzer, text, "Hope Varga") == {"named-other"}
    assert "secondary-outlet" in labels_at(analyzer, text, "The campaign is seizing")


def test_as_noted_in_a_document_is_the_documents_word_not_the_main_subjects(analyzer):
    text = ("Missed deadlines\n\n"
            "As noted in the audit report, the agency missed three deadlines in 2023.\n\n"
            "As reported by the Associated Press, the agency missed a fourth.\n")
    assert labels_at(analyzer, text, "As noted") == {"document"}
    assert labels_at(analyzer, text, "As reported") == {"secondary-outlet"}


def test_a_name_with_a_suffix_is_remembered_by_its_surname(analyzer):
    text = ("Taxes\n\n"
            "Speaking to students in Philadelphia, Vice President Joseph R. Bidwell Jr. answered the remark.\n\n"
            "“Tell that to the janitor,” Mr. Bidwell said.\n")
    assert labels_at(analyzer, text, "“Tell that") == {"named-official"}


def test_a_role_named_by_whose_it_is_right_after_a_named_speaker_is_that_speaker(analyzer):
    text = ("Apology demanded\n\n"
            "Marcus Reddell on Wednesday called on Dana Hollis to apologize to the governor.\n\n"
            "“My reaction, that was outrageous,” Obama's former campaign strategist said in an interview. "
            "“She has refused to apologize. She really should.”\n")
    assert labels_at(analyzer, text, "“My reaction") == {"named-other"}
    assert labels_at(analyzer, text, "She really should") == {"named-other"}


def test_a_talk_radio_host_has_a_show_of_his_own_not_the_outlet_named_before(analyzer):
    text = ("Debate rules\n\n"
            "The campaign has asked NBC's Lena Holt, the moderator, to fact check the governor. According to "
            "conservative talk radio host Buck Ramsey, the move reeks of fear.\n\n"
            "Ramsey told his radio audience on Monday, “She cannot win without the referee.”\n\n"
            "Host Paula Garrity pressed the governor on the deficit.\n")
    assert labels_at(analyzer, text, "According to conservative") == {"named-other"}
    assert labels_at(analyzer, text, "Ramsey told") == {"named-other"}
    # a bare host with no show of their own works for the outlet named before
    assert labels_at(analyzer, text, "Host Paula Garrity") == {"secondary-outlet"}


def test_a_country_tagged_a_person_in_a_headline_is_still_a_state(analyzer):
    text = ("Outrage, but few options.\n\n"
            "World leaders denounce N. Korea test; others vow consequences.\n\n"
            "The Security Council on Friday condemned the test.\n\n"
            "The latest test, North Korea said, was its biggest yet, although it may take several days to "
            "determine how powerful it was.\n")
    # no person "Korea" from the headline, and no one determines anything in "it may take days to determine"
    assert labels_at(analyzer, text, "The latest test") == {"named-official"}


def test_a_description_the_parser_joins_to_a_name_is_no_second_source(analyzer):
    text = ("Test condemned\n\n"
            "Even China, Pyongyang's only ally and its economic lifeline to the outside world, said it firmly "
            "opposed the test.\n\n"
            "Russia, China and Iran said they would meet on Monday.\n")
    assert labels_at(analyzer, text, "Even China") == {"named-official"}
    assert labels_at(analyzer, text, "Russia, China") == {"named-official"}


def test_a_person_named_bare_right_after_an_office_speaks_holds_it(analyzer):
    text = ("Leak inquiry\n\n"
            "Vermont's tax commissioner says an internal review shows no one from the state released the filings.\n\n"
            "Dana Whitlock says she instructed staff Monday to check the logs.\n\n"
            "Ellison's campaign spokeswoman, Brooke Tanner, said he would unveil a plan.\n\n"
            "Gail Stroud said the party would run ads.\n")
    assert labels_at(analyzer, text, "Dana Whitlock says") == {"named-official"}
    # after a spokesperson who is named, the next name is someone else
    assert labels_at(analyzer, text, "Gail Stroud") == {"named-other"}


def test_the_articles_own_staff_credited_at_its_end_is_no_source(analyzer):
    text = ("Council vote\n\n"
            "The mayor reported that the budget had passed.\n\n"
            "Michael Rossi and Karen Wilson contributed reporting.\n\n"
            "Reporting was contributed by Alan Bledsoe from Atlanta.\n")
    assert labels_at(analyzer, text, "The mayor reported") == {"named-official"}
    assert labels_at(analyzer, text, "Michael Rossi") == set()
    assert labels_at(analyzer, text, "Reporting was contributed") == set()


def test_a_place_someone_works_in_does_not_make_their_title_an_office(analyzer):
    text = ("College savings\n\n"
            "The best plan comes from Kevin Mahler, a financial adviser in Eau Claire, Wis.\n\n"
            "Mahler said that he considered debt a last resort.\n\n"
            "Ukraine's air force spokesman Yuri Ihnat said two missiles were shot down.\n")
    assert labels_at(analyzer, text, "Mahler said") == {"named-other"}
    assert labels_at(analyzer, text, "Ukraine's air force") == {"named-official"}


def test_a_title_for_one_person_does_not_cover_the_next_name(analyzer):
    text = ("Veterans forum\n\n"
            "Dana Whitfield, the Democratic nominee, spoke first.\n\n"
            "He blamed the policies of President Obama and Whitfield for the war.\n\n"
            "The former first lady and U.S. senator said it was a mistake to use private email, but she denied "
            "that she mishandled classified information.\n\n"
            "Senators Charles Grassley, Tom Vale and Patrick Leahy wrote to the agency.\n\n"
            "Vale said the answer was late.\n")
    assert labels_at(analyzer, text, "The former first lady") == {"named-other"}
    assert labels_at(analyzer, text, "Vale said") == {"named-official"}


def test_a_named_persons_family_is_identified_through_them(analyzer):
    text = ("Deputy charged\n\n"
            "Jalen Price, 24, was shot by a deputy in March.\n\n"
            "The family's attorney, Marcus Bell, said the deputy fired first.\n\n"
            "Price's family disputes the sheriff's account.\n\n"
            "His wife said he had no weapon.\n\n"
            "A relative of another victim said the county had never apologized.\n")
    assert labels_at(analyzer, text, "Price's family") == {"named-other"}
    assert labels_at(analyzer, text, "His wife") == {"named-other"}
    assert labels_at(analyzer, text, "A relative") == {"anonymous"}
    # "the sheriff's account" does not make the family's attorney a sheriff
    assert labels_at(analyzer, text, "The family's attorney") == {"named-other"}


def test_one_who_writes_for_another_outlet_writes_its_reporting(analyzer):
    text = ("Debate analysis\n\n"
            "“The impact of the debate is still small,” wrote Cameron Easley for Politico.\n\n"
            "Writing for a Los Angeles Times panel that all agreed Pence won the debate, Mark Barabak said he was effective.\n\n"
            "Dana Ruiz wrote a letter to the editor on Monday.\n")
    assert labels_at(analyzer, text, "“The impact") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Writing for") == {"secondary-outlet"}


def test_a_relative_clause_on_what_someone_is_describes_them(analyzer):
    text = ("Campaign notes\n\n"
            "The rally drew about 4,000 people.\n\n"
            "Editor’s note: Walter Brandt regularly incites political violence and is a serial liar, rampant "
            "xenophobe and misogynist who has repeatedly pledged to deport every undocumented immigrant.\n\n"
            "The report is a long document which runs to 300 pages.\n")
    assert labels_at(analyzer, text, "Editor’s note") == {"named-other"}
    assert labels_at(analyzer, text, "The report is") == set()


def test_a_piece_in_another_outlet_that_frames_a_sentence_is_its_reporting_too(analyzer):
    text = ("Opinion pages\n\n"
            "In a New York Times op-ed, Senator Ann Hale argued that the tram should be free.\n\n"
            "In an op-ed for The Guardian, Mayor Jon Tell argued that the buses should be free.\n\n"
            "In a statement on Tuesday, Mayor Jon Tell said the buses would run.\n\n"
            "In the previous Washington Post-ABC News poll, conducted in May, the mayor led by four points.\n")
    assert labels_at(analyzer, text, "In a New York Times op-ed") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "In an op-ed for") == {"named-official", "secondary-outlet"}
    assert labels_at(analyzer, text, "In a statement") == {"named-official"}
    assert "secondary-outlet" not in labels_at(analyzer, text, "In the previous")


def test_a_named_persons_claim_given_with_its_content_is_theirs(analyzer):
    text = ("Fact check\n\n"
            "The fact-checkers seized on Hollis’s claim that there have been thousands of shootings.\n\n"
            "The claim that crime fell was repeated across the state.\n")
    assert "named-other" in labels_at(analyzer, text, "The fact-checkers seized")
    # no one's claim: no source named
    assert labels_at(analyzer, text, "The claim that") == set()


def test_the_speaker_after_a_dateline_is_not_the_city(analyzer):
    text = ("Museum opens\n\n"
            "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story.\n")
    assert labels_at(analyzer, text, "WASHINGTON") == {"named-official"}
