//! A plotters drawing backend on a canvas 2D context (wasm32 only).
//!
//! Used instead of plotters-canvas for two reasons, both measured:
//! - plotters-canvas writes every colour and font through `format!` with `f64` values, which
//!   pulls Rust's float formatting (about 14 KB of the optimised Wasm) into the bundle; here
//!   colours are "#rrggbb" plus `globalAlpha` and font sizes are whole pixels;
//! - text measurement falls back to plotters' web font code, which appends a span with a
//!   `style` attribute to the host page's body: a strict CSP (`style-src 'self'`) reports it, and
//!   it touches a page we do not own. Here text is measured by the canvas itself.
//!
//! Coordinates are device pixels; the caller has already sized the backing store by devicePixelRatio.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

/// The canvas had no 2D context or refused a call (context lost). Carries no details on purpose:
/// nothing a user could act on.
#[derive(Debug)]
pub struct CanvasError;

impl core::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("canvas error")
    }
}

impl std::error::Error for CanvasError {}

pub struct Canvas {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
}

impl Canvas {
    pub fn new(ctx: CanvasRenderingContext2d, width: u32, height: u32) -> Self {
        Canvas {
            ctx,
            size: (width, height),
        }
    }

    /// Width of `text` in device pixels at `px` pixels in `family`.
    pub fn text_width(&self, text: &str, px: u32, family: &str) -> f64 {
        self.set_font(px, family, "");
        self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }

    fn set_font(&self, px: u32, family: &str, style: &str) {
        let font = [
            style,
            if style.is_empty() { "" } else { " " },
            &px.to_string(),
            "px ",
            family,
        ]
        .concat();
        set_font(&self.ctx, font);
    }

    fn set_fill(&self, c: BackendColor) {
        self.ctx.set_fill_style_str(&hex(c));
        self.ctx.set_global_alpha(c.alpha.clamp(0.0, 1.0));
    }

    fn set_stroke(&self, c: BackendColor, width: u32) {
        self.ctx.set_stroke_style_str(&hex(c));
        self.ctx.set_global_alpha(c.alpha.clamp(0.0, 1.0));
        self.ctx.set_line_width(f64::from(width.max(1)));
    }
}

thread_local! {
    /// The font last given to a context: the browser parses the font string on every assignment,
    /// which showed up at about a millisecond a keystroke. Forgotten by `forget_font` at the start
    /// of each chart, since another canvas (or a resized one) has its own state.
    static FONT: core::cell::RefCell<String> = const { core::cell::RefCell::new(String::new()) };
}

/// Sets the context's font unless it is already that font.
pub fn set_font(ctx: &CanvasRenderingContext2d, font: String) {
    FONT.with(|last| {
        let mut last = last.borrow_mut();
        if *last != font {
            ctx.set_font(&font);
            *last = font;
        }
    });
}

/// Forgets the font set last (a new chart, maybe on another canvas).
pub fn forget_font() {
    FONT.with(|last| last.borrow_mut().clear());
}

/// "#rrggbb" without formatting machinery.
fn hex(c: BackendColor) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let (r, g, b) = c.rgb;
    let mut s = String::with_capacity(7);
    s.push('#');
    for byte in [r, g, b] {
        for nibble in [byte >> 4, byte & 15] {
            s.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
    s
}

/// Half-pixel offset so 1-pixel horizontal and vertical lines stay sharp.
fn crisp(p: BackendCoord) -> (f64, f64) {
    (f64::from(p.0) + 0.5, f64::from(p.1) + 0.5)
}

type Result<T = ()> = core::result::Result<T, DrawingErrorKind<CanvasError>>;

fn js(r: core::result::Result<(), JsValue>) -> Result {
    r.map_err(|_| DrawingErrorKind::DrawingError(CanvasError))
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.ctx.set_global_alpha(1.0);
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        if color.alpha > 0.0 {
            self.set_fill(color);
            self.ctx.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(ul.0), f64::from(ul.1));
        let (w, h) = (f64::from(br.0 - ul.0), f64::from(br.1 - ul.1));
        if fill {
            self.set_fill(c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(c, style.stroke_width());
            self.ctx.stroke_rect(x + 0.5, y + 0.5, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(c, style.stroke_width());
        self.ctx.set_line_join("round");
        self.ctx.begin_path();
        for (i, p) in path.into_iter().enumerate() {
            let (x, y) = crisp(p);
            if i == 0 {
                self.ctx.move_to(x, y);
            } else {
                self.ctx.line_to(x, y);
            }
        }
        self.ctx.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.ctx.begin_path();
        js(self.ctx.arc(
            f64::from(center.0),
            f64::from(center.1),
            f64::from(radius),
            0.0,
            core::f64::consts::TAU,
        ))?;
        if fill {
            self.set_fill(c);
            self.ctx.fill();
        } else {
            self.set_stroke(c, style.stroke_width());
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(c);
        self.ctx.begin_path();
        for (i, p) in vert.into_iter().enumerate() {
            let (x, y) = (f64::from(p.0), f64::from(p.1));
            if i == 0 {
                self.ctx.move_to(x, y);
            } else {
                self.ctx.line_to(x, y);
            }
        }
        self.ctx.close_path();
        self.ctx.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let weight = match style.style() {
            FontStyle::Bold => "bold",
            FontStyle::Italic => "italic",
            FontStyle::Oblique => "oblique",
            FontStyle::Normal => "",
        };
        self.set_font(
            style.size().round().clamp(1.0, 400.0) as u32,
            style.family().as_str(),
            weight,
        );
        self.ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.set_fill(c);
        let rotated = !matches!(style.transform(), FontTransform::None);
        if rotated {
            self.ctx.save();
            js(self.ctx.translate(f64::from(pos.0), f64::from(pos.1)))?;
            let quarter = core::f64::consts::FRAC_PI_2;
            let angle = match style.transform() {
                FontTransform::Rotate90 => quarter,
                FontTransform::Rotate180 => 2.0 * quarter,
                FontTransform::Rotate270 => 3.0 * quarter,
                FontTransform::None => 0.0,
            };
            js(self.ctx.rotate(angle))?;
            js(self.ctx.fill_text(text, 0.0, 0.0))?;
            self.ctx.restore();
            Ok(())
        } else {
            js(self.ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1)))
        }
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        let px = style.size().round().clamp(1.0, 400.0) as u32;
        let w = self.text_width(text, px, style.family().as_str());
        Ok((w.round().max(0.0) as u32, px))
    }
}
