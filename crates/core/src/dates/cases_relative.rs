//! Expressions that need the reference date: deictic words, shifts, bare
//! dates resolved by tense, bare weekdays resolved by tense, and the same
//! expressions left unresolved when no reference is given.
//!
//! Reference weekdays used below: 2015-07-07 Tue (ISO week 28), 2016-03-25
//! Fri (week 12), 2014-10-13 Mon (week 42), 2014-03-29 Sat (week 13).

use super::cases::{check, Case};

#[rustfmt::skip]
const DEICTIC: &[Case] = &[
    ("Kerry and Lavrov met yesterday in Moscow.", "2016-03-25", "yesterday", "DATE", "2016-03-24"),
    ("The results were published today.", "2015-07-07", "today", "DATE", "2015-07-07"),
    ("The ministers meet tomorrow in Vienna.", "2015-07-07", "tomorrow", "DATE", "2015-07-08"),
    ("Talks continue tonight at the hotel.", "2015-07-07", "tonight", "TIME", "2015-07-07TNI"),
    ("He said this morning that talks failed.", "2015-07-07", "this morning", "TIME", "2015-07-07TMO"),
    ("The board voted last night to approve it.", "2015-07-07", "last night", "TIME", "2015-07-06TNI"),
    ("They met yesterday afternoon.", "2015-07-07", "yesterday afternoon", "TIME", "2015-07-06TAF"),
    ("He arrived the day before yesterday.", "2015-07-07", "the day before yesterday", "DATE", "2015-07-05"),
    ("They leave the day after tomorrow.", "2015-07-07", "the day after tomorrow", "DATE", "2015-07-09"),
    ("We fly tomorrow evening.", "2015-07-07", "tomorrow evening", "TIME", "2015-07-08TEV"),
    ("Yesterday, Shearson said it was elevating him.", "1987-02-26", "Yesterday", "DATE", "1987-02-25"),
    ("The meeting will resume this afternoon.", "1987-03-11", "this afternoon", "TIME", "1987-03-11TAF"),
    ("Trading in ADRs will start today.", "1987-03-09", "today", "DATE", "1987-03-09"),
    ("Today's vote was close.", "2015-07-07", "Today", "DATE", "2015-07-07"),
];

#[rustfmt::skip]
const SHIFTS: &[Case] = &[
    ("Prices fell last week.", "2015-07-07", "last week", "DATE", "2015-W27"),
    ("Prices fell this week.", "2015-07-07", "this week", "DATE", "2015-W28"),
    ("Talks resume next week.", "2015-07-07", "next week", "DATE", "2015-W29"),
    ("the UN vote earlier this week to declare", "2014-03-29", "earlier this week", "DATE", "2014-W13"),
    ("talks with EU leaders later this week.", "2014-10-13", "later this week", "DATE", "2014-W42"),
    ("a cease-fire last month between the sides", "2014-10-13", "last month", "DATE", "2014-09"),
    ("Exports rose this month.", "2015-07-07", "this month", "DATE", "2015-07"),
    ("The envoy visits next month.", "2015-07-07", "next month", "DATE", "2015-08"),
    ("Trump came out in favor of sanctions last year.", "2016-03-25", "last year", "DATE", "2015"),
    ("Last year the stage was at last set.", "2015-07-07", "Last year", "DATE", "2014"),
    ("their fourth tete-a-tete this year.", "2015-07-07", "this year", "DATE", "2015"),
    ("Elections are due next year.", "2015-07-07", "next year", "DATE", "2016"),
    ("A vote is expected early next year.", "2015-07-07", "early next year", "DATE", "2016"),
    ("The plant closed late last year.", "2015-07-07", "late last year", "DATE", "2014"),
    ("Growth slowed earlier this year.", "2015-07-07", "earlier this year", "DATE", "2015"),
    ("Profit fell last quarter.", "2015-07-07", "last quarter", "DATE", "2015-Q2"),
    ("Profit will rise this quarter.", "2015-07-07", "this quarter", "DATE", "2015-Q3"),
    ("Output grew this decade.", "2015-07-07", "this decade", "DATE", "201"),
    ("They met last weekend.", "2015-07-07", "last weekend", "DATE", "2015-W27-WE"),
    ("They meet this weekend.", "2015-07-07", "this weekend", "DATE", "2015-W28-WE"),
    ("They meet next weekend.", "2015-07-07", "next weekend", "DATE", "2015-W29-WE"),
    ("Rebels attacked over the weekend.", "2015-07-07", "the weekend", "DATE", "2015-W27-WE"),
    ("The ministers will meet at the weekend.", "2015-07-07", "the weekend", "DATE", "2015-W28-WE"),
    ("Prices rose two years ago.", "2015-07-07", "two years ago", "DATE", "2013"),
    ("Only a year ago, the tone was different.", "2016-03-25", "a year ago", "DATE", "2015"),
    ("PaulinSaudi 9 years ago", "2014-10-13", "9 years ago", "DATE", "2005"),
    ("He left three days ago.", "2015-07-07", "three days ago", "DATE", "2015-07-04"),
    ("They met two weeks ago.", "2015-07-07", "two weeks ago", "DATE", "2015-W26"),
    ("It began six months ago.", "2015-07-07", "six months ago", "DATE", "2015-01"),
    ("The war ended a decade ago.", "2015-07-07", "a decade ago", "DATE", "200"),
    ("He moved a few years ago.", "2015-07-07", "a few years ago", "DATE", "PAST_REF"),
    ("The blast happened two hours ago.", "2015-07-07", "two hours ago", "DATE", "PAST_REF"),
    ("Two years ago, the mood was different.", "2015-07-07", "Two years ago", "DATE", "2013"),
    ("up from 2.0 billion dlrs a year ago.", "1987-03-03", "a year ago", "DATE", "1986"),
    ("Last week, Underwoods shares rose 49p.", "1987-03-03", "Last week", "DATE", "1987-W09"),
];

