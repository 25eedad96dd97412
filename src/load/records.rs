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
    pub(super) fn figure(&mut self, object: &JsonObject, bound: Bound) -> Figure {
        let value = self.required(object, "value", 0.0, |reader, value| reader.number(value, bound));
        let unit = self.string_field(object, "unit");
        let source = self.optional(object, "source", Self::string).unwrap_or_default();
        let year = self.optional(object, "year", Self::year);
        let assumption = self.optional(object, "assumption", Self::boolean).unwrap_or(false);
        let note = self.optional(object, "note", Self::text);
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

    pub(super) fn figure_field(&mut self, object: &JsonObject, key: &str, bound: Bound) -> Figure {
        self.required(object, key, empty_figure(), |reader, value| {
            match reader.object(value) {
                Some(object) => reader.figure(object, bound),
                None => empty_figure(),
            }
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
    pub(super) fn sector_field(&mut self, object: &JsonObject, sectors: &IdSet, seen: &mut IdSet) -> String {
        self.required(object, "sector", String::new(), |reader, value| {
            let sector = reader.string(value);
            reader.known_id(&sector, sectors, ProblemKind::UnknownSector);
            reader.unique(&sector, seen);
            sector
        })
    }

    /// Reports each sector missing from the list `key` (if that list is there at all).
    pub(super) fn every_sector_in(&mut self, object: &JsonObject, key: &str, sectors: &IdSet, seen: &IdSet) {
        if matches!(object.get(key), Some(Value::Array(_))) {
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
    pub(super) fn sector_figures(
        &mut self,
        object: &JsonObject,
        key: &str,
        bound: Bound,
        sectors: &IdSet,
    ) -> Vec<SectorFigure> {
        self.sector_figures_except(object, key, bound, sectors, &IdSet::new())
    }

    /// `sector_figures` where the sectors in `optional` may have no entry.
    pub(super) fn sector_figures_except(
        &mut self,
        object: &JsonObject,
        key: &str,
        bound: Bound,
        sectors: &IdSet,
        optional: &IdSet,
    ) -> Vec<SectorFigure> {
        let mut seen = IdSet::new();
        let list = self.list(object, key, false, |reader, value| {
            let object = reader.object(value)?;
            Some(SectorFigure {
                sector: reader.sector_field(object, sectors, &mut seen),
                figure: reader.figure(object, bound),
            })
        });
        for id in optional.iter() {
            seen.insert(id);
        }
        self.every_sector_in(object, key, sectors, &seen);
        list
    }

    pub(super) fn any_of_ids(&mut self, object: &JsonObject, ids: &IdSet, kind: ProblemKind) -> Vec<String> {
        self.list(object, "anyOf", true, |reader, value| {
            let id = reader.string(value);
            reader.known_id(&id, ids, kind);
            Some(id)
        })
    }

    pub(super) fn amount_krw(&mut self, value: &Value) -> f64 {
        self.number(value, Bound::NonNegative)
    }

    /// One criterion of a program's rule; `refs` are the sector, region and market ids.
    pub(super) fn criterion(&mut self, value: &Value, refs: [&IdSet; 3]) -> Option<Criterion> {
        let object = self.object(value)?;
        let kind = self.required(object, "kind", None, Self::str_value)?;
        let [sectors, regions, markets] = refs;
        Some(match kind {
            "sector" => Criterion::Sector {
                any_of: self.any_of_ids(object, sectors, ProblemKind::UnknownSector),
            },
            "region" => Criterion::Region {
                any_of: self.any_of_ids(object, regions, ProblemKind::UnknownRegion),
            },
            "market" => Criterion::Market {
                any_of: self.any_of_ids(object, markets, ProblemKind::UnknownMarket),
            },
            "size" => Criterion::Size {
                any_of: self.list(object, "anyOf", true, |reader, value| {
                    reader.choice(value, &SmeSize::ALL)
                }),
            },
            "readiness" => {
                let question = self.required(object, "question", None, |reader, value| {
                    reader.choice(value, &Question::ALL)
                });
                let expect = self.required(object, "expect", false, Self::boolean);
                Criterion::Readiness {
                    question: question?,
                    expect,
                }
            }
            "currentExports" => {
                let min_krw = self.optional(object, "minKrw", Self::amount_krw);
                let max_krw = self.optional(object, "maxKrw", Self::amount_krw);
                if let (Some(min), Some(max)) = (min_krw, max_krw) {
                    if min > max {
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
                text: self.text_field(object, "text"),
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

    pub(super) fn dataset(&mut self, value: &Value) -> Option<Dataset> {
        let object = self.object(value)?;
        let schema = self.required(object, "schema", None, |reader, value| {
            let tag = reader.str_value(value)?;
            if tag != SCHEMA {
                reader.problem(
                    ProblemKind::Schema,
                    &["\"", tag, "\" is not the supported schema \"", SCHEMA, "\""],
                );
            }
            Some(tag.to_owned())
        });
        let version = self.string_field(object, "version");
        let figures_as_of = self.required(object, "figuresAsOf", String::new(), Self::date);
        let title = self.text_field(object, "title");
        let price_year = self.required(object, "priceYear", 0, Self::year);
        let projection_years = self.required(object, "projectionYears", 0, |reader, value| {
            let years = reader.number(value, Bound::NonNegative);
            if years.fract() != 0.0 {
                reader.problem(ProblemKind::Type, &["expected a whole number of years"]);
            } else if !(1.0..=30.0).contains(&years) {
                reader.problem_with_fix(ProblemKind::Range, &["must be between 1 and 30 years"], Fix::Range);
            }
            years.clamp(0.0, 30.0) as i32
        });
        let exchange_rates = self.exchange_rates(object, price_year);
        let plan = self.required_object(object, "plan", Self::plan);
        let method = self.required_object(object, "method", Self::method).flatten();

        let mut sector_ids = IdSet::new();
        let sectors = self.list(object, "sectors", true, |reader, value| {
            let object = reader.object(value)?;
            Some(Sector {
                id: reader.id_field(object, &mut sector_ids),
                ksic: reader.string_field(object, "ksic"),
                name: reader.text_field(object, "name"),
                korea_world_share: reader.figure_field(object, "koreaWorldShare", Bound::Share),
                korea_output_krw: reader.figure_field(object, "koreaOutputKrw", Bound::Positive),
                korea_exports_krw: reader.figure_field(object, "koreaExportsKrw", Bound::NonNegative),
                korea_exports_usd: reader.figure_field(object, "koreaExportsUsd", Bound::Positive),
                demand_from_health_spending: reader.optional(object, "demandFromHealthSpending", |reader, value| {
                    reader
                        .object(value)
                        .map_or_else(empty_figure, |object| reader.figure(object, Bound::Share))
                }),
            })
        });
        let korea_world_goods_share = self.optional(object, "koreaWorldGoodsShare", |reader, value| {
            reader
                .object(value)
                .map_or_else(empty_figure, |object| reader.figure(object, Bound::Share))
        });
        // A sector with a demand proxy needs no demand record in every market.
        let mut proxied = IdSet::new();
        for sector in sectors
            .iter()
            .filter(|sector| sector.demand_from_health_spending.is_some())
        {
            proxied.insert(&sector.id);
        }
        if let Some(plan) = &plan {
            self.scope_sectors(plan, &sector_ids);
        }

        let mut region_ids = IdSet::new();
        let regions = self.list(object, "regions", true, |reader, value| {
            let object = reader.object(value)?;
            Some(Region {
                id: reader.id_field(object, &mut region_ids),
                name: reader.text_field(object, "name"),
            })
        });

        let mut market_ids = IdSet::new();
        let markets = self.list(object, "markets", true, |reader, value| {
            let object = reader.object(value)?;
            let id = reader.id_field(object, &mut market_ids);
            let region = reader.required(object, "region", String::new(), |reader, value| {
                let region = reader.string(value);
                reader.known_id(&region, &region_ids, ProblemKind::UnknownRegion);
                region
            });
            let name = reader.text_field(object, "name");
            let distance_km = reader.figure_field(object, "distanceKm", Bound::Positive);
            let fta = reader.required_object(object, "fta", |reader, object| Fta {
                status: reader
                    .required(object, "status", None, |reader, value| {
                        reader.choice(value, &FtaStatus::ALL)
                    })
                    .unwrap_or(FtaStatus::None),
                name: reader.optional(object, "name", Self::text),
                source: reader.optional(object, "source", Self::string).unwrap_or_default(),
                date: reader.optional(object, "date", Self::string),
            });
            let demand = reader.sector_figures_except(object, "demand", Bound::NonNegative, &sector_ids, &proxied);
            let demand_growth = reader.sector_figures(object, "demandGrowth", Bound::Growth, &sector_ids);
            let korea_exports = reader.korea_exports(object, &sector_ids);
            let health_expenditure_usd = reader.optional(object, "healthExpenditureUsd", |reader, value| {
                reader
                    .object(value)
                    .map_or_else(empty_figure, |object| reader.figure(object, Bound::NonNegative))
            });
            let goods_trade = reader
                .optional(object, "goodsTrade", |reader, value| {
                    let object = reader.object(value)?;
                    Some(GoodsTrade {
                        korea_exports_usd: reader.figure_field(object, "koreaExportsUsd", Bound::NonNegative),
                        imports_usd: reader.figure_field(object, "importsUsd", Bound::Positive),
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

        let sme = self
            .required_object(object, "sme", |reader, object| reader.sme(object, &sector_ids))
            .flatten();

        let mut program_ids = IdSet::new();
        let refs = [&sector_ids, &region_ids, &market_ids];
        let programs = self.list(object, "programs", false, |reader, value| {
            let object = reader.object(value)?;
            Some(Program {
                id: reader.id_field(object, &mut program_ids),
                name: reader.text_field(object, "name"),
                agency: reader.text_field(object, "agency"),
                offers: reader.text_field(object, "offers"),
                status: reader
                    .required(object, "status", None, |reader, value| {
                        reader.choice(value, &ProgramStatus::ALL)
                    })
                    .unwrap_or(ProgramStatus::Unknown),
                status_checked: reader.required(object, "statusChecked", String::new(), Self::date),
                status_note: reader.optional(object, "statusNote", Self::text),
                next_step: reader.optional(object, "nextStep", Self::text),
                dates: reader.optional(object, "dates", Self::string),
                source: reader.string_field(object, "source"),
                url: reader.optional(object, "url", Self::string),
                application_window: reader
                    .optional(object, "applicationWindow", |reader, value| {
                        let object = reader.object(value)?;
                        let opens = reader.optional(object, "opens", Self::date);
                        let closes = reader.optional(object, "closes", Self::date);
                        if let (Some(opens), Some(closes)) = (&opens, &closes) {
                            if !opens.is_empty() && !closes.is_empty() && closes < opens {
                                reader.problem_at(
                                    "closes",
                                    ProblemKind::Range,
                                    &["must not be before opens"],
                                    Fix::Range,
                                );
                            }
                        }
                        Some(ApplicationWindow {
                            opens,
                            closes,
                            detail: reader.optional(object, "detail", Self::text),
                        })
                    })
                    .flatten(),
                rule: reader.list(object, "rule", false, |reader, value| reader.criterion(value, refs)),
            })
        });
        let entry_routes = self.entry_routes(object, &market_ids, &sector_ids, &program_ids);

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
                    .find(|reader| reader.year == price_year)
                    .map(|reader| reader.krw_per_usd.clone())?,
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
        object: &JsonObject,
        markets: &IdSet,
        sectors: &IdSet,
        programs: &IdSet,
    ) -> Vec<EntryRoute> {
        let mut ids = IdSet::new();
        let mut cells = IdSet::new();
        self.optional_list(object, "entryRoutes", |reader, value| {
            let object = reader.object(value)?;
            let id = reader.id_field(object, &mut ids);
            let market = reader.required(object, "market", String::new(), |reader, value| {
                let market = reader.string(value);
                reader.known_id(&market, markets, ProblemKind::UnknownMarket);
                market
            });
            let route_sectors = reader.list(object, "sectors", true, |reader, value| {
                let sector = reader.string(value);
                reader.known_id(&sector, sectors, ProblemKind::UnknownSector);
                reader.unique(&[market.as_str(), "/", sector.as_str()].concat(), &mut cells);
                Some(sector)
            });
            let steps = reader.list(object, "steps", false, |reader, value| {
                let object = reader.object(value)?;
                Some(EntryStep {
                    text: reader.text_field(object, "text"),
                    kind: reader
                        .required(object, "kind", None, |reader, value| {
                            reader.choice(value, &StepKind::ALL)
                        })
                        .unwrap_or(StepKind::Application),
                    paid_by: reader.optional_list(object, "paidBy", |reader, value| {
                        let program = reader.string(value);
                        reader.known_id(&program, programs, ProblemKind::UnknownProgram);
                        Some(program)
                    }),
                })
            });
            let review_months = reader
                .optional(object, "reviewMonths", |reader, value| {
                    let object = reader.object(value)?;
                    let before = reader.problem_count();
                    let min = reader.required(object, "min", 0.0, |reader, value| {
                        reader.number(value, Bound::NonNegative)
                    });
                    let max = reader.required(object, "max", 0.0, |reader, value| {
                        reader.number(value, Bound::NonNegative)
                    });
                    if reader.problem_count() == before && (min > max || max > 120.0) {
                        reader.problem_at(
                            "max",
                            ProblemKind::Range,
                            &["must be at least min and at most 120 months"],
                            Fix::Range,
                        );
                    }
                    let source = reader.optional(object, "source", Self::string).unwrap_or_default();
                    let assumption = reader.optional(object, "assumption", Self::boolean).unwrap_or(false);
                    if source.trim().is_empty() && !assumption {
                        reader.problem_at(
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
                        year: reader.optional(object, "year", Self::year),
                        assumption,
                    })
                })
                .flatten();
            Some(EntryRoute {
                id,
                market,
                sectors: route_sectors,
                verified: reader.required(object, "verified", false, Self::boolean),
                regulator: reader.text_field(object, "regulator"),
                route: reader.text_field(object, "route"),
                local_representative: reader
                    .required(object, "localRepresentative", None, |reader, value| {
                        reader.choice(value, &Representative::ALL)
                    })
                    .unwrap_or(Representative::Unclear),
                steps,
                documents: reader.optional_list(object, "documents", |reader, value| Some(reader.text(value))),
                review_months,
                fees: reader.optional_list(object, "fees", |reader, value| {
                    let object = reader.object(value)?;
                    Some(Fee {
                        label: reader.text_field(object, "label"),
                        figure: reader.figure(object, Bound::NonNegative),
                    })
                }),
                validity: reader.optional(object, "validity", Self::text),
                ask_at: reader.text_field(object, "askAt"),
                source: reader.string_field(object, "source"),
                checked: reader.required(object, "checked", String::new(), Self::date),
            })
        })
    }

    pub(super) fn plan(&mut self, object: &JsonObject) -> Plan {
        let name = self.text_field(object, "name");
        let announced = self.required(object, "announced", String::new(), Self::date);
        let source = self.string_field(object, "source");
        let base_year = self.required(object, "baseYear", 0, Self::year);
        let target_year = self.required(object, "targetYear", 0, Self::year);
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
            base_exports_krw: self.figure_field(object, "baseExportsKrw", Bound::Positive),
            target_exports_krw: self.figure_field(object, "targetExportsKrw", Bound::Positive),
            implied_krw_per_usd: self.optional(object, "impliedKrwPerUsd", |reader, value| {
                match reader.object(value) {
                    Some(object) => reader.figure(object, Bound::Positive),
                    None => empty_figure(),
                }
            }),
            scope: self.optional(object, "scope", Self::text),
            // Checked against the sectors once they are read (`scope_sectors`).
            scope_sectors: self.optional_list(object, "scopeSectors", |reader, value| Some(reader.string(value))),
            reached: self.optional_list(object, "reached", |reader, value| {
                let object = reader.object(value)?;
                Some(LabelledFigure {
                    label: reader.text_field(object, "label"),
                    figure: reader.figure(object, Bound::NonNegative),
                })
            }),
            measures: self.optional_list(object, "measures", |reader, value| {
                let object = reader.object(value)?;
                Some(PlanMeasure {
                    name: reader.text_field(object, "name"),
                    status: reader
                        .required(object, "status", None, |reader, value| {
                            reader.choice(value, &ProgramStatus::ALL)
                        })
                        .unwrap_or(ProgramStatus::Unknown),
                    status_checked: reader.required(object, "statusChecked", String::new(), Self::date),
                    summary: reader.text_field(object, "summary"),
                    source: reader.string_field(object, "source"),
                })
            }),
        }
    }

    /// `$.exchangeRates`: one rate a year, each year once, and one for the price year.
    pub(super) fn exchange_rates(&mut self, object: &JsonObject, price_year: i32) -> Vec<YearRate> {
        let mut years: Vec<i32> = Vec::new();
        let rates = self.list(object, "exchangeRates", true, |reader, value| {
            let object = reader.object(value)?;
            let year = reader.required(object, "year", 0, Self::year);
            if year != 0 && years.contains(&year) {
                reader.problem_at(
                    "year",
                    ProblemKind::Duplicate,
                    &["the year is listed more than once"],
                    Fix::Duplicate,
                );
            }
            years.push(year);
            Some(YearRate {
                year,
                krw_per_usd: reader.figure_field(object, "krwPerUsd", Bound::Positive),
            })
        });
        if matches!(object.get("exchangeRates"), Some(Value::Array(_)))
            && price_year != 0
            && !years.contains(&price_year)
        {
            let year = price_year.to_string();
            self.problem_at(
                "exchangeRates",
                ProblemKind::Incomplete,
                &["has no rate for the price year ", &year],
                Fix::RateForPriceYear,
            );
        }
        rates
    }

    /// `$.plan.scopeSectors[i]`: each a known sector.
    pub(super) fn scope_sectors(&mut self, plan: &Plan, sectors: &IdSet) {
        let plan_mark = self.enter_key("plan");
        let list_mark = self.enter_key("scopeSectors");
        for (index, id) in plan.scope_sectors.iter().enumerate() {
            let item_mark = self.enter_index(index);
            self.known_id(id, sectors, ProblemKind::UnknownSector);
            self.leave(item_mark);
        }
        self.leave(list_mark);
        self.leave(plan_mark);
    }

    /// `$.markets[i].koreaExports`: Korea's actual exports to the market, each record naming
    /// known sectors; one record per single sector.
    pub(super) fn korea_exports(&mut self, object: &JsonObject, sectors: &IdSet) -> Vec<ActualExports> {
        let mut single = IdSet::new();
        self.optional_list(object, "koreaExports", |reader, value| {
            let object = reader.object(value)?;
            let names = reader.list(object, "sectors", true, |reader, value| {
                let sector = reader.string(value);
                reader.known_id(&sector, sectors, ProblemKind::UnknownSector);
                Some(sector)
            });
            if let [one] = names.as_slice() {
                let mark = reader.enter_key("sectors");
                reader.unique(one, &mut single);
                reader.leave(mark);
            }
            Some(ActualExports {
                sectors: names,
                figure: reader.figure(object, Bound::NonNegative),
            })
        })
    }

    pub(super) fn method(&mut self, object: &JsonObject) -> Option<MethodParams> {
        let max_figure_age_years = self.optional(object, "maxFigureAgeYears", |reader, value| {
            reader
                .object(value)
                .map_or_else(empty_figure, |object| reader.figure(object, Bound::NonNegative))
        });
        let distance_elasticity = self.figure_field(object, "distanceElasticity", Bound::Positive);
        let fta_in_force_effect = self.figure_field(object, "ftaInForceEffect", Bound::Positive);
        let before = self.problem_count();
        let readiness_min_multiplier = self.figure_field(object, "readinessMinMultiplier", Bound::NonNegative);
        let readiness_max_multiplier = self.figure_field(object, "readinessMaxMultiplier", Bound::NonNegative);
        if self.problem_count() == before && readiness_min_multiplier.value > readiness_max_multiplier.value {
            self.problem_at(
                "readinessMinMultiplier",
                ProblemKind::Range,
                &["must not be above readinessMaxMultiplier"],
                Fix::MinMultiplierAboveMax,
            );
        }
        let model_uncertainty = self.figure_field(object, "modelUncertainty", Bound::Share);
        let readiness_weights = self.required_object(object, "readinessWeights", |reader, object| {
            let before = reader.problem_count();
            let weights = ReadinessWeights {
                certification: reader.figure_field(object, "certification", Bound::Share),
                local_partner: reader.figure_field(object, "localPartner", Bound::Share),
                export_experience: reader.figure_field(object, "exportExperience", Bound::Share),
                local_language: reader.figure_field(object, "localLanguage", Bound::Share),
            };
            let sum = weights.certification.value
                + weights.local_partner.value
                + weights.export_experience.value
                + weights.local_language.value;
            if reader.problem_count() == before && (sum - 1.0).abs() > 1e-6 {
                let written_sum = crate::amount::format_number(sum, 6);
                reader.problem_with_fix(
                    ProblemKind::Range,
                    &["the four weights sum to ", &written_sum, "; they must sum to 1"],
                    Fix::WeightsSum,
                );
            }
            weights
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

    pub(super) fn sme(&mut self, object: &JsonObject, sectors: &IdSet) -> Option<SmeRules> {
        let mut ids = IdSet::new();
        let mut days = IdSet::new();
        let tables = self.list(object, "tables", true, |reader, value| {
            let object = reader.object(value)?;
            Some(reader.sme_table(object, sectors, &mut ids, &mut days))
        });
        let asset_cap_krw = self.figure_field(object, "assetCapKrw", Bound::Positive);
        let grace_period_years = self.figure_field(object, "gracePeriodYears", Bound::Positive);
        let confirm_at = self.string_field(object, "confirmAt");
        Some(SmeRules {
            tables,
            asset_cap_krw,
            grace_period_years,
            confirm_at,
        })
    }

    /// One table: its own id and effective date, a row per sector.
    pub(super) fn sme_table(
        &mut self,
        object: &JsonObject,
        sectors: &IdSet,
        ids: &mut IdSet,
        days: &mut IdSet,
    ) -> SmeTable {
        let id = self.id_field(object, ids);
        let name = self.text_field(object, "name");
        let effective = self.required(object, "effective", String::new(), |reader, value| {
            let day = reader.date(value);
            reader.unique(&day, days);
            day
        });
        let source = self.string_field(object, "source");
        let mut seen = IdSet::new();
        let rows = self.list(object, "rows", false, |reader, value| {
            let object = reader.object(value)?;
            Some(reader.sme_row(object, sectors, &mut seen))
        });
        self.every_sector_in(object, "rows", sectors, &seen);
        SmeTable {
            id,
            name,
            effective,
            source,
            rows,
        }
    }

    /// One row: small at most medium.
    pub(super) fn sme_row(&mut self, object: &JsonObject, sectors: &IdSet, seen: &mut IdSet) -> SmeRow {
        let sector = self.sector_field(object, sectors, seen);
        let before = self.problem_count();
        let small_max_krw = self.figure_field(object, "smallMaxKrw", Bound::NonNegative);
        let medium_max_krw = self.figure_field(object, "mediumMaxKrw", Bound::NonNegative);
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
