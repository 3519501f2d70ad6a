//! Expressions whose value follows from the text alone: full dates, years,
//! decades, durations and sets. They are run without a reference date,
//! because they must resolve without one.

use super::cases::{check, Case};

#[rustfmt::skip]
const DATES: &[Case] = &[
    ("The talks were held on March 25, 2016 in Moscow.", "", "March 25, 2016", "DATE", "2016-03-25"),
    ("Published 25 Mar, 2016 by the agency.", "", "25 Mar, 2016", "DATE", "2016-03-25"),
    ("He arrived on 25 March 2016 for talks.", "", "25 March 2016", "DATE", "2016-03-25"),
    ("Filed 2015-05-26 by the desk.", "", "2015-05-26", "DATE", "2015-05-26"),
    ("The deal was signed Oct. 13, 2014, in Paris.", "", "Oct. 13, 2014", "DATE", "2014-10-13"),
    ("A letter dated Sept. 8, 2014 was published.", "", "Sept. 8, 2014", "DATE", "2014-09-08"),
    ("A letter dated Sept 8, 2014 was published.", "", "Sept 8, 2014", "DATE", "2014-09-08"),
    ("A letter dated Sep. 8, 2014 was published.", "", "Sep. 8, 2014", "DATE", "2014-09-08"),
    ("The fund opened Jan. 1, 2000.", "", "Jan. 1, 2000", "DATE", "2000-01-01"),
    ("Leap day fell on Feb 29, 2016 that year.", "", "Feb 29, 2016", "DATE", "2016-02-29"),
    ("It ended Dec. 31, 1999 in Moscow.", "", "Dec. 31, 1999", "DATE", "1999-12-31"),
    ("It began on August 1st, 2014.", "", "August 1st, 2014", "DATE", "2014-08-01"),
    ("It began on August 1 2014.", "", "August 1 2014", "DATE", "2014-08-01"),
    ("The Geneva meeting, Thursday, April 17, 2014, between the parties.", "", "Thursday, April 17, 2014", "DATE", "2014-04-17"),
    ("in Paris, France, Monday Oct. 13, 2014. (AP Photo)", "", "Monday Oct. 13, 2014", "DATE", "2014-10-13"),
    ("Kerry spoke on Friday, March 28, 2014, to reporters.", "", "Friday, March 28, 2014", "DATE", "2014-03-28"),
    ("The communique adopted on the 30th of June 2012.", "", "the 30th of June 2012", "DATE", "2012-06-30"),
    ("Celebrated on the 1st of May 2015 in Moscow.", "", "the 1st of May 2015", "DATE", "2015-05-01"),
    ("They met on 3 September 2015 in Vienna.", "", "3 September 2015", "DATE", "2015-09-03"),
    ("They met on 3rd September, 2015 in Vienna.", "", "3rd September, 2015", "DATE", "2015-09-03"),
    ("They met on 14 Feb 2014 in Munich.", "", "14 Feb 2014", "DATE", "2014-02-14"),
    ("Sanctions were imposed in March 2014.", "", "March 2014", "DATE", "2014-03"),
    ("Kerry visited Sochi in May 2015.", "", "May 2015", "DATE", "2015-05"),
    ("Results for Oct 1987 were weak.", "", "Oct 1987", "DATE", "1987-10"),
    ("The accord of December, 2013 collapsed.", "", "December, 2013", "DATE", "2013-12"),
    ("By mid-June 2015 the truce held.", "", "mid-June 2015", "DATE", "2015-06"),
    ("In early March 2014 troops moved.", "", "early March 2014", "DATE", "2014-03"),
    ("Talks resumed in late July of 2014.", "", "late July of 2014", "DATE", "2014-07"),
    ("Crimea was annexed in 2014.", "", "2014", "DATE", "2014"),
    ("Russia has been independent since 1991.", "", "1991", "DATE", "1991"),
    ("The plan must be finished by 2020.", "", "2020", "DATE", "2020"),
    ("Before the 2014 election the mood shifted.", "", "2014", "DATE", "2014"),
    ("Russia's 2014 annexation of Crimea was condemned.", "", "2014", "DATE", "2014"),
    ("Sales fell during 1986, the company said.", "", "1986", "DATE", "1986"),
    ("It expects profits for fiscal 1987 to rise.", "", "1987", "DATE", "1987"),
    ("Growth returned in mid-2015 after the slump.", "", "mid-2015", "DATE", "2015"),
    ("The vote is due in early 2016.", "", "early 2016", "DATE", "2016"),
    ("Prices collapsed in late 2013.", "", "late 2013", "DATE", "2013"),
    ("Imports rose between 2014 and 2016.", "", "2016", "DATE", "2016"),
    ("Imports rose between 2014 and 2016.", "", "2014", "DATE", "2014"),
    ("Output doubled from 1985 to 1987.", "", "1985", "DATE", "1985"),
    ("Output doubled from 1985 to 1987.", "", "1987", "DATE", "1987"),
    ("The delivery is planned for 1988 and 1989.", "", "1989", "DATE", "1989"),
    ("Relations were warmer in the 1990s.", "", "the 1990s", "DATE", "199"),
    ("Relations were warmer in the 1980s and after.", "", "the 1980s", "DATE", "198"),
    ("The boom of the early 2000s ended.", "", "the early 2000s", "DATE", "200"),
    ("Nostalgia for the '90s is strong.", "", "the '90s", "DATE", "199"),
    ("Détente in the 1970s was brief.", "", "the 1970s", "DATE", "197"),
    ("The 1960s saw the Cuban crisis.", "", "The 1960s", "DATE", "196"),
    ("Ties froze in 1960s Europe.", "", "1960s", "DATE", "196"),
    ("Wars of the 20th century shaped Europe.", "", "the 20th century", "DATE", "19"),
    ("Diplomacy in the 21st century is different.", "", "the 21st century", "DATE", "20"),
    ("Talks broke down in spring 2015.", "", "spring 2015", "DATE", "2015-SP"),
    ("Fighting flared in the summer of 2014.", "", "the summer of 2014", "DATE", "2014-SU"),
    ("Gas was cut in winter 2013 to Kiev.", "", "winter 2013", "DATE", "2013-WI"),
    ("An offensive began in autumn 2012.", "", "autumn 2012", "DATE", "2012-FA"),
    ("The vote was held in fall 2015.", "", "fall 2015", "DATE", "2015-FA"),
    ("Profit rose in the first quarter of 1987.", "", "the first quarter of 1987", "DATE", "1987-Q1"),
    ("Its 1986 fourth quarter was weak.", "", "1986 fourth quarter", "DATE", "1986-Q4"),
    ("Growth slowed in the second half of 2015.", "", "the second half of 2015", "DATE", "2015-H2"),
    ("The bank posted first-quarter 1987 profit.", "", "first-quarter 1987", "DATE", "1987-Q1"),
    ("Sales in the third quarter of 1986 fell.", "", "the third quarter of 1986", "DATE", "1986-Q3"),
    ("Profit in the first half of 1987 rose.", "", "the first half of 1987", "DATE", "1987-H1"),
    ("Dated 1 March 1987, the letter arrived.", "", "1 March 1987", "DATE", "1987-03-01"),
    ("The notes mature on March 30, 1992 and pay well.", "", "March 30, 1992", "DATE", "1992-03-30"),
    ("After its July 29, 1985 public offering.", "", "July 29, 1985", "DATE", "1985-07-29"),
    ("in the year to March 1988 and beyond.", "", "March 1988", "DATE", "1988-03"),
    ("Growth in January 1986 was nil.", "", "January 1986", "DATE", "1986-01"),
];

