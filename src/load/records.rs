//! The dataset's records read with the `Reader`: the top level, the plan, the method, the SME
//! tables, sectors, regions, markets, programmes with their criteria and entry routes, and the
//! checks between them (every reference names a listed id, every sector has its row). The walk
//! follows the schema, not the input, so its depth is fixed.

use serde_json::Value;

use super::reader::{Bound, IdSet, JsonObject, Reader};
use super::{Fix, ProblemKind, SCHEMA};
use crate::dataset::{
    ActualExports, ApplicationWindow, Dataset, EntryRoute, EntryStep, ExchangeRate, Fee, Figure, Fta, GoodsTrade,
    LabelledFigure, Market, MethodParams, MonthRange, Plan, PlanMeasure, Program, ReadinessWeights, Region, Sector,
    SectorFigure, SmeRow, SmeRules, SmeTable, YearRate,
};
use crate::dataset::{Criterion, FtaStatus, ProgramStatus, Representative, StepKind};
use crate::vocab::{Question, SmeSize};

fn empty_figure() -> Figure {
    Figure {
        value: 0.0,
        unit: String::new(),
        source: String::new(),
        year: None,
        assumption: false,
        note: None,
    }
}

impl Reader {
    /// Every figure goes through here.
    pub(super) fn figure(&mut self, o: &JsonObject, b: Bound) -> Figure {
        let value = self.required(o, "value", 0.0, |r, v| r.number(v, b));
        let unit = self.string_field(o, "unit");
        let source = self.optional(o, "source", Self::string).unwrap_or_default();
        let year = self.optional(o, "year", Self::year);
        let assumption = self.optional(o, "assumption", Self::boolean).unwrap_or(false);
        let note = self.optional(o, "note", Self::text);
        if source.trim().is_empty() && !assumption {
            self.problem_at(
                "source",
                ProblemKind::Unsourced,
                &["the figure has no source and is not marked as an assumption"],
                Fix::of(ProblemKind::Unsourced),
            );
        }
        Figure {
            value,
            unit,
            source,
            year,
            assumption,
            note,
        }
    }

    pub(super) fn figure_field(&mut self, o: &JsonObject, key: &str, b: Bound) -> Figure {
        self.required(o, key, empty_figure(), |r, v| match r.object(v) {
            Some(o) => r.figure(o, b),
            None => empty_figure(),
        })
    }

    /// Reports an empty reference, or an id that is not in `ids` (unless `ids` is empty: its list
    /// is already reported).
    pub(super) fn known_id(&mut self, id: &str, ids: &IdSet, kind: ProblemKind) {
        if id.is_empty() {
            self.problem(ProblemKind::Empty, &["must name an id; it is empty"]);
        } else if !ids.is_empty() && !ids.contains(id) {
            let list = match kind {
                ProblemKind::UnknownSector => "sectors",
                ProblemKind::UnknownRegion => "regions",
                _ => "markets",
            };
            self.problem(kind, &["\"", id, "\" is not an id listed in $.", list]);
        }
    }

    /// A "sector" field naming a known sector, once per list.
    pub(super) fn sector_field(&mut self, o: &JsonObject, sectors: &IdSet, seen: &mut IdSet) -> String {
        self.required(o, "sector", String::new(), |r, v| {
            let s = r.string(v);
            r.known_id(&s, sectors, ProblemKind::UnknownSector);
            r.unique(&s, seen);
            s
        })
    }

    /// Reports each sector missing from the list `key` (if that list is there at all).
    pub(super) fn every_sector_in(&mut self, o: &JsonObject, key: &str, sectors: &IdSet, seen: &IdSet) {
        if matches!(o.get(key), Some(Value::Array(_))) {
            for id in sectors.iter().filter(|id| !seen.contains(id)) {
                self.problem_at(
                    key,
                    ProblemKind::Incomplete,
                    &["has no entry for sector \"", id, "\""],
                    Fix::of(ProblemKind::Incomplete),
                );
            }
        }
    }

