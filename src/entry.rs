//! The way into a market: which registration or licensing route applies to the firm's sector, what
//! is left to do, and when the firm can first sell there. Decided here, worded by `words::entry`.
//!
//! The route is a dataset record (`EntryRoute`, rules as data). A firm that says it is registered
//! in the market sells from the projection's first year; one that is not (or has not said) sells
//! only once the route's review time has passed, counted from the case's day: the earliest first
//! sale is that day plus the shortest review, the latest plus the longest. The projection then
//! counts, for each year, the part of the year left after the first sale: the base at the middle
//! of the range, the low end at its latest, the high end at its earliest (and, for a firm that has
//! not said, as if registered). Preparation (ISO 13485, a representative, documents) is not
//! counted: the sources give the review time only.

use crate::dataset::Dataset;
use crate::model::{EntryAssessment, Input, Question};

/// A day as a fractional year: 2026-12-04 is about 2026.92. `None` for a malformed date.
pub fn fractional_year(iso: &str) -> Option<f64> {
    let mut parts = iso.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(f64::from(year) + (f64::from(month) - 1.0) / 12.0 + (f64::from(day) - 1.0) / 365.0)
}

/// The part of year `year` in which a firm that can first sell at `start` (a fractional year)
/// sells: 0 before, 1 after, the rest of the year in between.
pub fn share_of_year(year: i32, start: f64) -> f64 {
    (f64::from(year) + 1.0 - start).clamp(0.0, 1.0)
}

/// The entry outcome of a case: the route, what the firm said, the months left and the first
/// sale's earliest and latest moment.
pub fn assess(input: &Input, ds: &Dataset) -> EntryAssessment {
    assess_in(input, ds, &input.market)
}

/// `assess` for the same firm in another market (the ranking shows each market's first sale).
pub fn assess_in(input: &Input, ds: &Dataset, market: &str) -> EntryAssessment {
    let route_index = ds
        .entry_routes
        .iter()
        .position(|r| r.market == market && r.sectors.contains(&input.sector));
    let registered = input.readiness.answer(Question::Certification);
    let months = route_index
        .and_then(|i| ds.entry_routes.get(i))
        .and_then(|r| r.review_months.as_ref())
        .map(|m| (m.min.max(0.0), m.max.max(m.min).max(0.0)));
    let today = fractional_year(crate::sme::today(input, ds));
    // The moment the firm can first sell, in fractional years: (earliest, latest); none when
    // registered or when the time is not known.
    let start = match (registered, months, today) {
        (Some(true), _, _) => None,
        (_, Some((min, max)), Some(t)) => Some((t + min / 12.0, t + max / 12.0)),
        _ => None,
    };
    EntryAssessment {
        route: route_index,
        registered,
        months_min: months.map(|m| m.0),
        months_max: months.map(|m| m.1),
        first_sale_earliest: start.map(|s| s.0),
        first_sale_latest: start.map(|s| s.1),
    }
}

/// The year of the first sale at the base: the middle of the range for a firm not registered,
/// the projection's first year for a registered one; `None` without a route or its time.
pub fn first_sale_year(e: &EntryAssessment, price_year: i32) -> Option<i32> {
    e.route?;
    match (e.first_sale_earliest, e.first_sale_latest, e.registered) {
        (Some(a), Some(b), _) => Some(((a + b) / 2.0).floor() as i32),
        (_, _, Some(true)) => Some(price_year),
        _ => None,
    }
}

/// The part of each projection year the firm sells in, for the low, base and high ends
/// (see the module's doc): (low, base, high), each 0..=1.
pub fn year_shares(e: &EntryAssessment, year: i32) -> (f64, f64, f64) {
    match (e.first_sale_earliest, e.first_sale_latest) {
        (Some(early), Some(late)) => {
            let high = if e.registered.is_none() {
                1.0
            } else {
                share_of_year(year, early)
            };
            (
                share_of_year(year, late),
                share_of_year(year, (early + late) / 2.0),
                high,
            )
        }
        _ => (1.0, 1.0, 1.0),
    }
}