#[rustfmt::skip]
const TIMES: &[Case] = &[
    ("25 Mar, 2016 16:12\n\nKerry in Moscow", "", "25 Mar, 2016 16:12", "TIME", "2016-03-25T16:12"),
    ("Originally Published 2015-05-26 00:00:00 online", "", "2015-05-26 00:00:00", "TIME", "2015-05-26T00:00:00"),
    ("Posted 2015-05-26T14:30 by staff.", "", "2015-05-26T14:30", "TIME", "2015-05-26T14:30"),
    ("The vote closed March 25, 2016 at 3 p.m. local time.", "", "March 25, 2016 at 3 p.m.", "TIME", "2016-03-25T15:00"),
    ("Trading stopped at 10:30 a.m., June 5, 2015 in Tokyo.", "", "10:30 a.m., June 5, 2015", "TIME", "2015-06-05T10:30"),
    ("The blast came on 12 May 2015 at 9:45 pm, police said.", "", "12 May 2015 at 9:45 pm", "TIME", "2015-05-12T21:45"),
    ("The statement of April 2, 2015 at noon was brief.", "", "April 2, 2015 at noon", "TIME", "2015-04-02T12:00"),
    ("It ended Dec. 31, 1999 at midnight.", "", "Dec. 31, 1999 at midnight", "TIME", "1999-12-31T24:00"),
    ("At 7 a.m. on July 1, 2015 the border closed.", "", "7 a.m. on July 1, 2015", "TIME", "2015-07-01T07:00"),
];

