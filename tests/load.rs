//! Tests of the dataset loader: a valid minimal dataset loads, and each kind of mistake is
//! reported with its exact path and kind, all of them at once, without panics.

use proptest::prelude::*;
use serde::de::DeserializeSeed;
use serde_json::{json, Value};
use sme_export::builtin::dataset as default_dataset;
use sme_export::load::{dataset_from_json, dataset_from_value, parse, Bounded, Problem, Stop};

fn fig(value: f64, unit: &str) -> Value {
    json!({"value": value, "unit": unit, "source": "KITA 2024", "year": 2024})
}

/// A valid dataset: 2 sectors, 2 regions, 2 markets, 2 programs.
fn valid() -> Value {
    let market = |id: &str, region: &str, km: f64, fta: &str| {
        json!({
            "id": id, "region": region, "name": {"ko": id, "en": id},
            "distanceKm": fig(km, "km"),
            "fta": {"status": fta, "name": null, "source": "FTA portal", "date": null},
            "demand": [
                {"sector": "devices", "value": 1.0e8, "unit": "USD", "source": "UN Comtrade", "year": 2023},
                {"sector": "services", "value": 2.0e7, "unit": "USD", "assumption": true, "note": {"ko": "추정", "en": "estimate"}}
            ],
            "demandGrowth": [
                {"sector": "devices", "value": 0.05, "unit": "ratio", "source": "UN Comtrade", "year": null},
                {"sector": "services", "value": -0.1, "unit": "ratio", "assumption": true}
            ]
        })
    };
    json!({
        "schema": "sme-export-dataset/1",
        "version": "2025.1",
        "figuresAsOf": "2025-03-31",
        "title": {"ko": "수출", "en": "Exports"},
        "priceYear": 2024,
        "projectionYears": 5,
        "exchangeRates": [{"year": 2024, "krwPerUsd": fig(1380.0, "KRW/USD")}],
        "plan": {
            "name": {"ko": "계획", "en": "Plan"},
            "announced": "2024-12-10",
            "source": "MOHW",
            "baseYear": 2024,
            "targetYear": 2030,
            "baseExportsKrw": fig(2.0e13, "KRW"),
            "targetExportsKrw": fig(5.0e13, "KRW")
        },
        "method": {
            "distanceElasticity": fig(1.0, "elasticity"),
            "ftaInForceEffect": fig(1.3, "multiplier"),
            "readinessMinMultiplier": fig(0.3, "multiplier"),
            "readinessMaxMultiplier": fig(1.5, "multiplier"),
            "modelUncertainty": fig(0.3, "ratio"),
            "readinessWeights": {
                "certification": fig(0.4, "weight"),
                "localPartner": fig(0.3, "weight"),
                "exportExperience": fig(0.2, "weight"),
                "localLanguage": fig(0.1, "weight")
            }
        },
        "sme": {
            "tables": [{
                "id": "t1",
                "name": {"ko": "별표 1", "en": "Table 1"},
                "effective": "2024-01-01",
                "source": "Enforcement Decree",
                "rows": [
                    {"sector": "devices", "smallMaxKrw": fig(1.2e10, "KRW"), "mediumMaxKrw": fig(8.0e10, "KRW")},
                    {"sector": "services", "smallMaxKrw": fig(1.0e10, "KRW"), "mediumMaxKrw": fig(6.0e10, "KRW")}
                ]
            }],
            "assetCapKrw": fig(5.0e11, "KRW"),
            "gracePeriodYears": fig(5.0, "years"),
            "confirmAt": "https://sminfo.mss.go.kr"
        },
        "sectors": [
            {"id": "devices", "ksic": "C27", "name": {"ko": "의료기기", "en": "Devices"},
             "koreaWorldShare": fig(0.02, "share"), "koreaOutputKrw": fig(1.5e13, "KRW"),
             "koreaExportsKrw": fig(9.0e12, "KRW"), "koreaExportsUsd": fig(6.5e9, "USD")},
            {"id": "services", "ksic": "Q86", "name": {"ko": "의료서비스", "en": "Services"},
             "koreaWorldShare": fig(0.01, "share"), "koreaOutputKrw": fig(1.0e14, "KRW"),
             "koreaExportsKrw": fig(6.0e11, "KRW"), "koreaExportsUsd": fig(4.3e8, "USD")}
        ],
        "regions": [
            {"id": "middle_east", "name": {"ko": "중동", "en": "Middle East"}},
            {"id": "central_asia", "name": {"ko": "중앙아시아", "en": "Central Asia"}}
        ],
        "markets": [
            market("SA", "middle_east", 7900.0, "negotiating"),
            market("UZ", "central_asia", 4700.0, "in_force")
        ],
        "programs": [
            {
                "id": "voucher", "name": {"ko": "바우처", "en": "Voucher"},
                "agency": {"ko": "중기부", "en": "MSS"}, "offers": {"ko": "지원", "en": "Support"},
                "status": "active", "statusChecked": "2026-12-01", "statusNote": null, "dates": "2025", "source": "MSS notice",
                "url": "https://example.org",
                "rule": [
                    {"kind": "sector", "anyOf": ["devices"]},
                    {"kind": "size", "anyOf": ["small", "medium"]},
                    {"kind": "currentExports", "minKrw": null, "maxKrw": 1.0e10},
                    {"kind": "readiness", "question": "exportExperience", "expect": true}
                ]
            },
            {
                "id": "gcc", "name": {"ko": "진출", "en": "Entry"},
                "agency": {"ko": "진흥원", "en": "KHIDI"}, "offers": {"ko": "컨설팅", "en": "Consulting"},
                "status": "planned", "statusChecked": "2026-11-28", "source": "KHIDI",
                "rule": [
                    {"kind": "region", "anyOf": ["middle_east"]},
                    {"kind": "market", "anyOf": ["SA", "UZ"]},
                    {"kind": "ftaInForce"},
                    {"kind": "confirm", "text": {"ko": "확인", "en": "Confirm"}}
                ]
            }
        ]
    })
}

