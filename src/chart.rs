//! Canvas charts (wasm32 only): the potential band year by year and the market ranking, drawn
//! with plotters on the element's own canvas objects (ids do not reach into a shadow root).
//!
//! The charts draw from a result `estimate()` returned (the page passes the object it shows),
//! read through the model's serde names; nothing is estimated again here.
//!
//! `canvas::Canvas` sizes the backing store to CSS size x devicePixelRatio; everything here is
//! in device pixels and scaled by `dpr` (fonts, margins, strokes), because the canvas does not.
//! Layout is done here rather than by plotters' ChartBuilder and legends, whose text measuring
//! goes through the host page (see `canvas.rs`); text is measured by the backend, with the
//! canvas's own `measureText`.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::amount::{format_krw_short, round_significant};
use crate::canvas::Canvas;
use crate::error::Lang;
use crate::model::{RankedMarket, YearPotential};

/// The part of a result (`model::Estimate`, as `estimate()` returned it) the charts draw.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Drawn {
    potential: Series,
    ranking: Vec<RankedMarket>,
}

/// `model::Potential`'s years and the firm's exports to the market.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Series {
    years: Vec<YearPotential>,
    exports_to_market_krw: Option<f64>,
}

/// Drawing options from JS: `{dpr, lang, font, colors: {text, muted, grid, primary, band, reference, highlight, bar}}`.
struct Style {
    dpr: f64,
    lang: Lang,
    font: String,
    text: RGBColor,
    muted: RGBColor,
    grid: RGBColor,
    primary: RGBColor,
    band: RGBColor,
    reference: RGBColor,
    highlight: RGBColor,
    bar: RGBColor,
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Parses "#rgb", "#rrggbb", "rgb(r, g, b)" and "rgba(r, g, b, a)"; anything else is `fallback`.
fn parse_color(value: &JsValue, fallback: RGBColor) -> RGBColor {
    let Some(s) = value.as_string() else { return fallback };
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        let digits: Vec<u8> = hex.chars().filter_map(|c| c.to_digit(16)).map(|d| d as u8).collect();
        return match digits.as_slice() {
            [r, g, b] if hex.len() == 3 => RGBColor(r * 17, g * 17, b * 17),
            [r1, r2, g1, g2, b1, b2] if hex.len() == 6 => RGBColor(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2),
            _ => fallback,
        };
    }
    let inner = s
        .strip_prefix("rgba(")
        .or_else(|| s.strip_prefix("rgb("))
        .and_then(|r| r.strip_suffix(')'));
    let Some(inner) = inner else { return fallback };
    // Computed styles give integer channels ("rgb(37, 110, 244)"); the fraction of a channel
    // is ignored, which also keeps float parsing out of the bundle.
    let channel = |p: &str| -> Option<u8> {
        let whole = p.trim().split('.').next()?;
        let n: u32 = whole.parse().ok()?;
        Some(n.min(255) as u8)
    };
    let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty()).map(channel);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(r)), Some(Some(g)), Some(Some(b))) => RGBColor(r, g, b),
        _ => fallback,
    }
}

fn style_from(options: &JsValue) -> Style {
    let dpr = get(options, "dpr")
        .as_f64()
        .filter(|d| d.is_finite() && *d > 0.0)
        .unwrap_or(1.0)
        .min(4.0);
    let lang = match get(options, "lang").as_string().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Ko,
    };
    let font = get(options, "font")
        .as_string()
        .filter(|f| !f.is_empty() && f.len() < 300)
        .unwrap_or_else(|| String::from("sans-serif"));
    let colors = get(options, "colors");
    let c = |key: &str, fallback: RGBColor| parse_color(&get(&colors, key), fallback);
    Style {
        dpr,
        lang,
        font,
        text: c("text", RGBColor(0x1e, 0x21, 0x24)),
        muted: c("muted", RGBColor(0x58, 0x61, 0x6a)),
        grid: c("grid", RGBColor(0xcd, 0xd1, 0xd5)),
        primary: c("primary", RGBColor(0x25, 0x6e, 0xf4)),
        band: c("band", RGBColor(0xb1, 0xce, 0xfb)),
        reference: c("reference", RGBColor(0xd6, 0x3d, 0x4a)),
        highlight: c("highlight", RGBColor(0x25, 0x6e, 0xf4)),
        bar: c("bar", RGBColor(0x8a, 0x94, 0x9e)),
    }
}

fn px(st: &Style, css: f64) -> i32 {
    (css * st.dpr).round() as i32
}

