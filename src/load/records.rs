//! The dataset's records read with the `Reader`: the top level, the plan, the method, the SME
//! tables, sectors, regions, markets, programmes with their criteria and entry routes, and the
//! checks between them (every reference names a listed id, every sector has its row). The walk
//! follows the schema, not the input, so its depth is fixed.

use serde_json::Value;

use super::reader::{Bound, Ids, Obj, Reader};
use super::{Fix, ProblemKind, SCHEMA};
use crate::dataset::{
    ActualExports, ApplicationWindow, Dataset, EntryRoute, EntryStep, ExchangeRate, Fee, Figure, Fta, GoodsTrade,
    LabelledFigure, Market, MethodParams, MonthRange, Plan, PlanMeasure, Program, ReadinessWeights, Region, Sector,
    SectorFigure, SmeRow, SmeRules, SmeTable, YearRate,
};
use crate::dataset::{Criterion, FtaStatus, ProgramStatus, Representative, StepKind};
use crate::vocab::{ProblemKind as K, Question, SmeSize};

fn fig0() -> Figure {
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
    pub(super) fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let o = self.obj(v)?;
        let schema = self.field(o, "schema", None, |r, v| {
            let s = r.s(v)?;
            if s != SCHEMA {
                r.err(K::Schema, &["\"", s, "\" is not the supported schema \"", SCHEMA, "\""]);
            }
            Some(s.to_owned())
        });
        let version = self.str_f(o, "version");
        let figures_as_of = self.field(o, "figuresAsOf", String::new(), Self::date);
        let title = self.text_f(o, "title");
        let price_year = self.field(o, "priceYear", 0, Self::year);
        let projection_years = self.field(o, "projectionYears", 0, |r, v| {
            let n = r.num(v, Bound::NonNeg);
            if n.fract() != 0.0 {
                r.err(K::Type, &["expected a whole number of years"]);
            } else if !(1.0..=30.0).contains(&n) {
                r.err_h(K::Range, &["must be between 1 and 30 years"], Fix::Range);
            }
            n.clamp(0.0, 30.0) as i32
        });
        let exchange_rates = self.exchange_rates(o, price_year);
        let plan = self.section(o, "plan", Self::plan);
        let method = self.section(o, "method", Self::method).flatten();

        let mut sector_ids = Ids::new();
        let sectors = self.list(o, "sectors", true, |r, v| {
            let o = r.obj(v)?;
            Some(Sector {
                id: r.id(o, &mut sector_ids),
                ksic: r.str_f(o, "ksic"),
                name: r.text_f(o, "name"),
                korea_world_share: r.fig(o, "koreaWorldShare", Bound::Share),
                korea_output_krw: r.fig(o, "koreaOutputKrw", Bound::Pos),
                korea_exports_krw: r.fig(o, "koreaExportsKrw", Bound::NonNeg),
                korea_exports_usd: r.fig(o, "koreaExportsUsd", Bound::Pos),
                demand_from_health_spending: r.opt(o, "demandFromHealthSpending", |r, v| {
                    r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::Share))
                }),
            })
        });
        let korea_world_goods_share = self.opt(o, "koreaWorldGoodsShare", |r, v| {
            r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::Share))
        });
        // A sector with a demand proxy needs no demand record in every market.
        let mut proxied = Ids::new();
        for s in sectors.iter().filter(|s| s.demand_from_health_spending.is_some()) {
            proxied.insert(&s.id);
        }
        if let Some(p) = &plan {
            self.scope_sectors(p, &sector_ids);
        }

        let mut region_ids = Ids::new();
        let regions = self.list(o, "regions", true, |r, v| {
            let o = r.obj(v)?;
            Some(Region {
                id: r.id(o, &mut region_ids),
                name: r.text_f(o, "name"),
            })
        });

        let mut market_ids = Ids::new();
        let markets = self.list(o, "markets", true, |r, v| {
            let o = r.obj(v)?;
            let id = r.id(o, &mut market_ids);
            let region = r.field(o, "region", String::new(), |r, v| {
                let s = r.string(v);
                r.known(&s, &region_ids, K::UnknownRegion);
                s
            });
            let name = r.text_f(o, "name");
            let distance_km = r.fig(o, "distanceKm", Bound::Pos);
            let fta = r.section(o, "fta", |r, o| Fta {
                status: r
                    .field(o, "status", None, |r, v| r.choice(v, &FtaStatus::ALL))
                    .unwrap_or(FtaStatus::None),
                name: r.opt(o, "name", Self::text),
                source: r.opt(o, "source", Self::string).unwrap_or_default(),
                date: r.opt(o, "date", Self::string),
            });
            let demand = r.sector_figs_except(o, "demand", Bound::NonNeg, &sector_ids, &proxied);
            let demand_growth = r.sector_figs(o, "demandGrowth", Bound::Growth, &sector_ids);
            let korea_exports = r.korea_exports(o, &sector_ids);
            let health_expenditure_usd = r.opt(o, "healthExpenditureUsd", |r, v| {
                r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::NonNeg))
            });
            let goods_trade = r
                .opt(o, "goodsTrade", |r, v| {
                    let o = r.obj(v)?;
                    Some(GoodsTrade {
                        korea_exports_usd: r.fig(o, "koreaExportsUsd", Bound::NonNeg),
                        imports_usd: r.fig(o, "importsUsd", Bound::Pos),
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

        let sme = self.section(o, "sme", |r, o| r.sme(o, &sector_ids)).flatten();

        let mut program_ids = Ids::new();
        let refs = [&sector_ids, &region_ids, &market_ids];
        let programs = self.list(o, "programs", false, |r, v| {
            let o = r.obj(v)?;
            Some(Program {
                id: r.id(o, &mut program_ids),
                name: r.text_f(o, "name"),
                agency: r.text_f(o, "agency"),
                offers: r.text_f(o, "offers"),
                status: r
                    .field(o, "status", None, |r, v| r.choice(v, &ProgramStatus::ALL))
                    .unwrap_or(ProgramStatus::Unknown),
                status_checked: r.field(o, "statusChecked", String::new(), Self::date),
                status_note: r.opt(o, "statusNote", Self::text),
                next_step: r.opt(o, "nextStep", Self::text),
                dates: r.opt(o, "dates", Self::string),
                source: r.str_f(o, "source"),
                url: r.opt(o, "url", Self::string),
                application_window: r
                    .opt(o, "applicationWindow", |r, v| {
                        let o = r.obj(v)?;
                        let opens = r.opt(o, "opens", Self::date);
                        let closes = r.opt(o, "closes", Self::date);
                        if let (Some(a), Some(b)) = (&opens, &closes) {
                            if !a.is_empty() && !b.is_empty() && b < a {
                                r.err_at("closes", K::Range, &["must not be before opens"], Fix::Range);
                            }
                        }
                        Some(ApplicationWindow {
                            opens,
                            closes,
                            detail: r.opt(o, "detail", Self::text),
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

    /// `$.exchangeRates`: one rate a year, each year once, and one for the price year.
    pub(super) fn exchange_rates(&mut self, o: &Obj, price_year: i32) -> Vec<YearRate> {
        let mut years: Vec<i32> = Vec::new();
        let rates = self.list(o, "exchangeRates", true, |r, v| {
            let o = r.obj(v)?;
            let year = r.field(o, "year", 0, Self::year);
            if year != 0 && years.contains(&year) {
                r.err_at(
                    "year",
                    K::Duplicate,
                    &["the year is listed more than once"],
                    Fix::Duplicate,
                );
            }
            years.push(year);
            Some(YearRate {
                year,
                krw_per_usd: r.fig(o, "krwPerUsd", Bound::Pos),
            })
        });
        if matches!(o.get("exchangeRates"), Some(Value::Array(_))) && price_year != 0 && !years.contains(&price_year) {
            let y = price_year.to_string();
            self.err_at(
                "exchangeRates",
                K::Incomplete,
                &["has no rate for the price year ", &y],
                Fix::RateForPriceYear,
            );
        }
        rates
    }

    pub(super) fn plan(&mut self, o: &Obj) -> Plan {
        let name = self.text_f(o, "name");
        let announced = self.field(o, "announced", String::new(), Self::date);
        let source = self.str_f(o, "source");
        let base_year = self.field(o, "baseYear", 0, Self::year);
        let target_year = self.field(o, "targetYear", 0, Self::year);
        if base_year != 0 && target_year != 0 {
            if target_year <= base_year {
                self.err_at(
                    "targetYear",
                    K::Range,
                    &["must be after baseYear"],
                    Fix::TargetAfterBase,
                );
            } else if target_year > base_year.saturating_add(50) {
                self.err_at(
                    "targetYear",
                    K::Range,
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
            base_exports_krw: self.fig(o, "baseExportsKrw", Bound::Pos),
            target_exports_krw: self.fig(o, "targetExportsKrw", Bound::Pos),
            implied_krw_per_usd: self.opt(o, "impliedKrwPerUsd", |r, v| match r.obj(v) {
                Some(o) => r.figure(o, Bound::Pos),
                None => fig0(),
            }),
            scope: self.opt(o, "scope", Self::text),
            // Checked against the sectors once they are read (`scope_sectors`).
            scope_sectors: self.opt_list(o, "scopeSectors", |r, v| Some(r.string(v))),
            reached: self.opt_list(o, "reached", |r, v| {
                let o = r.obj(v)?;
                Some(LabelledFigure {
                    label: r.text_f(o, "label"),
                    figure: r.figure(o, Bound::NonNeg),
                })
            }),
            measures: self.opt_list(o, "measures", |r, v| {
                let o = r.obj(v)?;
                Some(PlanMeasure {
                    name: r.text_f(o, "name"),
                    status: r
                        .field(o, "status", None, |r, v| r.choice(v, &ProgramStatus::ALL))
                        .unwrap_or(ProgramStatus::Unknown),
                    status_checked: r.field(o, "statusChecked", String::new(), Self::date),
                    summary: r.text_f(o, "summary"),
                    source: r.str_f(o, "source"),
                })
            }),
        }
    }

    /// `$.plan.scopeSectors[i]`: each a known sector.
    pub(super) fn scope_sectors(&mut self, plan: &Plan, sectors: &Ids) {
        self.at("plan", |r| {
            r.at("scopeSectors", |r| {
                for (i, id) in plan.scope_sectors.iter().enumerate() {
                    r.at_index(i, |r| r.known(id, sectors, K::UnknownSector));
                }
            });
        });
    }

    pub(super) fn method(&mut self, o: &Obj) -> Option<MethodParams> {
        let max_figure_age_years = self.opt(o, "maxFigureAgeYears", |r, v| {
            r.obj(v).map_or_else(fig0, |o| r.figure(o, Bound::NonNeg))
        });
        let distance_elasticity = self.fig(o, "distanceElasticity", Bound::Pos);
        let fta_in_force_effect = self.fig(o, "ftaInForceEffect", Bound::Pos);
        let before = self.count();
        let readiness_min_multiplier = self.fig(o, "readinessMinMultiplier", Bound::NonNeg);
        let readiness_max_multiplier = self.fig(o, "readinessMaxMultiplier", Bound::NonNeg);
        if self.count() == before && readiness_min_multiplier.value > readiness_max_multiplier.value {
            self.err_at(
                "readinessMinMultiplier",
                K::Range,
                &["must not be above readinessMaxMultiplier"],
                Fix::MinMultiplierAboveMax,
            );
        }
        let model_uncertainty = self.fig(o, "modelUncertainty", Bound::Share);
        let readiness_weights = self.section(o, "readinessWeights", |r, o| {
            let before = r.count();
            let w = ReadinessWeights {
                certification: r.fig(o, "certification", Bound::Share),
                local_partner: r.fig(o, "localPartner", Bound::Share),
                export_experience: r.fig(o, "exportExperience", Bound::Share),
                local_language: r.fig(o, "localLanguage", Bound::Share),
            };
            let sum =
                w.certification.value + w.local_partner.value + w.export_experience.value + w.local_language.value;
            if r.count() == before && (sum - 1.0).abs() > 1e-6 {
                let s = crate::amount::format_number(sum, 6);
                r.err_h(
                    K::Range,
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

    /// `$.markets[i].koreaExports`: Korea's actual exports to the market, each record naming
    /// known sectors; one record per single sector.
    pub(super) fn korea_exports(&mut self, o: &Obj, sectors: &Ids) -> Vec<ActualExports> {
        let mut single = Ids::new();
        self.opt_list(o, "koreaExports", |r, v| {
            let o = r.obj(v)?;
            let names = r.list(o, "sectors", true, |r, v| {
                let s = r.string(v);
                r.known(&s, sectors, K::UnknownSector);
                Some(s)
            });
            if let [one] = names.as_slice() {
                r.at("sectors", |r| r.dup(one, &mut single));
            }
            Some(ActualExports {
                sectors: names,
                figure: r.figure(o, Bound::NonNeg),
            })
        })
    }

    /// A market's per-sector figures (demand or growth): one per known sector.
    pub(super) fn sector_figs(&mut self, o: &Obj, key: &str, b: Bound, sectors: &Ids) -> Vec<SectorFigure> {
        self.sector_figs_except(o, key, b, sectors, &Ids::new())
    }

    /// `sector_figs` where the sectors in `optional` may have no entry.
    pub(super) fn sector_figs_except(
        &mut self,
        o: &Obj,
        key: &str,
        b: Bound,
        sectors: &Ids,
        optional: &Ids,
    ) -> Vec<SectorFigure> {
        let mut seen = Ids::new();
        let list = self.list(o, key, false, |r, v| {
            let o = r.obj(v)?;
            Some(SectorFigure {
                sector: r.sector_ref(o, sectors, &mut seen),
                figure: r.figure(o, b),
            })
        });
        for id in optional.iter() {
            seen.insert(id);
        }
        self.cover(o, key, sectors, &seen);
        list
    }

    /// A "sector" field naming a known sector, once per list.
    pub(super) fn sector_ref(&mut self, o: &Obj, sectors: &Ids, seen: &mut Ids) -> String {
        self.field(o, "sector", String::new(), |r, v| {
            let s = r.string(v);
            r.known(&s, sectors, K::UnknownSector);
            r.dup(&s, seen);
            s
        })
    }

    /// Reports each sector missing from the list `key` (if that list is there at all).
    pub(super) fn cover(&mut self, o: &Obj, key: &str, sectors: &Ids, seen: &Ids) {
        if matches!(o.get(key), Some(Value::Array(_))) {
            for id in sectors.iter().filter(|id| !seen.contains(id)) {
                self.err_at(
                    key,
                    K::Incomplete,
                    &["has no entry for sector \"", id, "\""],
                    Fix::of(K::Incomplete),
                );
            }
        }
    }

    /// Reports an empty reference, or an id that is not in `ids` (unless `ids` is empty: its list
    /// is already reported).
    pub(super) fn known(&mut self, id: &str, ids: &Ids, kind: ProblemKind) {
        if id.is_empty() {
            self.err(K::Empty, &["must name an id; it is empty"]);
        } else if !ids.is_empty() && !ids.contains(id) {
            let list = match kind {
                K::UnknownSector => "sectors",
                K::UnknownRegion => "regions",
                _ => "markets",
            };
            self.err(kind, &["\"", id, "\" is not an id listed in $.", list]);
        }
    }

    /// Every figure goes through here.
    pub(super) fn figure(&mut self, o: &Obj, b: Bound) -> Figure {
        let value = self.field(o, "value", 0.0, |r, v| r.num(v, b));
        let unit = self.str_f(o, "unit");
        let source = self.opt(o, "source", Self::string).unwrap_or_default();
        let year = self.opt(o, "year", Self::year);
        let assumption = self.opt(o, "assumption", Self::boolean).unwrap_or(false);
        let note = self.opt(o, "note", Self::text);
        if source.trim().is_empty() && !assumption {
            self.err_at(
                "source",
                K::Unsourced,
                &["the figure has no source and is not marked as an assumption"],
                Fix::of(K::Unsourced),
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

    pub(super) fn fig(&mut self, o: &Obj, key: &str, b: Bound) -> Figure {
        self.field(o, key, fig0(), |r, v| match r.obj(v) {
            Some(o) => r.figure(o, b),
            None => fig0(),
        })
    }

    pub(super) fn sme(&mut self, o: &Obj, sectors: &Ids) -> Option<SmeRules> {
        let mut ids = Ids::new();
        let mut days = Ids::new();
        let tables = self.list(o, "tables", true, |r, v| {
            let o = r.obj(v)?;
            Some(r.sme_table(o, sectors, &mut ids, &mut days))
        });
        let asset_cap_krw = self.fig(o, "assetCapKrw", Bound::Pos);
        let grace_period_years = self.fig(o, "gracePeriodYears", Bound::Pos);
        let confirm_at = self.str_f(o, "confirmAt");
        Some(SmeRules {
            tables,
            asset_cap_krw,
            grace_period_years,
            confirm_at,
        })
    }

    /// One table: its own id and effective date, a row per sector.
    pub(super) fn sme_table(&mut self, o: &Obj, sectors: &Ids, ids: &mut Ids, days: &mut Ids) -> SmeTable {
        let id = self.id(o, ids);
        let name = self.text_f(o, "name");
        let effective = self.field(o, "effective", String::new(), |r, v| {
            let d = r.date(v);
            r.dup(&d, days);
            d
        });
        let source = self.str_f(o, "source");
        let mut seen = Ids::new();
        let rows = self.list(o, "rows", false, |r, v| {
            let o = r.obj(v)?;
            Some(r.sme_row(o, sectors, &mut seen))
        });
        self.cover(o, "rows", sectors, &seen);
        SmeTable {
            id,
            name,
            effective,
            source,
            rows,
        }
    }

    /// One row: small at most medium.
    pub(super) fn sme_row(&mut self, o: &Obj, sectors: &Ids, seen: &mut Ids) -> SmeRow {
        let sector = self.sector_ref(o, sectors, seen);
        let before = self.count();
        let small_max_krw = self.fig(o, "smallMaxKrw", Bound::NonNeg);
        let medium_max_krw = self.fig(o, "mediumMaxKrw", Bound::NonNeg);
        if self.count() == before && small_max_krw.value > medium_max_krw.value {
            self.err_at(
                "smallMaxKrw",
                K::Range,
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

    /// One criterion of a program's rule; `refs` are the sector, region and market ids.
    pub(super) fn criterion(&mut self, v: &Value, refs: [&Ids; 3]) -> Option<Criterion> {
        let o = self.obj(v)?;
        let kind = self.field(o, "kind", None, Self::s)?;
        let [sectors, regions, markets] = refs;
        Some(match kind {
            "sector" => Criterion::Sector {
                any_of: self.ids_of(o, sectors, K::UnknownSector),
            },
            "region" => Criterion::Region {
                any_of: self.ids_of(o, regions, K::UnknownRegion),
            },
            "market" => Criterion::Market {
                any_of: self.ids_of(o, markets, K::UnknownMarket),
            },
            "size" => Criterion::Size {
                any_of: self.list(o, "anyOf", true, |r, v| r.choice(v, &SmeSize::ALL)),
            },
            "readiness" => {
                let question = self.field(o, "question", None, |r, v| r.choice(v, &Question::ALL));
                let expect = self.field(o, "expect", false, Self::boolean);
                Criterion::Readiness {
                    question: question?,
                    expect,
                }
            }
            "currentExports" => {
                let min_krw = self.opt(o, "minKrw", Self::amount);
                let max_krw = self.opt(o, "maxKrw", Self::amount);
                if let (Some(a), Some(b)) = (min_krw, max_krw) {
                    if a > b {
                        self.err_at("minKrw", K::Range, &["must not be above maxKrw"], Fix::SwapMinMax);
                    }
                }
                Criterion::CurrentExports { min_krw, max_krw }
            }
            "ftaInForce" => Criterion::FtaInForce,
            "confirm" => Criterion::Confirm {
                text: self.text_f(o, "text"),
            },
            _ => {
                self.err_at(
                    "kind",
                    K::UnknownKind,
                    &[
                        "\"",
                        kind,
                        "\" is not a criterion kind (sector, region, market, size, readiness, currentExports, ftaInForce, confirm)",
                    ],
                    Fix::of(K::UnknownKind),
                );
                return None;
            }
        })
    }

    pub(super) fn ids_of(&mut self, o: &Obj, ids: &Ids, kind: ProblemKind) -> Vec<String> {
        self.list(o, "anyOf", true, |r, v| {
            let s = r.string(v);
            r.known(&s, ids, kind);
            Some(s)
        })
    }

    pub(super) fn amount(&mut self, v: &Value) -> f64 {
        self.num(v, Bound::NonNeg)
    }

    /// `$.entryRoutes`: known market, sectors and programmes; one route per market and sector;
    /// a review time of 0..=120 months with min ≤ max; fees and times sourced or assumed.
    pub(super) fn entry_routes(&mut self, o: &Obj, markets: &Ids, sectors: &Ids, programs: &Ids) -> Vec<EntryRoute> {
        let mut ids = Ids::new();
        let mut cells = Ids::new();
        self.opt_list(o, "entryRoutes", |r, v| {
            let o = r.obj(v)?;
            let id = r.id(o, &mut ids);
            let market = r.field(o, "market", String::new(), |r, v| {
                let s = r.string(v);
                r.known(&s, markets, K::UnknownMarket);
                s
            });
            let route_sectors = r.list(o, "sectors", true, |r, v| {
                let s = r.string(v);
                r.known(&s, sectors, K::UnknownSector);
                r.dup(&[market.as_str(), "/", s.as_str()].concat(), &mut cells);
                Some(s)
            });
            let steps = r.list(o, "steps", false, |r, v| {
                let o = r.obj(v)?;
                Some(EntryStep {
                    text: r.text_f(o, "text"),
                    kind: r
                        .field(o, "kind", None, |r, v| r.choice(v, &StepKind::ALL))
                        .unwrap_or(StepKind::Application),
                    paid_by: r.opt_list(o, "paidBy", |r, v| {
                        let s = r.string(v);
                        r.known(&s, programs, K::UnknownProgram);
                        Some(s)
                    }),
                })
            });
            let review_months = r
                .opt(o, "reviewMonths", |r, v| {
                    let o = r.obj(v)?;
                    let before = r.count();
                    let min = r.field(o, "min", 0.0, |r, v| r.num(v, Bound::NonNeg));
                    let max = r.field(o, "max", 0.0, |r, v| r.num(v, Bound::NonNeg));
                    if r.count() == before && (min > max || max > 120.0) {
                        r.err_at(
                            "max",
                            K::Range,
                            &["must be at least min and at most 120 months"],
                            Fix::Range,
                        );
                    }
                    let source = r.opt(o, "source", Self::string).unwrap_or_default();
                    let assumption = r.opt(o, "assumption", Self::boolean).unwrap_or(false);
                    if source.trim().is_empty() && !assumption {
                        r.err_at(
                            "source",
                            K::Unsourced,
                            &["the time has no source and is not marked as an assumption"],
                            Fix::of(K::Unsourced),
                        );
                    }
                    Some(MonthRange {
                        min,
                        max,
                        source,
                        year: r.opt(o, "year", Self::year),
                        assumption,
                    })
                })
                .flatten();
            Some(EntryRoute {
                id,
                market,
                sectors: route_sectors,
                verified: r.field(o, "verified", false, Self::boolean),
                regulator: r.text_f(o, "regulator"),
                route: r.text_f(o, "route"),
                local_representative: r
                    .field(o, "localRepresentative", None, |r, v| r.choice(v, &Representative::ALL))
                    .unwrap_or(Representative::Unclear),
                steps,
                documents: r.opt_list(o, "documents", |r, v| Some(r.text(v))),
                review_months,
                fees: r.opt_list(o, "fees", |r, v| {
                    let o = r.obj(v)?;
                    Some(Fee {
                        label: r.text_f(o, "label"),
                        figure: r.figure(o, Bound::NonNeg),
                    })
                }),
                validity: r.opt(o, "validity", Self::text),
                ask_at: r.text_f(o, "askAt"),
                source: r.str_f(o, "source"),
                checked: r.field(o, "checked", String::new(), Self::date),
            })
        })
    }
}