#[rustfmt::skip]
const DURATIONS: &[Case] = &[
    ("recount their 340 days together in space", "", "340 days", "DURATION", "P340D"),
    ("his third visit to the Russian capital in 10 months", "", "10 months", "DURATION", "P10M"),
    ("After four hours of talks with Lavrov", "", "four hours", "DURATION", "PT4H"),
    ("tensions that have marked the past two years.", "", "the past two years", "DURATION", "P2Y"),
    ("to use the last 17 months of his presidency", "", "the last 17 months", "DURATION", "P17M"),
    ("reversing a yearlong spike in tensions", "", "yearlong", "DURATION", "P1Y"),
    ("a two-year agreement with GTE", "", "two-year", "DURATION", "P2Y"),
    ("a 10-day ceasefire was agreed", "", "10-day", "DURATION", "P10D"),
    ("investment over the next five years", "", "the next five years", "DURATION", "P5Y"),
    ("The crisis has lasted several months.", "", "several months", "DURATION", "PXM"),
    ("It will take a few weeks to agree.", "", "a few weeks", "DURATION", "PXW"),
    ("They talked for 30 minutes by phone.", "", "30 minutes", "DURATION", "PT30M"),
    ("The missile flew for 45 seconds.", "", "45 seconds", "DURATION", "PT45S"),
    ("two decades of mistrust", "", "two decades", "DURATION", "P2DE"),
    ("three centuries of rivalry", "", "three centuries", "DURATION", "P3CE"),
    ("The truce held for a fortnight.", "", "a fortnight", "DURATION", "P2W"),
    ("Sanctions will stay for a year at least.", "", "a year", "DURATION", "P1Y"),
    ("A reply is expected within an hour.", "", "an hour", "DURATION", "PT1H"),
    ("after twenty-five years of service", "", "twenty-five years", "DURATION", "P25Y"),
    ("Prices rose over the past year.", "", "the past year", "DURATION", "P1Y"),
    ("More talks are planned in the coming weeks.", "", "the coming weeks", "DURATION", "PXW"),
    ("The two sides have quarrelled for years.", "", "years", "DURATION", "PXY"),
    ("After months of Russia standing its ground", "", "months", "DURATION", "PXM"),
    ("a drop in stocks in the past 12 months", "", "the past 12 months", "DURATION", "P12M"),
    ("Indeed, in the last few months, historians", "", "the last few months", "DURATION", "PXM"),
    ("a decade-long war", "", "decade-long", "DURATION", "P1DE"),
    ("a months-long standoff", "", "months-long", "DURATION", "PXM"),
    ("Rome lasted 1,000 years in the west.", "", "1,000 years", "DURATION", "P1000Y"),
    ("The loan runs 1.5 years from today.", "", "1.5 years", "DURATION", "P1.5Y"),
    ("Fighting in the last 24 hours killed ten.", "", "the last 24 hours", "DURATION", "PT24H"),
    ("They will meet in a couple of days.", "", "a couple of days", "DURATION", "P2D"),
    ("The central bank will have 10 days to decide.", "", "10 days", "DURATION", "P10D"),
    ("a 12-year bond with a coupon", "", "12-year", "DURATION", "P12Y"),
    ("the highest growth registered in 12 years.", "", "12 years", "DURATION", "P12Y"),
    ("the company will have six months to sell", "", "six months", "DURATION", "P6M"),
    ("The pact allows a three-month extension.", "", "three-month", "DURATION", "P3M"),
    ("It took nearly a decade to rebuild.", "", "a decade", "DURATION", "P1DE"),
    ("Lamb demand grew over five years in the Gulf.", "", "five years", "DURATION", "P5Y"),
    ("They spent eight hours in talks.", "", "eight hours", "DURATION", "PT8H"),
    ("a 24-hour strike in the port", "", "24-hour", "DURATION", "PT24H"),
    ("hundreds of years of history", "", "hundreds of years", "DURATION", "PXY"),
    ("Nine months of revenues rose.", "", "Nine months", "DURATION", "P9M"),
    ("the previous 18 months were calm", "", "the previous 18 months", "DURATION", "P18M"),
    ("growth in previous 18 months was nil", "", "previous 18 months", "DURATION", "P18M"),
    ("over the following two weeks", "", "the following two weeks", "DURATION", "P2W"),
    ("for many years to come", "", "many years", "DURATION", "PXY"),
];