    /// A market's per-sector figures (demand or growth): one per known sector.
    pub(super) fn sector_figures(&mut self, o: &JsonObject, key: &str, b: Bound, sectors: &IdSet) -> Vec<SectorFigure> {
        self.sector_figures_except(o, key, b, sectors, &IdSet::new())
    }

    /// `sector_figs` where the sectors in `optional` may have no entry.
    pub(super) fn sector_figures_except(
        &mut self,
        o: &JsonObject,
        key: &str,
        b: Bound,
        sectors: &IdSet,
        optional: &IdSet,
    ) -> Vec<SectorFigure> {
        let mut seen = IdSet::new();
        let list = self.list(o, key, false, |r, v| {
            let o = r.object(v)?;
            Some(SectorFigure {
                sector: r.sector_field(o, sectors, &mut seen),
                figure: r.figure(o, b),
            })
        });
        for id in optional.iter() {
            seen.insert(id);
        }
        self.every_sector_in(o, key, sectors, &seen);
        list
    }

    pub(super) fn any_of_ids(&mut self, o: &JsonObject, ids: &IdSet, kind: ProblemKind) -> Vec<String> {
        self.list(o, "anyOf", true, |r, v| {
            let s = r.string(v);
            r.known_id(&s, ids, kind);
            Some(s)
        })
    }

    pub(super) fn amount_krw(&mut self, v: &Value) -> f64 {
        self.number(v, Bound::NonNegative)
    }

    /// One criterion of a program's rule; `refs` are the sector, region and market ids.
    pub(super) fn criterion(&mut self, v: &Value, refs: [&IdSet; 3]) -> Option<Criterion> {
        let o = self.object(v)?;
        let kind = self.required(o, "kind", None, Self::str_value)?;
        let [sectors, regions, markets] = refs;
        Some(match kind {
            "sector" => Criterion::Sector {
                any_of: self.any_of_ids(o, sectors, ProblemKind::UnknownSector),
            },
            "region" => Criterion::Region {
                any_of: self.any_of_ids(o, regions, ProblemKind::UnknownRegion),
            },
            "market" => Criterion::Market {
                any_of: self.any_of_ids(o, markets, ProblemKind::UnknownMarket),
            },
            "size" => Criterion::Size {
                any_of: self.list(o, "anyOf", true, |r, v| r.choice(v, &SmeSize::ALL)),
            },
            "readiness" => {
                let question = self.required(o, "question", None, |r, v| r.choice(v, &Question::ALL));
                let expect = self.required(o, "expect", false, Self::boolean);
                Criterion::Readiness {
                    question: question?,
                    expect,
                }
            }
            "currentExports" => {
                let min_krw = self.optional(o, "minKrw", Self::amount_krw);
                let max_krw = self.optional(o, "maxKrw", Self::amount_krw);
                if let (Some(a), Some(b)) = (min_krw, max_krw) {
                    if a > b {
                        self.problem_at(
                            "minKrw",
                            ProblemKind::Range,
                            &["must not be above maxKrw"],
                            Fix::SwapMinMax,
                        );
                    }
                }
                Criterion::CurrentExports { min_krw, max_krw }
            }
            "ftaInForce" => Criterion::FtaInForce,
            "confirm" => Criterion::Confirm {
                text: self.text_field(o, "text"),
            },
            _ => {
                self.problem_at(
                    "kind",
                    ProblemKind::UnknownKind,
                    &[
                        "\"",
                        kind,
                        "\" is not a criterion kind (sector, region, market, size, readiness, currentExports, ftaInForce, confirm)",
                    ],
                    Fix::of(ProblemKind::UnknownKind),
                );
                return None;
            }
        })
    }

