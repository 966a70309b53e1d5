"""Whom a spokesperson speaks for, when a person's own title wins over the role in front of
their name, people who left an office, and chances to speak that are no words spoken. Every
article here is invented."""

from __future__ import annotations

from sentence_labels import labels_at

SPOKESPEOPLE = ("Attack ads in the governor's race\n\n"
                "Businessman Tom Hartigan is running for governor. "
                "\"She lectures everyone,\" Hartigan spokeswoman Jessa Kline told reporters. "
                "Sen. Ann Brekke is backing his rival. "
                "Brekke spokesman Tom Lind said the senator would campaign on Friday. "
                "Labour's transport spokesperson, Cllr Nasreen Akhtar, said the council had rushed the vote. "
                "The London-based campaign group Justice Abroad, which helps Britons held overseas, said the trial was unfair.")


def test_a_spokesperson_of_a_person_who_holds_no_office_holds_none(analyzer):
    assert labels_at(analyzer, SPOKESPEOPLE, "\"She lectures everyone") == {"named-other"}
    assert labels_at(analyzer, SPOKESPEOPLE, "Brekke spokesman") == {"named-official"}


def test_a_persons_own_title_of_office_wins_over_the_party_role_before_the_name(analyzer):
    assert labels_at(analyzer, SPOKESPEOPLE, "Labour's transport spokesperson") == {"named-official"}
    # a title word that begins an organisation's name is no one's title
    assert labels_at(analyzer, SPOKESPEOPLE, "The London-based campaign group") == {"named-other"}


LEFT = ("A loan under scrutiny\n\n"
        "Energy Department deputy director Tom Keene approved the loan in 2023. "
        "Keene, who left the department in 2024 and now works at a consulting firm, said he followed every rule. "
        "Councilwoman Ann Ruiz voted against the plan in 2022. "
        "Ruiz, who resigned from the city council last year, said the vote was rigged. "
        "Ben Ortiz, who leads the city council, said the vote was fair.")


def test_a_person_who_left_an_official_body_speaks_as_a_former_official(analyzer):
    assert labels_at(analyzer, LEFT, "Keene, who left") == {"named-other"}
    assert labels_at(analyzer, LEFT, "Ruiz, who resigned") == {"named-other"}
    assert labels_at(analyzer, LEFT, "Ben Ortiz") == {"named-official"}


CHANCES = ("A car-free trial\n\n"
           "The trial starts in June. "
           "Residents can comment on the trial through the council website. "
           "The mayor may say more on Monday. "
           "Officials can confirm that the bridge is safe. "
           "The mayor did not specify how much the trial would cost.")


def test_a_chance_to_speak_is_no_words_spoken(analyzer):
    assert labels_at(analyzer, CHANCES, "Residents can comment") == set()
    assert labels_at(analyzer, CHANCES, "The mayor may say") == set()
    assert labels_at(analyzer, CHANCES, "Officials can confirm") == {"anonymous"}


def test_not_specifying_is_an_answer_like_declining_to_comment(analyzer):
    assert labels_at(analyzer, CHANCES, "The mayor did not specify") == {"named-official"}


UNNAMED_ADVISER = ("A campaign's choices\n\n"
                   "Ms. Whitcomb toured the Thumb on Monday. "
                   "One adviser to Ms. Whitcomb, who spoke on the condition of anonymity to describe internal "
                   "deliberations, said the campaign had debated its spending. "
                   "\"We are going to find out in November,\" the adviser said. "
                   "The adviser spoke on condition of anonymity to discuss private talks.")


def test_the_terms_a_source_spoke_on_are_no_words_of_the_person_named_beside_them(analyzer):
    assert labels_at(analyzer, UNNAMED_ADVISER, "One adviser") == {"anonymous"}


def test_the_role_of_an_unnamed_source_named_again_is_that_source(analyzer):
    assert labels_at(analyzer, UNNAMED_ADVISER, "\"We are going") == {"anonymous"}
    assert labels_at(analyzer, UNNAMED_ADVISER, "The adviser spoke") == {"anonymous"}


COMPANY_SPOKESMAN = ("A contractor under scrutiny\n\n"
                     "The committee voted to hold Pell in contempt. "
                     "A Meridian spokesman said the company was cooperating fully with the committee. "
                     "A Kremlin spokesman said the company was not involved.")


def test_a_spokesperson_who_speaks_of_the_company_speaks_for_a_company(analyzer):
    assert labels_at(analyzer, COMPANY_SPOKESMAN, "A Meridian spokesman") == {"named-other"}
    assert labels_at(analyzer, COMPANY_SPOKESMAN, "A Kremlin spokesman") == {"named-official"}


CURLY = ("A storm order\n\n"
         "Senate President Pro Tempore Gordon Ashcraft, a Republican, said the governor had no authority. "
         "Ashcraft’s spokesman, Wes Trammell, disputed that account. "
         "The State Board of Elections said it would issue guidance by Thursday. "
         "Karen Wimbley, the board’s executive director, said 29 polling places were unusable.")


def test_a_curly_apostrophe_leaves_the_owner_who_they_are(analyzer):
    assert labels_at(analyzer, CURLY, "Ashcraft’s spokesman") == {"named-official"}
    assert labels_at(analyzer, CURLY, "Karen Wimbley") == {"named-official"}