fn load(v: &Value) -> Result<sme_export::dataset::Dataset, Vec<Problem>> {
    dataset_from_json(&v.to_string())
}

/// Applies `f` to the valid dataset and returns the problems (the load must fail).
fn problems(f: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = valid();
    f(&mut v);
    match load(&v) {
        Ok(_) => panic!("expected problems, the dataset loaded"),
        Err(p) => p,
    }
}

fn set(v: &mut Value, pointer: &str, new: Value) {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
}

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .unwrap();
}

/// Exactly one problem, with this path and kind.
fn one(p: &[Problem], path: &str, kind: &str) {
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!((p[0].path.as_str(), p[0].kind.key()), (path, kind), "{p:#?}");
    assert!(p[0].message.starts_with(path), "{p:#?}");
    assert!(!p[0].hint.is_empty());
}

#[test]
fn valid_dataset_loads() {
    let ds = load(&valid()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(ds.sectors.len(), 2);
    assert_eq!(ds.regions.len(), 2);
    assert_eq!(ds.markets.len(), 2);
    assert_eq!(ds.programs.len(), 2);
    assert_eq!(ds.programs[0].rule.len(), 4);
    let sa = ds.market("SA").unwrap();
    assert_eq!(sa.demand_for("devices").unwrap().value, 1.0e8);
    assert_eq!(sa.growth_for("services").unwrap().value, -0.1);
    assert!(sa.demand_for("services").unwrap().assumption);
    assert_eq!(sa.demand_for("services").unwrap().source, "");
    assert_eq!(sa.fta.name, None);
    assert_eq!(ds.programs[1].url, None);
    assert_eq!(ds.sme.tables.len(), 1);
    assert_eq!(ds.programs[0].status_checked, "2026-12-01");
    assert_eq!(ds.plan.target_year, 2030);
    assert_eq!(ds.exchange_rate.krw_per_usd.year, Some(2024));
}

#[test]
fn missing_field() {
    let p = problems(|v| remove(v, "/markets/1/distanceKm/unit"));
    one(&p, "$.markets[1].distanceKm.unit", "missing");
    let p = problems(|v| remove(v, "/plan"));
    one(&p, "$.plan", "missing");
}

#[test]
fn wrong_type() {
    let p = problems(|v| set(v, "/markets/0/distanceKm/value", json!("7900")));
    one(&p, "$.markets[0].distanceKm.value", "type");
    assert!(p[0].message.contains("expected a number, found a string"), "{p:#?}");
}

#[test]
fn negative_share() {
    let p = problems(|v| set(v, "/sectors/1/koreaWorldShare/value", json!(-0.1)));
    one(&p, "$.sectors[1].koreaWorldShare.value", "negative");
}

#[test]
fn share_above_one() {
    let p = problems(|v| set(v, "/sectors/0/koreaWorldShare/value", json!(1.5)));
    one(&p, "$.sectors[0].koreaWorldShare.value", "range");
}

#[test]
fn growth_out_of_range() {
    let p = problems(|v| set(v, "/markets/1/demandGrowth/0/value", json!(-0.6)));
    one(&p, "$.markets[1].demandGrowth[0].value", "range");
}

#[test]
fn unknown_sector_in_rule() {
    let p = problems(|v| set(v, "/programs/0/rule/0/anyOf", json!(["devices", "robots"])));
    one(&p, "$.programs[0].rule[0].anyOf[1]", "unknownSector");
}

#[test]
fn unknown_market_and_region() {
    let p = problems(|v| set(v, "/programs/1/rule/1/anyOf/1", json!("KZ")));
    one(&p, "$.programs[1].rule[1].anyOf[1]", "unknownMarket");
    let p = problems(|v| set(v, "/markets/0/region", json!("europe")));
    one(&p, "$.markets[0].region", "unknownRegion");
}

#[test]
fn duplicate_market_id() {
    let p = problems(|v| set(v, "/markets/1/id", json!("SA")));
    let got: Vec<(&str, &str)> = p.iter().map(|p| (p.path.as_str(), p.kind.key())).collect();
    // The rule naming "UZ" now names a market that no longer exists.
    assert_eq!(
        got,
        [
            ("$.markets[1].id", "duplicate"),
            ("$.programs[1].rule[1].anyOf[1]", "unknownMarket")
        ]
    );
    let p = problems(|v| set(v, "/programs/1/id", json!("voucher")));
    one(&p, "$.programs[1].id", "duplicate");
    let p = problems(|v| set(v, "/sectors/1/id", json!("devices")));
    assert_eq!((p[0].path.as_str(), p[0].kind.key()), ("$.sectors[1].id", "duplicate"));
}

#[test]
fn duplicate_sector_in_demand() {
    let p = problems(|v| set(v, "/markets/0/demand/1/sector", json!("devices")));
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(
        (p[0].path.as_str(), p[0].kind.key()),
        ("$.markets[0].demand[1].sector", "duplicate")
    );
    assert_eq!(
        (p[1].path.as_str(), p[1].kind.key()),
        ("$.markets[0].demand", "incomplete")
    );
}

#[test]
fn sector_without_sme_row() {
    let p = problems(|v| {
        v.pointer_mut("/sme/tables/0/rows")
            .unwrap()
            .as_array_mut()
            .unwrap()
            .pop();
    });
    one(&p, "$.sme.tables[0].rows", "incomplete");
    assert!(p[0].message.contains("\"services\""), "{p:#?}");
}

#[test]
fn missing_source() {
    let p = problems(|v| remove(v, "/exchangeRates/0/krwPerUsd/source"));
    one(&p, "$.exchangeRates[0].krwPerUsd.source", "unsourced");
    assert_eq!(p[0].hint, "add a \"source\" or set \"assumption\": true");
    // An assumption needs no source.
    let mut v = valid();
    remove(&mut v, "/exchangeRates/0/krwPerUsd/source");
    v["exchangeRates"][0]["krwPerUsd"]["assumption"] = json!(true);
    assert!(load(&v).is_ok());
}

#[test]
fn weights_not_summing_to_one() {
    let p = problems(|v| set(v, "/method/readinessWeights/localLanguage/value", json!(0.2)));
    one(&p, "$.method.readinessWeights", "range");
}

#[test]
fn weights_within_tolerance_load() {
    let mut v = valid();
    set(
        &mut v,
        "/method/readinessWeights/localLanguage/value",
        json!(0.1000000005),
    );
    assert!(load(&v).is_ok());
}

#[test]
fn unknown_criterion_kind() {
    let p = problems(|v| set(v, "/programs/1/rule/2/kind", json!("ftaSigned")));
    one(&p, "$.programs[1].rule[2].kind", "unknownKind");
}

#[test]
fn unknown_status_strings() {
    let p = problems(|v| set(v, "/markets/0/fta/status", json!("in force")));
    one(&p, "$.markets[0].fta.status", "unknownKind");
    let p = problems(|v| set(v, "/programs/0/status", json!("closed")));
    one(&p, "$.programs[0].status", "unknownKind");
    let p = problems(|v| set(v, "/programs/0/rule/1/anyOf/1", json!("large")));
    one(&p, "$.programs[0].rule[1].anyOf[1]", "unknownKind");
    let p = problems(|v| set(v, "/programs/0/rule/3/question", json!("language")));
    one(&p, "$.programs[0].rule[3].question", "unknownKind");
}

#[test]
fn ranges_dates_schema_and_empties() {
    let p = problems(|v| set(v, "/plan/targetYear", json!(2024)));
    one(&p, "$.plan.targetYear", "range");
    let p = problems(|v| set(v, "/plan/targetYear", json!(2080)));
    one(&p, "$.plan.targetYear", "range");
    let p = problems(|v| set(v, "/plan/baseYear", json!(1800)));
    one(&p, "$.plan.baseYear", "range");
    let p = problems(|v| set(v, "/sme/tables/0/rows/0/smallMaxKrw/value", json!(9.0e10)));
    one(&p, "$.sme.tables[0].rows[0].smallMaxKrw", "range");
    let p = problems(|v| set(v, "/method/readinessMinMultiplier/value", json!(2.0)));
    one(&p, "$.method.readinessMinMultiplier", "range");
    let p = problems(|v| set(v, "/exchangeRates/0/krwPerUsd/value", json!(0)));
    one(&p, "$.exchangeRates[0].krwPerUsd.value", "range");
    let p = problems(|v| set(v, "/markets/0/distanceKm/value", json!(0.0)));
    one(&p, "$.markets[0].distanceKm.value", "range");
    let p = problems(|v| set(v, "/markets/0/distanceKm/year", json!(20240)));
    one(&p, "$.markets[0].distanceKm.year", "range");
    let p = problems(|v| set(v, "/figuresAsOf", json!("2025-02-30")));
    one(&p, "$.figuresAsOf", "date");
    let p = problems(|v| set(v, "/sme/tables/0/effective", json!("1/1/2024")));
    one(&p, "$.sme.tables[0].effective", "date");
    let p = problems(|v| set(v, "/schema", json!("sme-export-dataset/2")));
    one(&p, "$.schema", "schema");
    let p = problems(|v| set(v, "/regions/0/id", json!("")));
    assert_eq!((p[0].path.as_str(), p[0].kind.key()), ("$.regions[0].id", "empty"));
    let p = problems(|v| set(v, "/programs/1/rule/0/anyOf", json!([])));
    one(&p, "$.programs[1].rule[0].anyOf", "empty");
    let p = problems(|v| set(v, "/sectors", json!([])));
    assert_eq!((p[0].path.as_str(), p[0].kind.key()), ("$.sectors", "empty"));
    let p = problems(|v| set(v, "/programs/0/rule/2/minKrw", json!(2.0e10)));
    one(&p, "$.programs[0].rule[2].minKrw", "range");
}

#[test]
fn market_without_demand_for_a_sector() {
    let p = problems(|v| {
        v.pointer_mut("/markets/1/demandGrowth")
            .unwrap()
            .as_array_mut()
            .unwrap()
            .remove(0);
    });
    one(&p, "$.markets[1].demandGrowth", "incomplete");
}

#[test]
fn several_mistakes_all_reported() {
    let p = problems(|v| {
        remove(v, "/version");
        set(v, "/sectors/0/koreaWorldShare/value", json!(2));
        set(v, "/markets/1/id", json!("SA"));
        remove(v, "/markets/0/demand/0/source");
        set(v, "/programs/0/rule/0/kind", json!("sectors"));
        v["sme"]["tables"][0]["rows"][0]["smallMaxKrw"] = fig(9.0e11, "KRW");
    });
    let got: Vec<(&str, &str)> = p.iter().map(|p| (p.path.as_str(), p.kind.key())).collect();
    assert_eq!(
        got,
        [
            ("$.version", "missing"),
            ("$.sectors[0].koreaWorldShare.value", "range"),
            ("$.markets[0].demand[0].source", "unsourced"),
            ("$.markets[1].id", "duplicate"),
            ("$.sme.tables[0].rows[0].smallMaxKrw", "range"),
            ("$.programs[0].rule[0].kind", "unknownKind"),
            ("$.programs[1].rule[1].anyOf[1]", "unknownMarket"),
        ]
    );
}

#[test]
fn problems_are_capped() {
    let mut v = valid();
    let junk: Vec<Value> = (0..300).map(|i| json!({"id": i})).collect();
    set(&mut v, "/regions", Value::Array(junk));
    let p = load(&v).unwrap_err();
    assert_eq!(p.len(), 201);
    assert_eq!(p[200].kind.key(), "truncated");
    assert!(p[..200].iter().all(|p| p.kind.key() != "truncated"));
}

#[test]
fn too_many_markets() {
    let mut v = valid();
    let m = v["markets"][0].clone();
    let many: Vec<Value> = (0..1001)
        .map(|i| {
            let mut m = m.clone();
            m["id"] = json!(format!("M{i}"));
            m
        })
        .collect();
    set(&mut v, "/markets", Value::Array(many));
    // Programs still name "UZ", which is now beyond the cap; only the cap and those show.
    let p = load(&v).unwrap_err();
    assert_eq!((p[0].path.as_str(), p[0].kind.key()), ("$.markets", "tooLarge"));
}

#[test]
fn not_json() {
    let p = dataset_from_json("{\"schema\": \"sme-export-dataset/1\",\n  oops }").unwrap_err();
    one(&p, "$", "json");
    assert!(p[0].message.contains("line 2 column 3"), "{p:#?}");
    one(&dataset_from_json("").unwrap_err(), "$", "json");
}

#[test]
fn json_problem_names_the_error_line_and_column() {
    let p = dataset_from_json("{\"schema\": \"sme-export-dataset/1\",\n  oops }").unwrap_err();
    assert_eq!(
        p[0].message,
        "$: not valid JSON: key must be a string at line 2 column 3"
    );
    let p = dataset_from_json("{\"a\": [1, 2,]}").unwrap_err();
    one(&p, "$", "json");
    assert!(p[0].message.ends_with("trailing comma at line 1 column 13"), "{p:#?}");
    // Columns count characters: the Korean text is 2 characters, 6 bytes.
    let p = dataset_from_json("{\"ko\": \"한국\" \"x\"}").unwrap_err();
    assert!(p[0].message.ends_with("at line 1 column 13"), "{p:#?}");
}

#[test]
fn byte_order_mark_is_allowed() {
    let text = ["\u{feff}", &valid().to_string()].concat();
    assert!(dataset_from_json(&text).is_ok());
}

#[test]
fn repeated_key_keeps_the_last_value() {
    let mut text = valid().to_string();
    text.pop();
    text.push_str(",\"version\":\"later\"}");
    assert_eq!(dataset_from_json(&text).unwrap().version, "later");
}

#[test]
fn number_beyond_f64_is_not_finite() {
    let mut v = valid();
    set(&mut v, "/markets/0/distanceKm/value", json!(1.0));
    let text = v.to_string().replacen("\"value\":1.0", "\"value\":1e400", 1);
    let p = dataset_from_json(&text).unwrap_err();
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].kind.key(), "notFinite", "{p:#?}");
}