#[rustfmt::skip]
const SYMBOLS: &[Case] = &[
    ("Shippers are now experiencing difficulties.", "", "now", "DATE", "PRESENT_REF"),
    ("at least for now.", "2015-07-07", "now", "DATE", "PRESENT_REF"),
    ("Sales are currently estimated at 6.1 mln.", "", "currently", "DATE", "PRESENT_REF"),
    ("at a briefing recently, it was said", "", "recently", "DATE", "PAST_REF"),
    ("There has been a shift in recent months.", "", "recent months", "DATE", "PAST_REF"),
    ("They had considered a spinoff in the past.", "", "the past", "DATE", "PAST_REF"),
    ("They are investing heavily in the future.", "", "the future", "DATE", "FUTURE_REF"),
    ("Young people travel more these days.", "", "these days", "DATE", "PRESENT_REF"),
    ("Nowadays the talks are routine.", "", "Nowadays", "DATE", "PRESENT_REF"),
    ("The only coin available at present is gold.", "", "at present", "DATE", "PRESENT_REF"),
    ("the decisions that Putin has made of late.", "", "of late", "DATE", "PAST_REF"),
    ("We need an answer right now.", "", "right now", "DATE", "PRESENT_REF"),
    ("Prices have softened lately.", "", "lately", "DATE", "PAST_REF"),
    ("A deal is likely in the near future.", "", "the near future", "DATE", "FUTURE_REF"),
    ("as distribution channels in future, he said.", "", "future", "DATE", "FUTURE_REF"),
    ("Prices rose sharply in recent weeks.", "", "recent weeks", "DATE", "PAST_REF"),
];