    pub(super) fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let o = self.object(v)?;
        let schema = self.required(o, "schema", None, |r, v| {
            let s = r.str_value(v)?;
            if s != SCHEMA {
                r.problem(
                    ProblemKind::Schema,
                    &["\"", s, "\" is not the supported schema \"", SCHEMA, "\""],
                );
            }
            Some(s.to_owned())
        });
        let version = self.string_field(o, "version");
        let figures_as_of = self.required(o, "figuresAsOf", String::new(), Self::date);
        let title = self.text_field(o, "title");
        let price_year = self.required(o, "priceYear", 0, Self::year);
        let projection_years = self.required(o, "projectionYears", 0, |r, v| {
            let n = r.number(v, Bound::NonNegative);
            if n.fract() != 0.0 {
                r.problem(ProblemKind::Type, &["expected a whole number of years"]);
            } else if !(1.0..=30.0).contains(&n) {
                r.problem_with_fix(ProblemKind::Range, &["must be between 1 and 30 years"], Fix::Range);
            }
            n.clamp(0.0, 30.0) as i32
        });
        let exchange_rates = self.exchange_rates(o, price_year);
        let plan = self.required_object(o, "plan", Self::plan);
        let method = self.required_object(o, "method", Self::method).flatten();

        let mut sector_ids = IdSet::new();
        let sectors = self.list(o, "sectors", true, |r, v| {
            let o = r.object(v)?;
            Some(Sector {
                id: r.id_field(o, &mut sector_ids),
                ksic: r.string_field(o, "ksic"),
                name: r.text_field(o, "name"),
                korea_world_share: r.figure_field(o, "koreaWorldShare", Bound::Share),
                korea_output_krw: r.figure_field(o, "koreaOutputKrw", Bound::Positive),
                korea_exports_krw: r.figure_field(o, "koreaExportsKrw", Bound::NonNegative),
                korea_exports_usd: r.figure_field(o, "koreaExportsUsd", Bound::Positive),
                demand_from_health_spending: r.optional(o, "demandFromHealthSpending", |r, v| {
                    r.object(v).map_or_else(empty_figure, |o| r.figure(o, Bound::Share))
                }),
            })
        });
        let korea_world_goods_share = self.optional(o, "koreaWorldGoodsShare", |r, v| {
            r.object(v).map_or_else(empty_figure, |o| r.figure(o, Bound::Share))
        });
        // A sector with a demand proxy needs no demand record in every market.
        let mut proxied = IdSet::new();
        for s in sectors.iter().filter(|s| s.demand_from_health_spending.is_some()) {
            proxied.insert(&s.id);
        }
        if let Some(p) = &plan {
            self.scope_sectors(p, &sector_ids);
        }

        let mut region_ids = IdSet::new();
        let regions = self.list(o, "regions", true, |r, v| {
            let o = r.object(v)?;
            Some(Region {
                id: r.id_field(o, &mut region_ids),
                name: r.text_field(o, "name"),
            })
        });

        let mut market_ids = IdSet::new();
        let markets = self.list(o, "markets", true, |r, v| {
            let o = r.object(v)?;
            let id = r.id_field(o, &mut market_ids);
            let region = r.required(o, "region", String::new(), |r, v| {
                let s = r.string(v);
                r.known_id(&s, &region_ids, ProblemKind::UnknownRegion);
                s
            });
            let name = r.text_field(o, "name");
            let distance_km = r.figure_field(o, "distanceKm", Bound::Positive);
            let fta = r.required_object(o, "fta", |r, o| Fta {
                status: r
                    .required(o, "status", None, |r, v| r.choice(v, &FtaStatus::ALL))
                    .unwrap_or(FtaStatus::None),
                name: r.optional(o, "name", Self::text),
                source: r.optional(o, "source", Self::string).unwrap_or_default(),
                date: r.optional(o, "date", Self::string),
            });
            let demand = r.sector_figures_except(o, "demand", Bound::NonNegative, &sector_ids, &proxied);
            let demand_growth = r.sector_figures(o, "demandGrowth", Bound::Growth, &sector_ids);
            let korea_exports = r.korea_exports(o, &sector_ids);
            let health_expenditure_usd = r.optional(o, "healthExpenditureUsd", |r, v| {
                r.object(v)
                    .map_or_else(empty_figure, |o| r.figure(o, Bound::NonNegative))
            });
            let goods_trade = r
                .optional(o, "goodsTrade", |r, v| {
                    let o = r.object(v)?;
                    Some(GoodsTrade {
                        korea_exports_usd: r.figure_field(o, "koreaExportsUsd", Bound::NonNegative),
                        imports_usd: r.figure_field(o, "importsUsd", Bound::Positive),
                    })
                })
                .flatten();
            Some(Market {
                id,
                region,
                name,
                distance_km,
                fta: fta?,
                demand,
                demand_growth,
                korea_exports,
                health_expenditure_usd,
                goods_trade,
            })
        });

