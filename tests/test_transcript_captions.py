"""Broadcast transcripts whose speaker tags carry a caption: the outlet or role after a comma
("MARGARET LANE, CBS NEWS HOST:"), a legislator's party and state in brackets ("SEN. JOHN HALE
(R-TX):"), a title in the tag ("GOV. ED PARK:"), a voice nobody identified ("UNIDENTIFIED
MALE:"), and hosts the lead-in names by what they do ("moderated by Tom Greer"). Every
transcript here is invented."""

from __future__ import annotations

from sentence_labels import labels_at, sentences

CAPTIONED = ("Governor Park on the Virus Surge\n\n"
             "Gov. Ed Park appeared on Sunday's broadcast. A partial transcript follows.\n\n"
             "MARGARET LANE, CBS NEWS HOST: Good morning. Governor, your state has 40,000 new cases. Why?\n\n"
             "GOV. ED PARK (D), NEW MEXICO: Testing went up. We find more because we look harder.\n\n"
             "LANE: Your hospitals are full.\n\n"
             "PARK: They are stretched, not full.\n\n"
             "UNIDENTIFIED MALE: We have no beds left.\n\n"
             "SEN. JOHN HALE (R-TX): The governor waited too long.\n\n"
             "FORMER GOV. AMY TRENT (R), NEW MEXICO: I would have acted in March.\n")


def test_a_host_captioned_with_the_outlet_asks_for_it_in_every_turn(analyzer):
    assert labels_at(analyzer, CAPTIONED, "MARGARET LANE") == {"secondary-outlet"}
    assert labels_at(analyzer, CAPTIONED, "Governor, your state") == {"secondary-outlet"}
    assert labels_at(analyzer, CAPTIONED, "LANE:") == {"secondary-outlet"}


def test_the_outlets_own_host_is_its_own_reporting(analyzer):
    assert labels_at(analyzer, CAPTIONED, "Governor, your state", outlet="CBS News") == set()
    assert labels_at(analyzer, CAPTIONED, "Testing went up", outlet="CBS News") == {"named-official"}


def test_a_title_or_a_party_and_state_in_the_tag_is_an_official(analyzer):
    assert labels_at(analyzer, CAPTIONED, "GOV. ED PARK") == {"named-official"}
    assert labels_at(analyzer, CAPTIONED, "Testing went up") == {"named-official"}
    assert labels_at(analyzer, CAPTIONED, "The governor waited") == {"named-official"}
    assert labels_at(analyzer, CAPTIONED, "I would have acted") == {"named-other"}


def test_a_voice_nobody_identified_is_anonymous(analyzer):
    assert labels_at(analyzer, CAPTIONED, "We have no beds") == {"anonymous"}


def test_a_tag_stays_whole_and_apart_from_the_turn(analyzer):
    texts = [s.text for s in sentences(analyzer, CAPTIONED)]
    assert "GOV. ED PARK (D), NEW MEXICO:" in texts
    assert "Testing went up." in texts


def test_an_outlets_correspondent_captioned_with_its_name_alone(analyzer):
    text = ("Storm coverage\n\n"
            "The following is a transcript of the storm briefing.\n\n"
            "DANA ROWE, ABC NEWS: Mayor, when will the power come back?\n\n"
            "MAYOR LUIS ORTA: By Friday for most homes.\n\n"
            "ROWE: And the rest?\n\n"
            "ORTA: Next week.\n")
    assert labels_at(analyzer, text, "And the rest?") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Next week.") == {"named-official"}


def test_a_moderator_the_lead_in_names_asks_for_the_programmes_outlet(analyzer):
    text = ("Transcript: Sen. Ana Ruiz on \"This Week\"\n\n"
            "The following is a rush transcript of an interview with Sen. Ana Ruiz that aired Sunday on ABC's "
            "\"This Week,\" moderated by Tom Greer.\n\n"
            "GREER: Senator, thank you for joining us. Do you support the bill?\n\n"
            "RUIZ: I do. It is overdue.\n\n"
            "GREER: Budget analysts say it adds $40 billion to the deficit. Is that a problem?\n\n"
            "RUIZ: No. The savings come later.\n")
    assert labels_at(analyzer, text, "Do you support") == {"secondary-outlet"}
    assert labels_at(analyzer, text, "Budget analysts say") == {"secondary-outlet", "anonymous"}
    assert labels_at(analyzer, text, "The savings come later") == {"named-official"}


def test_one_capitalised_label_and_a_colon_is_no_transcript(analyzer):
    text = ("Bridge closing\n\nUPDATE: The bridge will close on Monday, the city said.\n\n"
            "CORRECTION: An earlier version misstated the detour. Drivers will use Mill Road.\n")
    found = {s.text: set(s.labels) for s in sentences(analyzer, text)}
    assert [labels for text, labels in found.items() if "bridge will close" in text] == [{"named-official"}]
    assert [labels for text, labels in found.items() if "Mill Road" in text] == [set()]