#[rustfmt::skip]
const BARE_DATES: &[Case] = &[
    ("On July 9, Karasin is said to be meeting Nuland.", "2015-07-07", "July 9", "DATE", "2015-07-09"),
    ("Lavrov's meeting in Geneva on June 30 for their fourth.", "2015-07-07", "June 30", "DATE", "2015-06-30"),
    ("So Kerry's tweet on May 12 after his visit to Sochi", "2015-07-07", "May 12", "DATE", "2015-05-12"),
    ("As early as September 8 last year, three ambassadors signed", "2015-07-07", "September 8 last year", "DATE", "2014-09-08"),
    ("a piece in June's Le Monde Diplomatique", "2015-07-07", "June", "DATE", "2015-06"),
    ("Kerry's visit in May was a turning point.", "2015-07-07", "May", "DATE", "2015-05"),
    ("the Geneva communique adopted on the 30th of June.", "2015-05-26", "the 30th of June", "DATE", "2014-06-30"),
    ("Sales rose 5 pct in December, the company said.", "1987-01-05", "December", "DATE", "1986-12"),
    ("The ministers will meet again on January 5.", "2015-12-28", "January 5", "DATE", "2016-01-05"),
    ("Putin said in November that sanctions failed.", "2016-03-25", "November", "DATE", "2015-11"),
    ("sanctions will be lifted before the US presidential election in November", "2016-03-25", "November", "DATE", "2016-11"),
    ("a draft constitution to be drawn up by August.", "2016-03-25", "August", "DATE", "2016-08"),
    ("Sanctions were tightened last March.", "2016-03-25", "last March", "DATE", "2015-03"),
    ("The summit is planned for next March.", "2016-03-25", "next March", "DATE", "2017-03"),
    ("Oil prices collapsed last January.", "2016-03-25", "last January", "DATE", "2016-01"),
    ("The plant opens this March.", "2016-03-25", "this March", "DATE", "2016-03"),
    ("It extended the offer from March six to March 31.", "1987-03-09", "March six", "DATE", "1987-03-06"),
    ("It extended the offer from March six to March 31.", "1987-03-09", "March 31", "DATE", "1987-03-31"),
    ("the fourth meeting on May 12 this year", "2015-07-07", "May 12 this year", "DATE", "2015-05-12"),
    ("The pipeline opens June 30 next year.", "2015-07-07", "June 30 next year", "DATE", "2016-06-30"),
    ("The assassination on February 27 of Boris Nemtsov", "2015-07-07", "February 27", "DATE", "2015-02-27"),
    ("The first is the February 10 report of the House of Lords.", "2015-07-07", "February 10", "DATE", "2015-02-10"),
    ("Arrivals for the week ended February 22 were 155,221 bags.", "1987-02-26", "February 22", "DATE", "1987-02-22"),
    ("A vessel ran aground on February 25 in heavy weather.", "1987-03-12", "February 25", "DATE", "1987-02-25"),
    ("Final terms will be fixed on March 12.", "1987-03-05", "March 12", "DATE", "1987-03-12"),
    ("Subscriptions close March 18 and payment is due.", "1987-03-02", "March 18", "DATE", "1987-03-18"),
    ("The drought eased since early January.", "1987-02-26", "early January", "DATE", "1987-01"),
    ("The truce was agreed on 30 June in Geneva.", "2015-07-07", "30 June", "DATE", "2015-06-30"),
    ("Talks resume in mid-September.", "2015-07-07", "mid-September", "DATE", "2015-09"),
    ("The company was fined on Dec. 30, officials said.", "2016-01-05", "Dec. 30", "DATE", "2015-12-30"),
    ("Profit fell in the fourth quarter, it said.", "1987-02-26", "the fourth quarter", "DATE", "1986-Q4"),
    ("In reporting lower first quarter earnings, it said", "1987-03-03", "first quarter", "DATE", "1987-Q1"),
    ("Sanctions were eased last winter.", "2016-03-25", "last winter", "DATE", "2015-WI"),
    ("The talks may resume this summer.", "2016-03-25", "this summer", "DATE", "2016-SU"),
    ("Fighting resumed last summer.", "2016-03-25", "last summer", "DATE", "2015-SU"),
    ("Britain will from next autumn mint a coin.", "1987-03-11", "next autumn", "DATE", "1987-FA"),
    ("Elections will be held in the spring.", "2016-01-10", "the spring", "DATE", "2016-SP"),
    ("Kerry's May visit to Sochi was seen as a defeat.", "2015-07-07", "May", "DATE", "2015-05"),
    ("Delivery would be in April, it said.", "2015-07-07", "April", "DATE", "2015-04"),
    ("The offer expired on March three.", "1987-03-06", "March three", "DATE", "1987-03-03"),
];

