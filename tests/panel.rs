//! The reference panel's outcomes are pinned (`tests/data/panel-outcomes.csv`): any change of
//! SME size or table, newer-table hint, potential (to the won), market rank, best market or
//! program outcome of any panel firm (`data/panel.csv`) fails here, listing firm, field, before
//! and after. After reviewing the difference, regenerate with
//! `UPDATE_PANEL=1 cargo test --test panel`.

use sme_export::builtin::dataset as default_dataset;
use sme_export::dataset::Dataset;
use sme_export::error::Lang;
use sme_export::load::dataset_from_json;
use sme_export::panel::{compare, diff, outcomes, outcomes_csv, read_outcomes, read_panel, ChangeKind, PanelFirm};

const PANEL: &str = include_str!("../data/panel.csv");
const PINNED_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/panel-outcomes.csv");
const REGENERATE: &str = "UPDATE_PANEL=1 cargo test --test panel";

fn panel() -> Vec<PanelFirm> {
    read_panel(PANEL).unwrap_or_else(|e| panic!("data/panel.csv: {e}"))
}

fn default_ds() -> Dataset {
    default_dataset()
}

/// The default dataset's JSON with one edit applied to its value tree.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Dataset {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../data/dataset.json")).unwrap_or_else(|e| panic!("dataset.json: {e}"));
    edit(&mut v);
    dataset_from_json(&v.to_string()).unwrap_or_else(|p| panic!("edited dataset must load: {p:#?}"))
}

/// The cells that differ between the pinned artefact and the outcomes under `ds`, as the
/// failure message lists them.
fn differences(ds: &Dataset) -> Vec<sme_export::panel::CellChange> {
    let pinned_text = std::fs::read_to_string(PINNED_PATH)
        .unwrap_or_else(|e| panic!("{PINNED_PATH}: {e}; create it with `{REGENERATE}`"));
    let pinned = read_outcomes(&pinned_text).unwrap_or_else(|e| panic!("{PINNED_PATH}: {e}"));
    let fresh = read_outcomes(&outcomes_csv(&outcomes(&panel(), ds))).unwrap_or_else(|e| panic!("fresh outcomes: {e}"));
    diff(&pinned, &fresh)
}

#[test]
fn the_panel_is_a_few_hundred_valid_firms_covering_every_sector_market_and_day() {
    let firms = panel();
    let ds = default_ds();
    assert!((250..=400).contains(&firms.len()), "{} firms", firms.len());
    for s in &ds.sectors {
        for m in &ds.markets {
            assert!(
                firms.iter().any(|f| f.input.sector == s.id && f.input.market == m.id),
                "no firm in {} x {}",
                s.id,
                m.id
            );
        }
    }
    for day in ["2025-08-31", "2025-09-01", "2026-12-01"] {
        assert!(
            firms.iter().any(|f| f.input.today.as_deref() == Some(day)),
            "no firm on {day}"
        );
    }
    assert!(firms.iter().any(|f| f.input.medical_corporation == Some(true)));
    // Every panel firm is accepted by the default dataset: an error row would pin nothing.
    for o in outcomes(&firms, &ds) {
        assert!(o.outcome.is_ok(), "{}: {:?}", o.id, o.outcome);
    }
}

#[test]
fn the_pinned_outcomes_are_what_the_engine_gives_today() {
    let ds = default_ds();
    if std::env::var_os("UPDATE_PANEL").is_some() {
        std::fs::write(PINNED_PATH, outcomes_csv(&outcomes(&panel(), &ds)))
            .unwrap_or_else(|e| panic!("{PINNED_PATH}: {e}"));
        eprintln!("wrote {PINNED_PATH}: review it with `git diff tests/data/panel-outcomes.csv`");
        return;
    }
    let changes = differences(&ds);
    if !changes.is_empty() {
        let mut message = format!(
            "{} pinned outcomes of the reference panel differ (firm, field, before -> after):\n",
            changes.len()
        );
        for c in changes.iter().take(200) {
            message.push_str(&format!("  {}  {}  {:?} -> {:?}\n", c.firm, c.field, c.before, c.after));
        }
        if changes.len() > 200 {
            message.push_str(&format!("  ... and {} more\n", changes.len() - 200));
        }
        message.push_str(&format!(
            "If every change is intended, regenerate the artefact and commit it with the change:\n  {REGENERATE}\n"
        ));
        panic!("{message}");
    }
}