#[rustfmt::skip]
const SETS: &[Case] = &[
    ("It has been violated almost daily.", "", "daily", "SET", "P1D"),
    ("The ministers speak every week.", "", "every week", "SET", "P1W"),
    ("The forum meets each year in June.", "", "each year", "SET", "P1Y"),
    ("Protests are held every Monday.", "", "every Monday", "SET", "XXXX-WXX-1"),
    ("The market is closed on Sundays.", "", "Sundays", "SET", "XXXX-WXX-7"),
    ("Gas shortages hit Kiev in winters.", "", "winters", "SET", "XXXX-WI"),
    ("The council meets twice a year.", "", "twice a year", "SET", "P1Y"),
    ("Inspectors visit once a month.", "", "once a month", "SET", "P1M"),
    ("He swims three times a week.", "", "three times a week", "SET", "P1W"),
    ("The report is published annually.", "", "annually", "SET", "P1Y"),
    ("Comissaria Smith said in its weekly review.", "", "weekly", "SET", "P1W"),
    ("Talks are held every two weeks.", "", "every two weeks", "SET", "P2W"),
    ("The pipeline freezes every winter.", "", "every winter", "SET", "XXXX-WI"),
    ("Fans gather every weekend.", "", "every weekend", "SET", "XXXX-WXX-WE"),
    ("The dividend is paid quarterly.", "", "quarterly", "SET", "P3M"),
    ("Bulletins are issued hourly.", "", "hourly", "SET", "PT1H"),
    ("Clashes now happen on weekends.", "", "weekends", "SET", "XXXX-WXX-WE"),
    ("The index is compiled monthly.", "", "monthly", "SET", "P1M"),
    ("Prices are reviewed every day.", "", "every day", "SET", "P1D"),
    ("The board meets each Tuesday.", "", "each Tuesday", "SET", "XXXX-WXX-2"),
    ("Meetings on Fridays are routine.", "", "Fridays", "SET", "XXXX-WXX-5"),
    ("Rates are set yearly by the bank.", "", "yearly", "SET", "P1Y"),
    ("Ships sail once a week from Odessa.", "", "once a week", "SET", "P1W"),
    ("The summit moves every summer.", "", "every summer", "SET", "XXXX-SU"),
];

#[test]
fn absolute_dates() {
    check("absolute dates", DATES);
}

#[test]
fn absolute_times() {
    check("absolute times", TIMES);
}

#[test]
fn durations() {
    check("durations", DURATIONS);
}

#[test]
fn sets() {
    check("sets", SETS);
}

/// The tables are the measure of the recogniser's quality; keep them large.
#[test]
fn tables_are_substantial() {
    let n = DATES.len() + TIMES.len() + DURATIONS.len() + SETS.len();
    assert!(
        n >= 140,
        "absolute tables hold {n} cases; they should cover every form"
    );
}
