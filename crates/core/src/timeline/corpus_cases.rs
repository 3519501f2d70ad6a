//! Sentences from the BBC News (2004-2005) and Reuters (1987) corpora that
//! extraction once got wrong, and some it must keep getting right: short
//! excerpts, each with the published date its article has (the BBC files
//! carry none).

use chrono::NaiveDate;

use super::*;

fn events(text: &str, reference: Option<&str>) -> Vec<EventMention> {
    let reference = reference.and_then(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").ok());
    extract_article(1, text, reference).events
}

fn keys(e: &EventMention) -> Vec<&str> {
    e.participants.iter().map(|p| p.key.as_str()).collect()
}

#[test]
fn clubs_films_fixtures_and_figures_of_speech_are_not_meetings() {
    let cases = [
        // A club's first game, in a history of rugby (BBC sport 371).
        "Nelson Town met Nelson College on 14 May, 1870, the Town triumphing by two goals to nil.",
        // A national team (BBC sport 134).
        "The Republic met the Swiss in their final Euro 2004 qualifier, losing 2-0 away and \
         missing out on a place in the finals in Portugal.",
        // A fixture between two players.
        "Italy coach John Kirwan has challenged his side to match the performance they produced \
         in pushing Ireland close when they meet Wales on Saturday. Umaga will meet O'Driscoll in \
         Saturday's Rugby Aid match at Twickenham, with the Irish captain leading the side.",
        "Britain's Jason Gardener shook off an upset stomach to win the 60m at Sunday's Leipzig \
         International meeting. The sprint was his second indoor win of the season.",
        // A film (BBC entertainment).
        "Comedy sequel Meet The Fockers and Shall We Dance?, starring Jennifer Lopez and Richard \
         Gere, completed the top five.",
        // A web site (BBC tech).
        "Surfers outside the US have been unable to visit the official re-election site of \
         President George W Bush.",
        // Naming, not calling.
        "After leaving Apple, Mr Raskin founded another company called Information Appliance.",
        "Indian writer Rohit Gupta edits a group blog called Dogs without Borders.",
        // Fulfilling and receiving.
        "Scott Sullivan admitted to jurors he was willing to commit fraud to meet Wall Street \
         earnings projections.",
        "His words about President Bush met a cool reception from Jacques Chirac.",
        "Grappling with the need to either raise taxes or cut federal spending to meet the fiscal \
         1988 budget deficit target of 108 billion dlrs, House Speaker Jim Wright suggested the \
         tax be studied.",
        // Calling an election, calling in the army, calling for something (Reuters).
        "Chancellor of the Exchequer Nigel Lawson rejected claims by opposition MPs that the \
         government would be forced to call an election by a deteriorating economy.",
        "Tanjug said in the interview Prime Minister Branko Mikulic warned the army could be \
         called in if Yugoslavia's political system was threatened.",
        "Jacques Delors, President of the European Community's Executive Commission, called last \
         month for control to go to West Germany's Siemens AG.",
        // Welcoming a decision.
        "Fiji today welcomed the ending of a trade ban imposed by Australian labor unions as \
         supporters of ousted prime minister Timoci Bavadra renewed pressure.",
        "Shadow home secretary David Davis welcomed his \"gracious apology\" and the review itself.",
        // A ball.
        "Wayne Rooney met Gary Neville's cross to the near post with a low shot, which went in \
         via a deflection off Richard Dunne, to put United ahead in the match.",
    ];
    for text in cases {
        let found = events(text, Some("2005-02-01"));
        assert!(found.is_empty(), "no meeting in {text:?}: {found:#?}");
    }
}

#[test]
fn a_meeting_decades_before_the_article_is_history() {
    let text = "Prime Minister Winston Churchill met President Franklin Roosevelt in Casablanca \
                on 14 January 1943.";
    assert!(
        events(text, Some("2005-03-01")).is_empty(),
        "sixty years before publication is background, not a meeting the article reports"
    );
    assert_eq!(
        events(text, Some("1943-01-20")).len(),
        1,
        "the same sentence written that week reports a meeting"
    );
}

#[test]
fn only_people_take_part() {
    // "Gillette said" is all that makes Gillette a name: a company.
    let text = "The Gillette board of directors has a regularly scheduled meeting this \
                afternoon, and Gillette said it anticipates making a statement.";
    assert!(
        events(text, Some("1987-06-18"))
            .iter()
            .all(|e| e.participants.is_empty()),
        "a company is not a participant"
    );
    // "…, Ito said": the source of the report, not a participant.
    let text = "Prime Minister Yasuhiro Nakasone leaves for Washington on April 29 for talks \
                with President Reagan, Ito said.";
    let found = events(text, Some("1987-04-21"));
    assert_eq!(found.len(), 1, "Nakasone's talks: {found:#?}");
    let names: Vec<&str> = found[0]
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Yasuhiro Nakasone", "Reagan"],
        "Nakasone and Reagan meet; Ito reports it"
    );
}

#[test]
fn corpus_meetings_that_stay() {
    let found = events(
        "Club director Terry Brady held initial talks with Strachan on Saturday.",
        Some("2005-01-10"),
    );
    assert_eq!(found.len(), 1, "talks with a manager: {found:#?}");
    assert_eq!(found[0].kind, EventKind::Talks);
    assert_eq!(found[0].date.as_deref(), Some("2005-01-08"));

    let found = events(
        "Manchester United chief executive David Gill wrote to Arsenal vice-chairman David Dein. \
         Gill phoned Dein three times to complain but nothing was done.",
        None,
    );
    assert_eq!(found.len(), 1, "a phone call: {found:#?}");
    assert_eq!(found[0].kind, EventKind::Call);
    assert_eq!(keys(&found[0]), ["david gill", "david dein"]);

    let found = events(
        "World Bank President Barber Conable arrived here on Saturday and will have talks with \
         President Suharto tomorrow.",
        Some("1987-03-28"),
    );
    assert_eq!(found.len(), 1, "talks in Jakarta: {found:#?}");
    assert_eq!(found[0].status, EventStatus::Planned);
    assert_eq!(found[0].date.as_deref(), Some("1987-03-29"));

    let found = events(
        "SUNA said Finance Minister Beshir Omer made the remarks after a meeting in Khartoum \
         yesterday with IMF envoy Abdel-Shakour Shaalan.",
        Some("1987-03-24"),
    );
    assert_eq!(found.len(), 1, "a meeting in Khartoum: {found:#?}");
    assert_eq!(found[0].place.as_deref(), Some("Khartoum"));
    assert_eq!(found[0].date.as_deref(), Some("1987-03-23"));

    let found = events(
        "Assistant Secretary of State Victoria Nuland also visited Moscow soon after Kerry.",
        Some("2015-05-26"),
    );
    assert_eq!(
        found[0].place.as_deref(),
        Some("Moscow"),
        "'visited Moscow': the place is the verb's object"
    );
}