/// A font of `css_size` CSS pixels. `FontFamily::Name` directly: converting from `&str` lower-cases
/// the name, which pulls Unicode case tables into the bundle.
fn font<'a>(st: &'a Style, css_size: f64, color: &'a RGBColor) -> TextStyle<'a> {
    font_styled(st, css_size, FontStyle::Normal, color)
}

fn font_styled<'a>(st: &'a Style, css_size: f64, style: FontStyle, color: &'a RGBColor) -> TextStyle<'a> {
    TextStyle::from(FontDesc::new(
        FontFamily::Name(&st.font),
        (css_size * st.dpr).round(),
        style,
    ))
    .color(color)
}

fn anchored<'a>(style: TextStyle<'a>, h: HPos, v: VPos) -> TextStyle<'a> {
    style.pos(Pos::new(h, v))
}

/// Text width in device pixels, measured by the backend (the canvas's own `measureText`).
fn text_width(root: &Area, st: &Style, css_size: f64, text: &str) -> f64 {
    root.estimate_text_size(text, &font(st, css_size, &st.text))
        .map_or(0.0, |(w, _)| f64::from(w))
}

/// Chart text size in CSS pixels: readable on phones, same as the widget's small text.
const TEXT: f64 = 13.0;

/// A round axis maximum and step: 1, 2 or 5 x 10^k, about `ticks` steps.
fn nice_scale(max: f64, ticks: u32) -> (f64, f64) {
    if !(max.is_finite() && max > 0.0) {
        return (1.0, 0.25);
    }
    let raw = max / f64::from(ticks.max(1));
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// Amounts on axes and bars: three significant digits, like the widget's estimates.
fn axis_label(value: f64, lang: Lang) -> String {
    format_krw_short(round_significant(crate::engine::to_won(value), 3), lang)
}

/// Drawing on a canvas fails only when the context is lost; the details add nothing for a user.
fn draw_err<E>(_: E) -> JsValue {
    JsValue::from_str("chart: drawing failed")
}

/// `drawPotentialChart(canvas, result, options)`: the band (low..high) and base value per year,
/// with the firm's current exports to the market as a reference line.
#[wasm_bindgen(js_name = drawPotentialChart)]
pub fn draw_potential_chart(canvas: HtmlCanvasElement, result: JsValue, options: JsValue) -> Result<(), JsValue> {
    draw(canvas, result, &options, potential_chart)
}

type Area = DrawingArea<Canvas, plotters::coord::Shift>;
type DrawResult = Result<(), DrawingAreaErrorKind<crate::canvas::CanvasError>>;

/// Reads the result, sizes and clears the canvas and hands a chart its area, size and style.
/// A canvas that is not laid out (hidden) is left alone.
fn draw(
    canvas: HtmlCanvasElement,
    result: JsValue,
    options: &JsValue,
    chart: fn(&Area, (i32, i32), &Style, &Drawn) -> DrawResult,
) -> Result<(), JsValue> {
    let drawn: Drawn = serde_wasm_bindgen::from_value(result)?;
    let st = style_from(options);
    let Some(backend) = Canvas::new(canvas, st.dpr) else {
        return Ok(());
    };
    let root = backend.into_drawing_area();
    let (w, h) = root.dim_in_pixel();
    let size = (
        i32::try_from(w).unwrap_or(i32::MAX),
        i32::try_from(h).unwrap_or(i32::MAX),
    );
    root.fill(&WHITE)
        .and_then(|()| chart(&root, size, &st, &drawn))
        .and_then(|()| root.present())
        .map_err(draw_err)
}

fn potential_chart(root: &Area, (w, h): (i32, i32), st: &Style, r: &Drawn) -> DrawResult {
    let years = &r.potential.years;
    let reference = r.potential.exports_to_market_krw;
    let top_value = years.iter().map(|y| y.high_krw).chain(reference).fold(0.0f64, f64::max);
    let (y_max, step) = nice_scale(top_value, 4);
    let labels: Vec<(f64, String)> = (0..=4)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= y_max + step * 0.01)
        .map(|v| (v, axis_label(v, st.lang)))
        .collect();
    let label_w = labels
        .iter()
        .map(|(_, l)| text_width(root, st, TEXT, l))
        .fold(0.0, f64::max);
    let left = label_w.round() as i32 + px(st, 14.0);
    // The last year's label is centred on the last point: leave room for half of it.
    let last_label_w = years
        .last()
        .map_or(0.0, |y| text_width(root, st, TEXT, &y.year.to_string()));
    let right = (last_label_w / 2.0).round() as i32 + px(st, 10.0);
    // The legend wraps on narrow charts: measure its rows first.
    let legend = legend_items(st, reference.is_some());
    let legend_rows = legend_layout(root, st, &legend, left, w - px(st, 8.0));
    let rows = legend_rows.iter().map(|(_, _, row)| *row).max().unwrap_or(0) + 1;
    let top = px(st, 14.0) + (rows as i32) * px(st, 20.0);
    let bottom = px(st, 30.0);
    let plot_w = (w - left - right).max(1);
    let plot_h = (h - top - bottom).max(1);
    let n = years.len().max(1);
    let x_of = |i: usize| -> i32 {
        if n <= 1 {
            left + plot_w / 2
        } else {
            left + ((i as f64) * f64::from(plot_w) / ((n - 1) as f64)).round() as i32
        }
    };
    let y_of = |v: f64| -> i32 { top + plot_h - ((v / y_max).clamp(0.0, 1.0) * f64::from(plot_h)).round() as i32 };

    // Grid and y labels.
    for (v, label) in &labels {
        let y = y_of(*v);
        root.draw(&PathElement::new(
            vec![(left, y), (left + plot_w, y)],
            st.grid.stroke_width(px(st, 1.0).max(1) as u32),
        ))?;
        root.draw_text(
            label,
            &anchored(font(st, TEXT, &st.muted), HPos::Right, VPos::Center),
            (left - px(st, 6.0), y),
        )?;
    }
    // X labels: every year if they fit, else every other.
    let every = if f64::from(plot_w) / (n as f64) < 40.0 * st.dpr {
        2
    } else {
        1
    };
    for (i, y) in years.iter().enumerate() {
        // Counted back from the last year, so the last year is always labelled and never crowded.
        if (n - 1 - i).is_multiple_of(every) {
            root.draw_text(
                &y.year.to_string(),
                &anchored(font(st, TEXT, &st.muted), HPos::Center, VPos::Top),
                (x_of(i), top + plot_h + px(st, 8.0)),
            )?;
        }
    }
    // Band.
    if n > 1 {
        let mut band: Vec<(i32, i32)> = years
            .iter()
            .enumerate()
            .map(|(i, y)| (x_of(i), y_of(y.high_krw)))
            .collect();
        band.extend(years.iter().enumerate().rev().map(|(i, y)| (x_of(i), y_of(y.low_krw))));
        root.draw(&Polygon::new(band, st.band.mix(0.55).filled()))?;
    } else if let Some(y) = years.first() {
        let x = x_of(0);
        root.draw(&Rectangle::new(
            [
                (x - px(st, 12.0), y_of(y.high_krw)),
                (x + px(st, 12.0), y_of(y.low_krw)),
            ],
            st.band.mix(0.55).filled(),
        ))?;
    }
    // Base line and points.
    let base: Vec<(i32, i32)> = years
        .iter()
        .enumerate()
        .map(|(i, y)| (x_of(i), y_of(y.base_krw)))
        .collect();
    root.draw(&PathElement::new(
        base.clone(),
        st.primary.stroke_width(px(st, 2.5).max(1) as u32),
    ))?;
    for p in &base {
        root.draw(&Circle::new(*p, px(st, 3.5), st.primary.filled()))?;
    }
    // Reference line: current exports to the market, dashed.
    if let Some(v) = reference {
        let y = y_of(v);
        let (dash, gap) = (px(st, 6.0).max(2), px(st, 4.0).max(1));
        let mut x = left;
        while x < left + plot_w {
            let end = (x + dash).min(left + plot_w);
            root.draw(&PathElement::new(
                vec![(x, y), (end, y)],
                st.reference.stroke_width(px(st, 2.0).max(1) as u32),
            ))?;
            x = end + gap;
        }
    }
    // Axis line.
    root.draw(&PathElement::new(
        vec![(left, top + plot_h), (left + plot_w, top + plot_h)],
        st.text.stroke_width(px(st, 1.0).max(1) as u32),
    ))?;
    // Legend, in the rows measured above.
    let sw = px(st, 16.0);
    for ((label, color, filled), (x, _, row)) in legend.iter().zip(&legend_rows) {
        let ly = px(st, 12.0) + (*row as i32) * px(st, 20.0);
        if *filled {
            root.draw(&Rectangle::new(
                [(*x, ly - px(st, 6.0)), (*x + sw, ly + px(st, 6.0))],
                color.mix(0.55).filled(),
            ))?;
        } else {
            root.draw(&PathElement::new(
                vec![(*x, ly), (*x + sw, ly)],
                color.stroke_width(px(st, 3.0).max(1) as u32),
            ))?;
        }
        root.draw_text(
            label,
            &anchored(font(st, TEXT, &st.text), HPos::Left, VPos::Center),
            (*x + sw + px(st, 6.0), ly),
        )?;
    }
    Ok(())
}