#[rustfmt::skip]
const WEEKDAYS: &[Case] = &[
    ("the conclusion reached during Friday's phone call between Putin and Obama.", "2014-03-29", "Friday", "DATE", "2014-03-28"),
    ("Vladimir Putin called President Obama on Friday.", "2014-03-29", "Friday", "DATE", "2014-03-28"),
    ("a meeting with Lavrov was urgently set for Sunday.", "2014-03-29", "Sunday", "DATE", "2014-03-30"),
    ("The two men will meet on Monday in Paris.", "2014-03-29", "Monday", "DATE", "2014-03-31"),
    ("The envoys met on Tuesday in Geneva.", "2014-03-29", "Tuesday", "DATE", "2014-03-25"),
    ("The envoys met last Friday in Geneva.", "2014-03-29", "last Friday", "DATE", "2014-03-28"),
    ("The envoys meet next Friday in Geneva.", "2014-03-29", "next Friday", "DATE", "2014-04-04"),
    ("Kerry said on Saturday that talks were useful.", "2014-03-29", "Saturday", "DATE", "2014-03-29"),
    ("Kerry said Friday morning that talks were useful.", "2014-03-29", "Friday morning", "TIME", "2014-03-28TMO"),
    ("The ministers will dine Sunday night in Paris.", "2014-03-29", "Sunday night", "TIME", "2014-03-30TNI"),
    ("diplomats are hoping to find a way when they meet Tuesday.", "2014-10-13", "Tuesday", "DATE", "2014-10-14"),
    ("one possible outcome Tuesday would be an invitation", "2014-10-13", "Tuesday", "DATE", "2014-10-14"),
    ("On Monday, an annual meeting to foster dialogue was postponed indefinitely.", "2014-10-13", "Monday", "DATE", "2014-10-13"),
    ("Lavrov is expected to arrive Wednesday.", "2014-10-13", "Wednesday", "DATE", "2014-10-15"),
    ("The ministry said Thursday that troops had left.", "2014-10-13", "Thursday", "DATE", "2014-10-09"),
    ("The vote is scheduled for Friday.", "2014-10-13", "Friday", "DATE", "2014-10-17"),
    ("Putin plans to visit Milan on Saturday.", "2014-10-13", "Saturday", "DATE", "2014-10-18"),
    ("The rebels met Sunday with OSCE monitors.", "2014-10-13", "Sunday", "DATE", "2014-10-12"),
    ("Kerry is to meet Lavrov on Tuesday.", "2014-10-13", "Tuesday", "DATE", "2014-10-14"),
    ("Troops withdrew last Tuesday.", "2014-10-13", "last Tuesday", "DATE", "2014-10-07"),
    ("The summit opens this coming Friday.", "2014-10-13", "coming Friday", "DATE", "2014-10-17"),
    ("Kerry said Friday the ceasefire was holding.", "2016-03-25", "Friday", "DATE", "2016-03-25"),
    ("The delegation arrived on Thursday.", "2016-03-25", "Thursday", "DATE", "2016-03-24"),
    ("Lavrov told reporters on Wednesday that it was over.", "2016-03-25", "Wednesday", "DATE", "2016-03-23"),
    ("The talks will resume on Monday.", "2016-03-25", "Monday", "DATE", "2016-03-28"),
    ("Kerry will travel to Vienna on Sunday.", "2015-07-07", "Sunday", "DATE", "2015-07-12"),
    ("The talks ended on Sunday without a deal.", "2015-07-07", "Sunday", "DATE", "2015-07-05"),
    ("Peru will put into effect Monday a rationing system.", "1987-03-15", "Monday", "DATE", "1987-03-16"),
    ("comments at an analysts' meeting Tuesday helped fuel the rumors", "1987-02-26", "Tuesday", "DATE", "1987-02-24"),
    ("Gorbachev's offer announced last Saturday was welcomed.", "1987-03-04", "last Saturday", "DATE", "1987-02-28"),
    ("The Kremlin is readying a reply for Thursday.", "2015-07-07", "Thursday", "DATE", "2015-07-09"),
    ("The talks this Friday are crucial.", "2015-07-07", "this Friday", "DATE", "2015-07-10"),
    ("The deadline passed on Monday, officials said.", "2015-07-07", "Monday", "DATE", "2015-07-06"),
    ("Ministers are due to sign the deal on Wednesday.", "2015-07-07", "Wednesday", "DATE", "2015-07-08"),
    ("He had spoken to Kerry on Thursday.", "2015-07-07", "Thursday", "DATE", "2015-07-02"),
];