#[test]
fn the_pinned_outcomes_name_every_sme_size_outcome() {
    // The artefact is only worth pinning if it holds each kind of answer somewhere.
    let text = std::fs::read_to_string(PINNED_PATH).unwrap_or_else(|e| panic!("{PINNED_PATH}: {e}"));
    let pinned = read_outcomes(&text).unwrap_or_else(|e| panic!("{e}"));
    let values = |field: &str| -> Vec<&str> {
        pinned
            .iter()
            .flat_map(|(_, cells)| cells.iter().filter(|(c, _)| c == field).map(|(_, v)| v.as_str()))
            .collect()
    };
    for size in ["small", "medium", "none"] {
        assert!(values("sme_size").contains(&size), "no firm of size {size}");
    }
    // The Export Voucher's competition and co-payment are to confirm, so it is never plainly
    // eligible any more: "eligible" is pinned by the overseas-expansion Act (in force by law).
    for o in ["maybe", "ineligible"] {
        assert!(
            values("program:export_voucher").contains(&o),
            "export_voucher never {o}"
        );
    }
    for o in ["eligible", "ineligible"] {
        assert!(
            values("program:foreign_branch_act").contains(&o),
            "foreign_branch_act never {o}"
        );
    }
    assert!(!values("program:export_voucher").contains(&"eligible"));
    // The ended fund is the plan's history now, not a programme column.
    assert!(values("program:medical_global_fund").is_empty());
    for o in ["eligible", "ineligible"] {
        assert!(values("program:k_vip").contains(&o), "k_vip never {o}");
    }
    for o in ["maybe", "ineligible"] {
        assert!(
            values("program:midsize_export_voucher").contains(&o),
            "midsize_export_voucher never {o}"
        );
    }
    assert!(values("market_rank").contains(&"11"));
}