/// The legend's entries: label, colour, and whether it is a filled swatch (the band).
fn legend_items(st: &Style, with_reference: bool) -> Vec<(&'static str, RGBColor, bool)> {
    let mut items = vec![
        (st.lang.pick("기준 잠재력", "Base potential"), st.primary, false),
        (st.lang.pick("범위(하한~상한)", "Range (low to high)"), st.band, true),
    ];
    if with_reference {
        items.push((
            st.lang.pick("현재 해당 시장 수출", "Current exports to market"),
            st.reference,
            false,
        ));
    }
    items
}

/// Places legend entries left to right from `left`, wrapping before `right`: (x, width, row).
fn legend_layout(
    root: &Area,
    st: &Style,
    items: &[(&str, RGBColor, bool)],
    left: i32,
    right: i32,
) -> Vec<(i32, i32, usize)> {
    let mut out = Vec::with_capacity(items.len());
    let (mut x, mut row) = (left, 0);
    for (label, _, _) in items {
        let width = px(st, 22.0) + text_width(root, st, TEXT, label).round() as i32;
        if x > left && x + width > right {
            x = left;
            row += 1;
        }
        out.push((x, width, row));
        x += width + px(st, 16.0);
    }
    out
}

/// `drawRankingChart(canvas, result, options)`: every market's base potential for this firm as
/// horizontal bars, largest first, the chosen market highlighted; a thin line shows each band.
#[wasm_bindgen(js_name = drawRankingChart)]
pub fn draw_ranking_chart(canvas: HtmlCanvasElement, result: JsValue, options: JsValue) -> Result<(), JsValue> {
    draw(canvas, result, &options, ranking_chart)
}