        let sme = self.required_object(o, "sme", |r, o| r.sme(o, &sector_ids)).flatten();

        let mut program_ids = IdSet::new();
        let refs = [&sector_ids, &region_ids, &market_ids];
        let programs = self.list(o, "programs", false, |r, v| {
            let o = r.object(v)?;
            Some(Program {
                id: r.id_field(o, &mut program_ids),
                name: r.text_field(o, "name"),
                agency: r.text_field(o, "agency"),
                offers: r.text_field(o, "offers"),
                status: r
                    .required(o, "status", None, |r, v| r.choice(v, &ProgramStatus::ALL))
                    .unwrap_or(ProgramStatus::Unknown),
                status_checked: r.required(o, "statusChecked", String::new(), Self::date),
                status_note: r.optional(o, "statusNote", Self::text),
                next_step: r.optional(o, "nextStep", Self::text),
                dates: r.optional(o, "dates", Self::string),
                source: r.string_field(o, "source"),
                url: r.optional(o, "url", Self::string),
                application_window: r
                    .optional(o, "applicationWindow", |r, v| {
                        let o = r.object(v)?;
                        let opens = r.optional(o, "opens", Self::date);
                        let closes = r.optional(o, "closes", Self::date);
                        if let (Some(a), Some(b)) = (&opens, &closes) {
                            if !a.is_empty() && !b.is_empty() && b < a {
                                r.problem_at("closes", ProblemKind::Range, &["must not be before opens"], Fix::Range);
                            }
                        }
                        Some(ApplicationWindow {
                            opens,
                            closes,
                            detail: r.optional(o, "detail", Self::text),
                        })
                    })
                    .flatten(),
                rule: r.list(o, "rule", false, |r, v| r.criterion(v, refs)),
            })
        });
        let entry_routes = self.entry_routes(o, &market_ids, &sector_ids, &program_ids);