#[test]
fn a_raised_small_limit_for_devices_fails_the_pinned_test_on_exactly_the_firms_it_moves() {
    // medical_devices: small enterprise up to 80억 -> 100억 in the 2025 table only.
    let ds = edited(|v| {
        v["sme"]["tables"][1]["rows"][0]["smallMaxKrw"]["value"] = serde_json::json!(10_000_000_000u64);
    });
    assert_eq!(ds.sme.tables[1].rows[0].sector, "medical_devices");
    assert_eq!(ds.sme.tables[1].effective, "2025-09-01");
    let changes = differences(&ds);
    let size_changes: Vec<(&str, &str, &str)> = changes
        .iter()
        .filter(|c| c.field == "sme_size")
        .map(|c| (c.firm.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    // One won above 80억 and 100억 itself are small now, from 1 Sep 2025; not the day before.
    for tag in ["S+1", "S+raise"] {
        for day in ["250901", "261201"] {
            let id = format!("T-md-{tag}-{day}");
            assert!(
                size_changes.contains(&(id.as_str(), "medium", "small")),
                "{id} not reported: {size_changes:?}"
            );
        }
        let before = format!("T-md-{tag}-250831");
        assert!(!size_changes.iter().any(|c| c.0 == before), "{size_changes:?}");
    }
    // 100억 + 1 won stays medium; other sectors are untouched; only SME sizes and the
    // programmes that follow them move.
    assert!(
        !size_changes.iter().any(|c| c.0.starts_with("T-md-S+raise+1")),
        "{size_changes:?}"
    );
    assert!(!changes.iter().any(|c| !c.firm.contains("-md-")), "{changes:?}");
    assert!(
        changes
            .iter()
            .all(|c| c.field == "sme_size" || c.field.starts_with("program:")),
        "{changes:?}"
    );
}

#[test]
fn a_changed_demand_figure_is_caught_and_compare_counts_the_firms_it_moves() {
    // Oman's health expenditure, times ten. Oman has no current figure of Korea's exports or of
    // its total trade, and its device, pharmaceutical and digital-health demand is the health-
    // spending proxy: those potentials grow tenfold (the gravity constant is calibrated on the
    // anchored cells, none of them Oman's); medical services (Oman's own figure) do not move.
    let old = default_ds();
    let new = edited(|v| {
        assert_eq!(v["markets"][4]["id"], "OM");
        let h = &mut v["markets"][4]["healthExpenditureUsd"]["value"];
        let x = h.as_f64().unwrap_or_default();
        *h = serde_json::json!(x * 10.0);
    });
    let changes = differences(&new);
    let moved: Vec<&str> = changes
        .iter()
        .filter(|c| c.field == "base_krw")
        .map(|c| c.firm.as_str())
        .collect();
    assert!(moved.contains(&"M-md-OM-ready") && moved.contains(&"M-ph-OM-ready") && moved.contains(&"M-dh-OM-ready"));
    assert!(!moved.iter().any(|f| f.contains("-ms-")), "{moved:?}");
    let rank = |firm: &str| changes.iter().find(|c| c.firm == firm && c.field == "market_rank");
    let om = rank("M-md-OM-ready").unwrap_or_else(|| panic!("Oman's rank for devices moves: {changes:?}"));
    assert!(
        om.after.parse::<u32>().unwrap_or(99) < om.before.parse::<u32>().unwrap_or(0),
        "{om:?}"
    );

    let firms = panel();
    let cmp = compare(&firms, &old, &new, Lang::En);
    assert_eq!(cmp.firms, firms.len());
    let count = |k: ChangeKind| cmp.counts.iter().find(|c| c.kind == k).map_or(0, |c| c.firms);
    let in_om = |sectors: &[&str]| {
        firms
            .iter()
            .filter(|f| {
                sectors.contains(&f.input.sector.as_str()) && f.input.market == "OM" && f.input.revenue_krw > Some(0.0)
            })
            .count()
    };
    // Every devices, pharmaceuticals and digital-health firm targeting OM grows tenfold; none
    // changes SME status or programmes.
    let proxied = in_om(&["medical_devices", "pharmaceuticals", "digital_health"]);
    assert!(proxied >= 6);
    assert_eq!(count(ChangeKind::Potential), proxied, "{:?}", cmp.counts);
    assert_eq!(count(ChangeKind::SmeStatus), 0);
    assert_eq!(count(ChangeKind::Program), 0);
    assert_eq!(count(ChangeKind::Invalid), 0);
    assert!(count(ChangeKind::Ranking) >= proxied, "{:?}", cmp.counts);
    let first = cmp
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Potential)
        .unwrap_or_else(|| panic!("no potential change"));
    assert!(first.relative.is_some_and(|r| (r - 9.0).abs() < 0.01), "{first:?}");
    assert!(
        cmp.summary.contains(&format!("of the {} reference firms", firms.len())),
        "{}",
        cmp.summary
    );
}

#[test]
fn demand_does_not_move_a_potential_anchored_on_actual_exports() {
    // The UAE's device potential is Korea's actual exports there (ITC ease of trade): doubling the
    // UAE's health expenditure (its device demand proxy) leaves it as it is, while doubling the
    // actual exports moves it. The gravity fallback elsewhere is calibrated on the anchored cells,
    // so it moves down.
    let demand = edited(|v| {
        assert_eq!(v["markets"][1]["id"], "AE");
        let h = &mut v["markets"][1]["healthExpenditureUsd"]["value"];
        let x = h.as_f64().unwrap_or_default();
        *h = serde_json::json!(x * 2.0);
    });
    let ae_devices: Vec<String> = panel()
        .iter()
        .filter(|f| f.input.sector == "medical_devices" && f.input.market == "AE")
        .map(|f| f.id.clone())
        .collect();
    assert!(ae_devices.len() >= 2);
    let changes = differences(&demand);
    let moved: Vec<_> = changes
        .iter()
        .filter(|c| ae_devices.contains(&c.firm) && c.field == "base_krw")
        .collect();
    assert!(moved.is_empty(), "{moved:?}");
    let om = changes
        .iter()
        .find(|c| c.firm == "M-md-OM-ready" && c.field == "base_krw")
        .unwrap_or_else(|| panic!("the gravity fallback moves: {changes:?}"));
    assert!(
        om.after.parse::<f64>().unwrap_or(f64::MAX) < om.before.parse::<f64>().unwrap_or(0.0),
        "{om:?}"
    );
    let actual = edited(|v| {
        let x = &mut v["markets"][1]["koreaExports"][0];
        assert_eq!(x["sectors"][0], "medical_devices");
        let value = x["value"].as_f64().unwrap_or_default();
        x["value"] = serde_json::json!(value * 2.0);
    });
    let changes = differences(&actual);
    assert!(changes
        .iter()
        .any(|c| c.firm == "M-md-AE-ready" && c.field == "base_krw"));
}

#[test]
fn the_same_dataset_twice_changes_nothing() {
    let ds = default_ds();
    let cmp = compare(&panel(), &ds, &ds, Lang::Ko);
    assert_eq!(cmp.firms_changed, 0);
    assert!(cmp.changes.is_empty());
    assert!(cmp.counts.iter().all(|c| c.firms == 0));
}

#[test]
fn a_removed_market_makes_its_firms_invalid_not_silently_dropped() {
    let old = default_ds();
    let new = edited(|v| {
        let markets = v["markets"].as_array_mut().unwrap_or_else(|| panic!("markets"));
        markets.retain(|m| m["id"] != "TM");
        let routes = v["entryRoutes"].as_array_mut().unwrap_or_else(|| panic!("entryRoutes"));
        routes.retain(|r| r["market"] != "TM");
        for p in v["programs"].as_array_mut().unwrap_or_else(|| panic!("programs")) {
            for c in p["rule"].as_array_mut().unwrap_or_else(|| panic!("rule")) {
                if let Some(list) = c["anyOf"].as_array_mut() {
                    list.retain(|x| x != "TM");
                }
            }
        }
    });
    let firms = panel();
    let cmp = compare(&firms, &old, &new, Lang::En);
    let tm = firms.iter().filter(|f| f.input.market == "TM").count();
    let invalid = cmp
        .counts
        .iter()
        .find(|c| c.kind == ChangeKind::Invalid)
        .map_or(0, |c| c.firms);
    assert_eq!(invalid, tm);
    assert!(cmp
        .changes
        .iter()
        .any(|c| c.kind == ChangeKind::Invalid && c.field == "error" && c.after == "market:unknown"));
}

#[test]
fn a_broken_panel_is_an_error_naming_the_line() {
    let e = read_panel("id,sector\nx,medical_devices\n")
        .err()
        .unwrap_or_else(|| panic!("accepted"));
    assert!(e.to_string().contains("no column \"revenue\""), "{e}");
    let header = PANEL.lines().next().unwrap_or_default();
    let bad = format!("{header}\nB1,medical_devices,35억,,,,maybe,,,,,SA,2026-12-01,x\n");
    let e = read_panel(&bad).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(e.line, 2);
    assert!(e.to_string().contains("certification: \"maybe\""), "{e}");
}