#[rustfmt::skip]
const TIMES: &[Case] = &[
    ("The statement came at 16:12 GMT.", "2016-03-25", "16:12", "TIME", "2016-03-25T16:12"),
    ("The vote is at 3 p.m. in the chamber.", "2016-03-25", "3 p.m.", "TIME", "2016-03-25T15:00"),
    ("Talks resume at noon.", "2016-03-25", "noon", "TIME", "2016-03-25T12:00"),
    ("The session opens at 9:30 in Geneva.", "2016-03-25", "9:30", "TIME", "2016-03-25T09:30"),
    ("They will meet at 10 a.m. on Tuesday.", "2014-10-13", "10 a.m. on Tuesday", "TIME", "2014-10-14T10:00"),
    ("The statement came yesterday at noon.", "2016-03-25", "yesterday at noon", "TIME", "2016-03-24T12:00"),
    ("Kerry said Friday at 8 pm that a deal was near.", "2016-03-25", "Friday at 8 pm", "TIME", "2016-03-25T20:00"),
    ("A blast was heard at 11:45 p.m. near the port.", "2016-03-25", "11:45 p.m.", "TIME", "2016-03-25T23:45"),
    ("Markets open at 8am tomorrow.", "2016-03-25", "8am tomorrow", "TIME", "2016-03-26T08:00"),
    ("The curfew begins at midnight.", "2016-03-25", "midnight", "TIME", "2016-03-25T24:00"),
];

/// The same kinds of expression with no reference date: found, typed, but
/// left without a value until the researcher sets the article's date.
#[rustfmt::skip]
const UNRESOLVED: &[Case] = &[
    ("Kerry and Lavrov met yesterday in Moscow.", "", "yesterday", "DATE", ""),
    ("On July 9, Karasin is said to be meeting Nuland.", "", "July 9", "DATE", ""),
    ("when they meet Tuesday.", "", "Tuesday", "DATE", ""),
    ("Prices fell last week.", "", "last week", "DATE", ""),
    ("Prices rose two years ago.", "", "two years ago", "DATE", ""),
    ("Kerry's visit in May was a turning point.", "", "May", "DATE", ""),
    ("The statement came at 16:12 GMT.", "", "16:12", "TIME", ""),
    ("Talks continue tonight at the hotel.", "", "tonight", "TIME", ""),
    ("The envoy visits next month.", "", "next month", "DATE", ""),
    ("Rebels attacked over the weekend.", "", "the weekend", "DATE", ""),
    ("their fourth meeting this year.", "", "this year", "DATE", ""),
    ("Profit fell in the fourth quarter, it said.", "", "the fourth quarter", "DATE", ""),
    ("Sanctions were eased last winter.", "", "last winter", "DATE", ""),
    ("As early as September 8 last year, they signed", "", "September 8 last year", "DATE", ""),
    ("Kerry said Friday morning that talks were useful.", "", "Friday morning", "TIME", ""),
    ("The results were published today.", "", "today", "DATE", ""),
    ("The envoys met last Friday in Geneva.", "", "last Friday", "DATE", ""),
    ("Sanctions were tightened last March.", "", "last March", "DATE", ""),
    ("the UN vote earlier this week to declare", "", "earlier this week", "DATE", ""),
    ("It began six months ago.", "", "six months ago", "DATE", ""),
    ("They will meet at 10 a.m. on Tuesday.", "", "10 a.m. on Tuesday", "TIME", ""),
    ("The truce was agreed on 30 June in Geneva.", "", "30 June", "DATE", ""),
];

#[test]
fn deictic_words() {
    check("deictic", DEICTIC);
}

#[test]
fn shifts_from_the_reference() {
    check("shifts", SHIFTS);
}

#[test]
fn symbols_need_no_date() {
    check("symbols", SYMBOLS);
}

#[test]
fn bare_dates_take_their_year_from_tense_and_reference() {
    check("bare dates", BARE_DATES);
}

#[test]
fn bare_weekdays_go_the_way_of_the_tense() {
    check("weekdays", WEEKDAYS);
}

#[test]
fn clock_times_anchor_to_a_day() {
    check("times", TIMES);
}

#[test]
fn without_a_reference_relative_expressions_stay_unresolved() {
    check("unresolved", UNRESOLVED);
}

#[test]
fn tables_are_substantial() {
    let n = DEICTIC.len()
        + SHIFTS.len()
        + SYMBOLS.len()
        + BARE_DATES.len()
        + WEEKDAYS.len()
        + TIMES.len()
        + UNRESOLVED.len();
    assert!(
        n >= 150,
        "relative tables hold {n} cases; they should cover every form and tense"
    );
}