#[test]
fn years_are_whole_numbers() {
    let text = valid().to_string().replace("\"year\":2024", "\"year\":2024.0");
    assert!(dataset_from_json(&text).is_ok());
    let p = problems(|v| set(v, "/markets/0/distanceKm/year", json!(2024.5)));
    one(&p, "$.markets[0].distanceKm.year", "type");
    let p = problems(|v| set(v, "/markets/0/distanceKm/year", json!("2024")));
    one(&p, "$.markets[0].distanceKm.year", "type");
}

#[test]
fn deep_nesting_is_a_problem_not_a_crash() {
    let deep = "[".repeat(100_000);
    one(&dataset_from_json(&deep).unwrap_err(), "$", "tooDeep");
    let closed = ["[".repeat(100_000), "]".repeat(100_000)].concat();
    one(&dataset_from_json(&closed).unwrap_err(), "$", "tooDeep");
    // 65 levels in an ignored key is still too deep; brackets inside strings do not count.
    let mut v = valid();
    v["comment"] = json!("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    assert!(load(&v).is_ok());
    let mut text = v.to_string();
    text.pop();
    text.push_str(",\"x\":");
    text.push_str(&"[".repeat(64));
    text.push_str(&"]".repeat(64));
    text.push('}');
    one(&dataset_from_json(&text).unwrap_err(), "$", "tooDeep");
}

#[test]
fn nesting_of_64_levels_parses_and_65_does_not() {
    let lists = |n: usize| ["[".repeat(n), "]".repeat(n)].concat();
    let objects = |n: usize| ["{\"a\":".repeat(n), "0".into(), "}".repeat(n)].concat();
    assert!(parse(&lists(64)).is_ok());
    assert!(parse(&objects(64)).is_ok());
    assert_eq!(parse(&lists(65)).unwrap_err().kind.key(), "tooDeep");
    assert_eq!(parse(&objects(65)).unwrap_err().kind.key(), "tooDeep");
    assert_eq!(parse(&"{\"a\":".repeat(100_000)).unwrap_err().kind.key(), "tooDeep");
    // Brackets in strings do not count.
    assert!(parse(&["[\"", &"[".repeat(1000), "\"]"].concat()).is_ok());
}

/// The browser's path: a tree `JSON.parse` already built crosses through `Bounded`, which keeps
/// the same depth limit and refuses what JSON cannot hold (Infinity from 1e400).
#[test]
fn bounded_rebuilds_a_parsed_tree_with_the_same_limits() {
    let stop = std::cell::Cell::new(Stop::None);
    let tree = valid();
    let rebuilt = Bounded::new(&stop).deserialize(tree.clone()).unwrap();
    assert_eq!(rebuilt, tree);
    assert!(dataset_from_value(&rebuilt).is_ok());
    let deep: Value = serde_json::from_str(&["[".repeat(65), "]".repeat(65)].concat()).unwrap();
    assert!(Bounded::new(&stop).deserialize(deep).is_err());
    assert!(stop.get() == Stop::TooDeep);
    let stop = std::cell::Cell::new(Stop::None);
    assert!(Bounded::new(&stop)
        .deserialize(serde::de::value::F64Deserializer::<serde_json::Error>::new(
            f64::INFINITY
        ))
        .is_err());
    assert!(stop.get() == Stop::NotFinite);
}

#[test]
fn byte_order_mark_only_at_the_very_start() {
    assert_eq!(parse("\u{feff}{\"a\": 1}").unwrap(), json!({"a": 1}));
    // Not counted in columns; anywhere else it is not whitespace.
    let p = parse("\u{feff}[x]").unwrap_err();
    assert!(
        p.kind.key() == "json" && p.message.ends_with("at line 1 column 2"),
        "{p:?}"
    );
    assert_eq!(parse("\u{feff}\u{feff}1").unwrap_err().kind.key(), "json");
    assert_eq!(parse("[1,\u{feff}2]").unwrap_err().kind.key(), "json");
    // Inside a string it is an ordinary character.
    assert_eq!(parse("\"\u{feff}\"").unwrap(), json!("\u{feff}"));
}

/// Every number written in data/dataset.json reads bit-identical to `str::parse::<f64>`.
#[test]
fn dataset_numbers_are_bit_identical() {
    let text = sme_export::builtin::DEFAULT_JSON;
    fn walk(v: &Value, out: &mut Vec<f64>) {
        match v {
            Value::Number(x) => out.push(x.as_f64().unwrap()),
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    // The number tokens, outside strings, in document order (the dataset has no repeated keys
    // and serde_json's objects are sorted by key, so compare as sorted bit patterns).
    let mut tokens = Vec::new();
    let (mut in_str, mut esc, mut cur) = (false, false, String::new());
    for c in text.chars() {
        if in_str {
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if c.is_ascii_digit() || c == '-' || (!cur.is_empty() && "+.eE".contains(c)) {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            in_str = c == '"';
        }
    }
    let mut want: Vec<u64> = tokens.iter().map(|t| t.parse::<f64>().unwrap().to_bits()).collect();
    let mut got = Vec::new();
    walk(&parse(text).unwrap(), &mut got);
    let mut got: Vec<u64> = got.iter().map(|x| x.to_bits()).collect();
    assert!(want.len() >= 20, "only {} numbers in the dataset", want.len());
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
}

#[test]
fn twenty_megabytes_is_too_large() {
    let mut text = valid().to_string();
    text.pop();
    text.push_str(",\"padding\":\"");
    text.push_str(&"x".repeat(20 * 1024 * 1024));
    text.push_str("\"}");
    one(&dataset_from_json(&text).unwrap_err(), "$", "tooLarge");
}

#[test]
fn array_document() {
    let p = dataset_from_json("[1, 2]").unwrap_err();
    one(&p, "$", "type");
    assert!(p[0].message.contains("expected an object, found a list"), "{p:#?}");
}

#[test]
fn ten_thousand_junk_keys_still_load() {
    let mut v = valid();
    let o = v.as_object_mut().unwrap();
    for i in 0..10_000 {
        o.insert(format!("junk{i}"), json!({"note": i, "list": [1, 2, 3]}));
    }
    v["markets"][0]["comment"] = json!("extra keys are ignored anywhere");
    assert!(load(&v).is_ok());
}

#[test]
fn bad_fixture_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        assert!(dataset_from_json(&text).is_err(), "{:?} loaded", e.path());
        n += 1;
    }
    assert!(n >= 3);
}

/// The values build.rs compiles in are what the loader makes of `data/dataset.json`, notes aside
/// (they are never compiled in): a field the generated code got wrong or left out fails here.
#[test]
fn compiled_in_dataset_is_the_loaded_file() {
    let loaded = dataset_from_json(sme_export::builtin::DEFAULT_JSON).unwrap_or_else(|p| panic!("{p:#?}"));
    let without_notes = |d: &sme_export::dataset::Dataset| {
        let mut v = serde_json::to_value(d).unwrap_or_else(|e| panic!("{e}"));
        strip_notes(&mut v);
        v
    };
    assert_eq!(without_notes(&default_dataset()), without_notes(&loaded));
    assert!(default_dataset().markets.len() >= 11);
}

fn strip_notes(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("note");
            map.values_mut().for_each(strip_notes);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_notes),
        _ => {}
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|x| json!(x)),
        any::<i64>().prop_map(|x| json!(x)),
        "[a-zA-Z_]{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "sector",
            "market",
            "region",
            "size",
            "readiness",
            "small",
            "in_force",
            "2025-01-01",
            "sme-export-dataset/1",
            "devices",
            "SA",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop::sample::select(vec![
            "schema",
            "version",
            "figuresAsOf",
            "title",
            "ko",
            "en",
            "exchangeRate",
            "exchangeRates",
            "priceYear",
            "krwPerUsd",
            "value",
            "unit",
            "source",
            "year",
            "assumption",
            "note",
            "plan",
            "method",
            "sme",
            "table",
            "rows",
            "sectors",
            "regions",
            "markets",
            "programs",
            "id",
            "rule",
            "kind",
            "anyOf",
            "demand",
            "sector",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

proptest! {
    #[test]
    fn never_panics_on_strings(s in ".{0,300}") {
        let _ = dataset_from_json(&s);
    }

    #[test]
    fn never_panics_on_json_values(v in arb_json()) {
        let _ = dataset_from_json(&v.to_string());
    }

    #[test]
    fn never_panics_on_mutated_dataset(path in 0usize..400, new in arb_json()) {
        let mut v = valid();
        // Replace the n-th node (in a fixed walk order) with an arbitrary value.
        let mut pointers = Vec::new();
        let mut stack = vec![(String::new(), &v)];
        while let Some((p, node)) = stack.pop() {
            match node {
                Value::Object(o) => stack.extend(o.iter().map(|(k, c)| ([p.as_str(), "/", k].concat(), c))),
                Value::Array(a) => stack.extend(a.iter().enumerate().map(|(i, c)| (format!("{p}/{i}"), c))),
                _ => {}
            }
            pointers.push(p);
        }
        let target = pointers[path % pointers.len()].clone();
        *v.pointer_mut(&target).unwrap() = new;
        let _ = load(&v);
    }
}

#[test]
fn empty_references_are_reported_not_skipped() {
    let p = problems(|v| {
        set(v, "/markets/0/region", serde_json::json!(""));
        set(
            v,
            "/programs/0/rule",
            serde_json::json!([{"kind": "sector", "anyOf": [""]}]),
        );
    });
    let got: Vec<(&str, &str)> = p.iter().map(|p| (p.path.as_str(), p.kind.key())).collect();
    assert!(got.contains(&("$.markets[0].region", "empty")), "{got:?}");
    assert!(got.contains(&("$.programs[0].rule[0].anyOf[0]", "empty")), "{got:?}");
}

#[test]
fn a_negative_value_where_only_positive_is_allowed_gets_the_positive_hint() {
    let p = problems(|v| set(v, "/markets/0/distanceKm/value", serde_json::json!(-5)));
    one(&p, "$.markets[0].distanceKm.value", "negative");
    assert_eq!(p[0].hint, "use a positive number");
}

// ---- price year, exchange rates, Korea's actual exports, the plan's scope ----------

/// A record of Korea's actual exports, for the valid dataset's first market.
fn actual(sectors: &[&str], value: f64) -> Value {
    json!({"sectors": sectors, "value": value, "unit": "USD", "source": "KHIDI", "year": 2023})
}

#[test]
fn price_year_needs_its_exchange_rate() {
    let p = problems(|v| set(v, "/priceYear", json!(2025)));
    one(&p, "$.exchangeRates", "incomplete");
    assert!(p[0].message.contains("no rate for the price year 2025"), "{p:#?}");
    assert!(p[0].hint.contains("priceYear"), "{p:#?}");
    // With a rate for that year it loads, and amounts are converted at it.
    let mut v = valid();
    set(&mut v, "/priceYear", json!(2025));
    v["exchangeRates"]
        .as_array_mut()
        .unwrap()
        .push(json!({"year": 2025, "krwPerUsd": {"value": 1421.97, "unit": "KRW/USD", "source": "BOK", "year": 2025}}));
    let ds = load(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(ds.exchange_rate.krw_per_usd.value, 1421.97);
    // The same year twice is a duplicate.
    let p = problems(|v| {
        let again = v["exchangeRates"][0].clone();
        v["exchangeRates"].as_array_mut().unwrap().push(again);
    });
    one(&p, "$.exchangeRates[1].year", "duplicate");
    let p = problems(|v| remove(v, "/exchangeRates/0/krwPerUsd/source"));
    one(&p, "$.exchangeRates[0].krwPerUsd.source", "unsourced");
}

#[test]
fn projection_years_and_price_year_are_checked() {
    let p = problems(|v| set(v, "/projectionYears", json!(0)));
    one(&p, "$.projectionYears", "range");
    let p = problems(|v| set(v, "/projectionYears", json!(2.5)));
    one(&p, "$.projectionYears", "type");
    let p = problems(|v| remove(v, "/priceYear"));
    one(&p, "$.priceYear", "missing");
}

#[test]
fn korea_exports_records_name_known_sectors_once() {
    let mut v = valid();
    v["markets"][0]["koreaExports"] = json!([actual(&["devices"], 3.0e6), actual(&["devices", "services"], 5.0e6)]);
    let ds = load(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(ds.markets[0].korea_exports.len(), 2);
    assert_eq!(ds.markets[0].own_exports_for("devices").map(|f| f.value), Some(3.0e6));
    assert_eq!(
        ds.markets[0].own_exports_for("services"),
        None,
        "a pooled record anchors no one sector"
    );
    let p = problems(|v| v["markets"][0]["koreaExports"] = json!([actual(&["x-ray"], 1.0)]));
    one(&p, "$.markets[0].koreaExports[0].sectors[0]", "unknownSector");
    let p =
        problems(|v| v["markets"][0]["koreaExports"] = json!([actual(&["devices"], 1.0), actual(&["devices"], 2.0)]));
    one(&p, "$.markets[0].koreaExports[1].sectors", "duplicate");
    let p = problems(|v| v["markets"][0]["koreaExports"] = json!([actual(&[], 1.0)]));
    one(&p, "$.markets[0].koreaExports[0].sectors", "empty");
    let p = problems(|v| v["markets"][0]["koreaExports"] = json!([actual(&["devices"], -1.0)]));
    one(&p, "$.markets[0].koreaExports[0].value", "negative");
}

#[test]
fn sector_export_figures_are_required_and_the_plan_scope_names_known_sectors() {
    let p = problems(|v| remove(v, "/sectors/0/koreaExportsUsd"));
    one(&p, "$.sectors[0].koreaExportsUsd", "missing");
    let p = problems(|v| set(v, "/sectors/1/koreaExportsKrw/value", json!(-5.0)));
    one(&p, "$.sectors[1].koreaExportsKrw.value", "negative");
    let p = problems(|v| v["plan"]["scopeSectors"] = json!(["services", "dentistry"]));
    one(&p, "$.plan.scopeSectors[1]", "unknownSector");
    let mut v = valid();
    v["plan"]["scopeSectors"] = json!(["services"]);
    v["plan"]["reached"] = json!([{"label": {"ko": "진료수입", "en": "Revenue"}, "value": 6.4e11, "unit": "KRW", "source": "MOHW", "year": 2017}]);
    let ds = load(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(ds.plan.scope_sectors, vec!["services".to_owned()]);
    assert_eq!(ds.plan.reached[0].figure.year, Some(2017));
    let p = problems(|v| {
        v["plan"]["reached"] = json!([{"label": {"ko": "a", "en": "a"}, "value": 1.0, "unit": "KRW", "year": 2017}])
    });
    one(&p, "$.plan.reached[0].source", "unsourced");
}

// ---- SME tables and programme status dates ----

#[test]
fn sme_tables_each_with_id_date_and_bounds() {
    // A second table with its own values loads; the engine picks by date.
    let mut v = valid();
    let mut t2 = v["sme"]["tables"][0].clone();
    t2["id"] = json!("t2");
    t2["effective"] = json!("2025-09-01");
    t2["rows"][0]["smallMaxKrw"] = fig(1.4e10, "KRW");
    v["sme"]["tables"].as_array_mut().unwrap().push(t2.clone());
    let ds = load(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(ds.sme_table("2025-08-31").map(|t| t.id.as_str()), Some("t1"));
    assert_eq!(ds.sme_table("2025-09-01").map(|t| t.id.as_str()), Some("t2"));
    assert_eq!(
        ds.sme_table("2020-01-01").map(|t| t.id.as_str()),
        Some("t1"),
        "before every table: the earliest"
    );
    assert_eq!(
        ds.sme_row("devices", "2026-12-01").map(|r| r.small_max_krw.value),
        Some(1.4e10)
    );
    // Two tables in force from the same day, or with the same id: duplicate.
    let p = problems(|v| {
        let mut t = v["sme"]["tables"][0].clone();
        t["id"] = json!("t9");
        v["sme"]["tables"].as_array_mut().unwrap().push(t);
    });
    one(&p, "$.sme.tables[1].effective", "duplicate");
    let p = problems(|v| {
        let mut t = v["sme"]["tables"][0].clone();
        t["effective"] = json!("2025-09-01");
        v["sme"]["tables"].as_array_mut().unwrap().push(t);
    });
    one(&p, "$.sme.tables[1].id", "duplicate");
    // No table at all, an unsourced ceiling, no grace period.
    let p = problems(|v| set(v, "/sme/tables", json!([])));
    one(&p, "$.sme.tables", "empty");
    let p = problems(|v| {
        v["sme"]["tables"][0]["rows"][0]["smallMaxKrw"] = json!({"value": 1.4e10, "unit": "KRW"});
    });
    one(&p, "$.sme.tables[0].rows[0].smallMaxKrw.source", "unsourced");
    let p = problems(|v| remove(v, "/sme/gracePeriodYears"));
    one(&p, "$.sme.gracePeriodYears", "missing");
    // The old single table is not read any more.
    let p = problems(|v| {
        let t = v["sme"]["tables"][0].clone();
        remove(v, "/sme/tables");
        v["sme"]["table"] = t;
    });
    one(&p, "$.sme.tables", "missing");
}

#[test]
fn every_programme_says_when_its_status_was_checked() {
    let p = problems(|v| remove(v, "/programs/1/statusChecked"));
    one(&p, "$.programs[1].statusChecked", "missing");
    let p = problems(|v| set(v, "/programs/0/statusChecked", json!("Dec 2026")));
    one(&p, "$.programs[0].statusChecked", "date");
    assert_eq!(p[0].hint, "write the date as YYYY-MM-DD, e.g. 2025-03-31");
    let p = problems(|v| set(v, "/programs/0/statusChecked", json!(20261201)));
    one(&p, "$.programs[0].statusChecked", "type");
}

// ---- the pair-level ease, the demand proxy and the age rule ----

#[test]
fn goods_trade_health_expenditure_proxy_and_age_rule_load_and_are_checked() {
    let mut v = valid();
    v["koreaWorldGoodsShare"] = fig(0.0269, "share");
    v["method"]["maxFigureAgeYears"] = fig(5.0, "years");
    v["sectors"][0]["demandFromHealthSpending"] = fig(0.0351, "share");
    v["markets"][0]["healthExpenditureUsd"] = fig(6.07e10, "USD");
    v["markets"][0]["goodsTrade"] = json!({
        "koreaExportsUsd": fig(6.1e9, "USD"),
        "importsUsd": fig(2.074e11, "USD")
    });
    // With a proxy, a market may leave the sector out of its demand list.
    v["markets"][0]["demand"].as_array_mut().unwrap().remove(0);
    let ds = load(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    let sa = ds.market("SA").unwrap();
    assert_eq!(sa.goods_trade.as_ref().map(|g| g.imports_usd.value), Some(2.074e11));
    assert_eq!(sa.health_expenditure_usd.as_ref().map(|h| h.value), Some(6.07e10));
    assert_eq!(ds.korea_world_goods_share.as_ref().map(|f| f.value), Some(0.0269));
    assert_eq!(ds.method.max_figure_age_years.as_ref().map(|f| f.value), Some(5.0));
    assert!(sa.demand_for("devices").is_none());

    // Each new record's mistakes are reported at their path.
    let p = problems(|v| v["markets"][0]["goodsTrade"] = json!({"koreaExportsUsd": fig(1.0, "USD")}));
    one(&p, "$.markets[0].goodsTrade.importsUsd", "missing");
    let p = problems(|v| {
        v["markets"][0]["goodsTrade"] = json!({"koreaExportsUsd": fig(1.0, "USD"), "importsUsd": fig(0.0, "USD")})
    });
    one(&p, "$.markets[0].goodsTrade.importsUsd.value", "range");
    let p = problems(|v| v["sectors"][0]["demandFromHealthSpending"] = fig(1.5, "share"));
    one(&p, "$.sectors[0].demandFromHealthSpending.value", "range");
    let p = problems(|v| v["markets"][1]["healthExpenditureUsd"] = fig(-1.0, "USD"));
    one(&p, "$.markets[1].healthExpenditureUsd.value", "negative");
    let p = problems(|v| v["koreaWorldGoodsShare"] = json!({"value": 0.03, "unit": "share"}));
    one(&p, "$.koreaWorldGoodsShare.source", "unsourced");
    // Without a proxy, a missing demand entry is still incomplete.
    let p = problems(|v| {
        v["markets"][0]["demand"].as_array_mut().unwrap().remove(0);
    });
    one(&p, "$.markets[0].demand", "incomplete");
}

// ---- entry routes ----

fn route() -> Value {
    json!({
        "id": "SA-devices", "market": "SA", "sectors": ["devices"], "verified": true,
        "regulator": {"ko": "사우디 식약청(SFDA)", "en": "SFDA"},
        "route": {"ko": "판매허가", "en": "Marketing authorisation"},
        "localRepresentative": "required",
        "steps": [{"text": {"ko": "신청", "en": "Apply"}, "kind": "application", "paidBy": ["voucher"]}],
        "documents": [{"ko": "ISO 13485", "en": "ISO 13485"}],
        "reviewMonths": {"min": 3, "max": 6, "source": "KHIDI", "year": 2025},
        "fees": [{"label": {"ko": "수수료", "en": "Fee"}, "value": 5200, "unit": "SAR", "source": "KOTRA", "year": 2015}],
        "validity": null,
        "askAt": {"ko": "KOTRA 리야드 무역관", "en": "KOTRA Riyadh"},
        "source": "KHIDI 5640", "checked": "2026-12-04"
    })
}

#[test]
fn entry_routes_load_and_every_bad_field_is_reported_at_its_path() {
    let mut v = valid();
    v["entryRoutes"] = json!([route()]);
    let ds = load(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    let r = ds.entry_route("SA", "devices").unwrap();
    assert_eq!(r.review_months.as_ref().map(|m| (m.min, m.max)), Some((3.0, 6.0)));
    assert_eq!(r.steps[0].paid_by, ["voucher"]);
    assert!(ds.entry_route("SA", "services").is_none());

    let with = |f: &dyn Fn(&mut Value)| {
        problems(|v| {
            let mut r = route();
            f(&mut r);
            v["entryRoutes"] = json!([r]);
        })
    };
    one(
        &with(&|r| r["market"] = json!("XX")),
        "$.entryRoutes[0].market",
        "unknownMarket",
    );
    one(
        &with(&|r| r["sectors"] = json!(["dentistry"])),
        "$.entryRoutes[0].sectors[0]",
        "unknownSector",
    );
    one(
        &with(&|r| r["steps"][0]["paidBy"] = json!(["grant"])),
        "$.entryRoutes[0].steps[0].paidBy[0]",
        "unknownProgram",
    );
    one(
        &with(&|r| r["steps"][0]["kind"] = json!("lunch")),
        "$.entryRoutes[0].steps[0].kind",
        "unknownKind",
    );
    one(
        &with(&|r| r["localRepresentative"] = json!("maybe")),
        "$.entryRoutes[0].localRepresentative",
        "unknownKind",
    );
    one(
        &with(&|r| r["reviewMonths"]["max"] = json!(2)),
        "$.entryRoutes[0].reviewMonths.max",
        "range",
    );
    one(
        &with(&|r| r["reviewMonths"]["min"] = json!(-1)),
        "$.entryRoutes[0].reviewMonths.min",
        "negative",
    );
    one(
        &with(&|r| r["reviewMonths"] = json!({"min": 1, "max": 2})),
        "$.entryRoutes[0].reviewMonths.source",
        "unsourced",
    );
    one(
        &with(&|r| r["fees"][0] = json!({"label": {"ko": "a", "en": "a"}, "value": 1, "unit": "SAR"})),
        "$.entryRoutes[0].fees[0].source",
        "unsourced",
    );
    one(
        &with(&|r| r["checked"] = json!("Dec 2026")),
        "$.entryRoutes[0].checked",
        "date",
    );
    one(
        &with(&|r| {
            r.as_object_mut().unwrap().remove("askAt");
        }),
        "$.entryRoutes[0].askAt",
        "missing",
    );
    // Two routes for one market and sector: duplicate.
    let p = problems(|v| {
        let mut second = route();
        second["id"] = json!("SA-devices-2");
        v["entryRoutes"] = json!([route(), second]);
    });
    one(&p, "$.entryRoutes[1].sectors[0]", "duplicate");
}