        Some(Dataset {
            schema: schema.unwrap_or_default(),
            version,
            figures_as_of,
            title,
            price_year,
            projection_years,
            exchange_rate: ExchangeRate {
                krw_per_usd: exchange_rates
                    .iter()
                    .find(|r| r.year == price_year)
                    .map(|r| r.krw_per_usd.clone())?,
            },
            exchange_rates,
            plan: plan?,
            method: method?,
            sme: sme?,
            korea_world_goods_share,
            sectors,
            regions,
            markets,
            programs,
            entry_routes,
        })
    }

    /// `$.entryRoutes`: known market, sectors and programmes; one route per market and sector;
    /// a review time of 0..=120 months with min ≤ max; fees and times sourced or assumed.
    pub(super) fn entry_routes(
        &mut self,
        o: &JsonObject,
        markets: &IdSet,
        sectors: &IdSet,
        programs: &IdSet,
    ) -> Vec<EntryRoute> {
        let mut ids = IdSet::new();
        let mut cells = IdSet::new();
        self.optional_list(o, "entryRoutes", |r, v| {
            let o = r.object(v)?;
            let id = r.id_field(o, &mut ids);
            let market = r.required(o, "market", String::new(), |r, v| {
                let s = r.string(v);
                r.known_id(&s, markets, ProblemKind::UnknownMarket);
                s
            });
            let route_sectors = r.list(o, "sectors", true, |r, v| {
                let s = r.string(v);
                r.known_id(&s, sectors, ProblemKind::UnknownSector);
                r.unique(&[market.as_str(), "/", s.as_str()].concat(), &mut cells);
                Some(s)
            });
            let steps = r.list(o, "steps", false, |r, v| {
                let o = r.object(v)?;
                Some(EntryStep {
                    text: r.text_field(o, "text"),
                    kind: r
                        .required(o, "kind", None, |r, v| r.choice(v, &StepKind::ALL))
                        .unwrap_or(StepKind::Application),
                    paid_by: r.optional_list(o, "paidBy", |r, v| {
                        let s = r.string(v);
                        r.known_id(&s, programs, ProblemKind::UnknownProgram);
                        Some(s)
                    }),
                })
            });
            let review_months = r
                .optional(o, "reviewMonths", |r, v| {
                    let o = r.object(v)?;
                    let before = r.problem_count();
                    let min = r.required(o, "min", 0.0, |r, v| r.number(v, Bound::NonNegative));
                    let max = r.required(o, "max", 0.0, |r, v| r.number(v, Bound::NonNegative));
                    if r.problem_count() == before && (min > max || max > 120.0) {
                        r.problem_at(
                            "max",
                            ProblemKind::Range,
                            &["must be at least min and at most 120 months"],
                            Fix::Range,
                        );
                    }
                    let source = r.optional(o, "source", Self::string).unwrap_or_default();
                    let assumption = r.optional(o, "assumption", Self::boolean).unwrap_or(false);
                    if source.trim().is_empty() && !assumption {
                        r.problem_at(
                            "source",
                            ProblemKind::Unsourced,
                            &["the time has no source and is not marked as an assumption"],
                            Fix::of(ProblemKind::Unsourced),
                        );
                    }
                    Some(MonthRange {
                        min,
                        max,
                        source,
                        year: r.optional(o, "year", Self::year),
                        assumption,
                    })
                })
                .flatten();
            Some(EntryRoute {
                id,
                market,
                sectors: route_sectors,
                verified: r.required(o, "verified", false, Self::boolean),
                regulator: r.text_field(o, "regulator"),
                route: r.text_field(o, "route"),
                local_representative: r
                    .required(o, "localRepresentative", None, |r, v| r.choice(v, &Representative::ALL))
                    .unwrap_or(Representative::Unclear),
                steps,
                documents: r.optional_list(o, "documents", |r, v| Some(r.text(v))),
                review_months,
                fees: r.optional_list(o, "fees", |r, v| {
                    let o = r.object(v)?;
                    Some(Fee {
                        label: r.text_field(o, "label"),
                        figure: r.figure(o, Bound::NonNegative),
                    })
                }),
                validity: r.optional(o, "validity", Self::text),
                ask_at: r.text_field(o, "askAt"),
                source: r.string_field(o, "source"),
                checked: r.required(o, "checked", String::new(), Self::date),
            })
        })
    }

    pub(super) fn plan(&mut self, o: &JsonObject) -> Plan {
        let name = self.text_field(o, "name");
        let announced = self.required(o, "announced", String::new(), Self::date);
        let source = self.string_field(o, "source");
        let base_year = self.required(o, "baseYear", 0, Self::year);
        let target_year = self.required(o, "targetYear", 0, Self::year);
        if base_year != 0 && target_year != 0 {
            if target_year <= base_year {
                self.problem_at(
                    "targetYear",
                    ProblemKind::Range,
                    &["must be after baseYear"],
                    Fix::TargetAfterBase,
                );
            } else if target_year > base_year.saturating_add(50) {
                self.problem_at(
                    "targetYear",
                    ProblemKind::Range,
                    &["must be at most 50 years after baseYear"],
                    Fix::TargetWithin50Years,
                );
            }
        }
        Plan {
            name,
            announced,
            source,
            base_year,
            target_year,
            base_exports_krw: self.figure_field(o, "baseExportsKrw", Bound::Positive),
            target_exports_krw: self.figure_field(o, "targetExportsKrw", Bound::Positive),
            implied_krw_per_usd: self.optional(o, "impliedKrwPerUsd", |r, v| match r.object(v) {
                Some(o) => r.figure(o, Bound::Positive),
                None => empty_figure(),
            }),
            scope: self.optional(o, "scope", Self::text),
            // Checked against the sectors once they are read (`scope_sectors`).
            scope_sectors: self.optional_list(o, "scopeSectors", |r, v| Some(r.string(v))),
            reached: self.optional_list(o, "reached", |r, v| {
                let o = r.object(v)?;
                Some(LabelledFigure {
                    label: r.text_field(o, "label"),
                    figure: r.figure(o, Bound::NonNegative),
                })
            }),
            measures: self.optional_list(o, "measures", |r, v| {
                let o = r.object(v)?;
                Some(PlanMeasure {
                    name: r.text_field(o, "name"),
                    status: r
                        .required(o, "status", None, |r, v| r.choice(v, &ProgramStatus::ALL))
                        .unwrap_or(ProgramStatus::Unknown),
                    status_checked: r.required(o, "statusChecked", String::new(), Self::date),
                    summary: r.text_field(o, "summary"),
                    source: r.string_field(o, "source"),
                })
            }),
        }
    }

    /// `$.exchangeRates`: one rate a year, each year once, and one for the price year.
    pub(super) fn exchange_rates(&mut self, o: &JsonObject, price_year: i32) -> Vec<YearRate> {
        let mut years: Vec<i32> = Vec::new();
        let rates = self.list(o, "exchangeRates", true, |r, v| {
            let o = r.object(v)?;
            let year = r.required(o, "year", 0, Self::year);
            if year != 0 && years.contains(&year) {
                r.problem_at(
                    "year",
                    ProblemKind::Duplicate,
                    &["the year is listed more than once"],
                    Fix::Duplicate,
                );
            }
            years.push(year);
            Some(YearRate {
                year,
                krw_per_usd: r.figure_field(o, "krwPerUsd", Bound::Positive),
            })
        });
        if matches!(o.get("exchangeRates"), Some(Value::Array(_))) && price_year != 0 && !years.contains(&price_year) {
            let y = price_year.to_string();
            self.problem_at(
                "exchangeRates",
                ProblemKind::Incomplete,
                &["has no rate for the price year ", &y],
                Fix::RateForPriceYear,
            );
        }
        rates
    }

    /// `$.plan.scopeSectors[i]`: each a known sector.
    pub(super) fn scope_sectors(&mut self, plan: &Plan, sectors: &IdSet) {
        let plan_mark = self.enter_key("plan");
        let list_mark = self.enter_key("scopeSectors");
        for (i, id) in plan.scope_sectors.iter().enumerate() {
            let item_mark = self.enter_index(i);
            self.known_id(id, sectors, ProblemKind::UnknownSector);
            self.leave(item_mark);
        }
        self.leave(list_mark);
        self.leave(plan_mark);
    }

    /// `$.markets[i].koreaExports`: Korea's actual exports to the market, each record naming
    /// known sectors; one record per single sector.
    pub(super) fn korea_exports(&mut self, o: &JsonObject, sectors: &IdSet) -> Vec<ActualExports> {
        let mut single = IdSet::new();
        self.optional_list(o, "koreaExports", |r, v| {
            let o = r.object(v)?;
            let names = r.list(o, "sectors", true, |r, v| {
                let s = r.string(v);
                r.known_id(&s, sectors, ProblemKind::UnknownSector);
                Some(s)
            });
            if let [one] = names.as_slice() {
                let mark = r.enter_key("sectors");
                r.unique(one, &mut single);
                r.leave(mark);
            }
            Some(ActualExports {
                sectors: names,
                figure: r.figure(o, Bound::NonNegative),
            })
        })
    }

    pub(super) fn method(&mut self, o: &JsonObject) -> Option<MethodParams> {
        let max_figure_age_years = self.optional(o, "maxFigureAgeYears", |r, v| {
            r.object(v)
                .map_or_else(empty_figure, |o| r.figure(o, Bound::NonNegative))
        });
        let distance_elasticity = self.figure_field(o, "distanceElasticity", Bound::Positive);
        let fta_in_force_effect = self.figure_field(o, "ftaInForceEffect", Bound::Positive);
        let before = self.problem_count();
        let readiness_min_multiplier = self.figure_field(o, "readinessMinMultiplier", Bound::NonNegative);
        let readiness_max_multiplier = self.figure_field(o, "readinessMaxMultiplier", Bound::NonNegative);
        if self.problem_count() == before && readiness_min_multiplier.value > readiness_max_multiplier.value {
            self.problem_at(
                "readinessMinMultiplier",
                ProblemKind::Range,
                &["must not be above readinessMaxMultiplier"],
                Fix::MinMultiplierAboveMax,
            );
        }
        let model_uncertainty = self.figure_field(o, "modelUncertainty", Bound::Share);
        let readiness_weights = self.required_object(o, "readinessWeights", |r, o| {
            let before = r.problem_count();
            let w = ReadinessWeights {
                certification: r.figure_field(o, "certification", Bound::Share),
                local_partner: r.figure_field(o, "localPartner", Bound::Share),
                export_experience: r.figure_field(o, "exportExperience", Bound::Share),
                local_language: r.figure_field(o, "localLanguage", Bound::Share),
            };
            let sum =
                w.certification.value + w.local_partner.value + w.export_experience.value + w.local_language.value;
            if r.problem_count() == before && (sum - 1.0).abs() > 1e-6 {
                let s = crate::amount::format_number(sum, 6);
                r.problem_with_fix(
                    ProblemKind::Range,
                    &["the four weights sum to ", &s, "; they must sum to 1"],
                    Fix::WeightsSum,
                );
            }
            w
        });
        Some(MethodParams {
            distance_elasticity,
            fta_in_force_effect,
            readiness_min_multiplier,
            readiness_max_multiplier,
            model_uncertainty,
            readiness_weights: readiness_weights?,
            max_figure_age_years,
        })
    }

    pub(super) fn sme(&mut self, o: &JsonObject, sectors: &IdSet) -> Option<SmeRules> {
        let mut ids = IdSet::new();
        let mut days = IdSet::new();
        let tables = self.list(o, "tables", true, |r, v| {
            let o = r.object(v)?;
            Some(r.sme_table(o, sectors, &mut ids, &mut days))
        });
        let asset_cap_krw = self.figure_field(o, "assetCapKrw", Bound::Positive);
        let grace_period_years = self.figure_field(o, "gracePeriodYears", Bound::Positive);
        let confirm_at = self.string_field(o, "confirmAt");
        Some(SmeRules {
            tables,
            asset_cap_krw,
            grace_period_years,
            confirm_at,
        })
    }

    /// One table: its own id and effective date, a row per sector.
    pub(super) fn sme_table(&mut self, o: &JsonObject, sectors: &IdSet, ids: &mut IdSet, days: &mut IdSet) -> SmeTable {
        let id = self.id_field(o, ids);
        let name = self.text_field(o, "name");
        let effective = self.required(o, "effective", String::new(), |r, v| {
            let d = r.date(v);
            r.unique(&d, days);
            d
        });
        let source = self.string_field(o, "source");
        let mut seen = IdSet::new();
        let rows = self.list(o, "rows", false, |r, v| {
            let o = r.object(v)?;
            Some(r.sme_row(o, sectors, &mut seen))
        });
        self.every_sector_in(o, "rows", sectors, &seen);
        SmeTable {
            id,
            name,
            effective,
            source,
            rows,
        }
    }

    /// One row: small at most medium.
    pub(super) fn sme_row(&mut self, o: &JsonObject, sectors: &IdSet, seen: &mut IdSet) -> SmeRow {
        let sector = self.sector_field(o, sectors, seen);
        let before = self.problem_count();
        let small_max_krw = self.figure_field(o, "smallMaxKrw", Bound::NonNegative);
        let medium_max_krw = self.figure_field(o, "mediumMaxKrw", Bound::NonNegative);
        if self.problem_count() == before && small_max_krw.value > medium_max_krw.value {
            self.problem_at(
                "smallMaxKrw",
                ProblemKind::Range,
                &["must not be above mediumMaxKrw"],
                Fix::SmallAboveMedium,
            );
        }
        SmeRow {
            sector,
            small_max_krw,
            medium_max_krw,
        }
    }
}