fn ranking_chart(root: &Area, (w, h): (i32, i32), st: &Style, r: &Drawn) -> DrawResult {
    let rows = &r.ranking;
    let n = rows.len().max(1) as i32;
    let name_w = rows
        .iter()
        .map(|m| text_width(root, st, TEXT, &m.name))
        .fold(0.0, f64::max);
    let value_labels: Vec<String> = rows.iter().map(|m| axis_label(m.base_krw, st.lang)).collect();
    let value_w = value_labels
        .iter()
        .map(|l| text_width(root, st, TEXT, l))
        .fold(0.0, f64::max);
    let left = name_w.round() as i32 + px(st, 12.0);
    let right = value_w.round() as i32 + px(st, 12.0);
    let top = px(st, 6.0);
    let bottom = px(st, 6.0);
    let plot_w = (w - left - right).max(1);
    let row_h = ((h - top - bottom) / n).max(1);
    let max = rows.iter().map(|m| m.high_krw.max(m.base_krw)).fold(0.0f64, f64::max);
    let x_of = |v: f64| -> i32 {
        if max > 0.0 {
            left + ((v / max).clamp(0.0, 1.0) * f64::from(plot_w)).round() as i32
        } else {
            left
        }
    };
    for (i, (m, label)) in rows.iter().zip(&value_labels).enumerate() {
        let y0 = top + (i as i32) * row_h;
        let mid = y0 + row_h / 2;
        let bar_h = (row_h * 6 / 10).max(1);
        let color = if m.selected { st.highlight } else { st.bar };
        let name_color = if m.selected { st.text } else { st.muted };
        let mut name_font = font(st, TEXT, &name_color);
        if m.selected {
            name_font = font_styled(st, TEXT, FontStyle::Bold, &name_color);
        }
        root.draw_text(
            &m.name,
            &anchored(name_font, HPos::Right, VPos::Center),
            (left - px(st, 8.0), mid),
        )?;
        let x1 = x_of(m.base_krw).max(left + 1);
        root.draw(&Rectangle::new(
            [(left, mid - bar_h / 2), (x1, mid + bar_h / 2)],
            color.filled(),
        ))?;
        let (lo, hi) = (x_of(m.low_krw), x_of(m.high_krw));
        root.draw(&PathElement::new(
            vec![(lo, mid), (hi, mid)],
            st.text.stroke_width(px(st, 1.0).max(1) as u32),
        ))?;
        root.draw_text(
            label,
            &anchored(font(st, TEXT, &st.text), HPos::Left, VPos::Center),
            (hi.max(x1) + px(st, 6.0), mid),
        )?;
    }
    root.draw(&PathElement::new(
        vec![(left, top), (left, top + n * row_h)],
        st.text.stroke_width(px(st, 1.0).max(1) as u32),
    ))?;
    Ok(())
}
