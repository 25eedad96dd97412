//! The charts' drawing backend (wasm32 only): plotters-canvas's `CanvasBackend` on the element's
//! own canvas, plus the two things it lacks.
//!
//! - Text size: `CanvasBackend` leaves `estimate_text_size` to plotters, whose web font code
//!   appends a span with a `style` attribute to the host page's body to measure it: a strict CSP
//!   (`style-src 'self'`) reports that, and it touches a page we do not own. Here text is measured
//!   by the canvas's own `measureText`, with the font string `CanvasBackend` draws with. The
//!   charts never use plotters' legends or multi-line text, which measure through plotters
//!   directly (see `chart`).
//! - devicePixelRatio: the backing store is sized to the canvas's CSS size x DPR here; the
//!   charts scale their CSS sizes (fonts, margins, strokes) by the same ratio (`chart::px`).
//!
//! Also: one-pixel horizontal and vertical lines go through `draw_line`, which `CanvasBackend`
//! puts on the half pixel so they stay sharp.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What a drawing call that the canvas refused (context lost) returns: plotters-canvas's error,
/// a type it does not name publicly.
pub type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

pub struct Canvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
}

impl Canvas {
    /// Sizes `canvas`'s backing store to its CSS size x `dpr` (only when it differs: setting a
    /// size, even the same one, reallocates and clears it) and wraps it. `None` when the canvas is
    /// not laid out (hidden, zero size) or has no 2D context.
    pub fn new(canvas: HtmlCanvasElement, dpr: f64) -> Option<Self> {
        let (css_w, css_h) = (canvas.client_width(), canvas.client_height());
        if css_w <= 0 || css_h <= 0 {
            return None;
        }
        let device = |css: i32| (f64::from(css) * dpr).round() as u32;
        if canvas.width() != device(css_w) {
            canvas.set_width(device(css_w));
        }
        if canvas.height() != device(css_h) {
            canvas.set_height(device(css_h));
        }
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas { inner, ctx })
    }

    /// Width of `text` in device pixels, in `style`'s font, measured by the canvas itself.
    fn text_width<T: BackendTextStyle>(&self, text: &str, style: &T) -> f64 {
        // The same font string `CanvasBackend::draw_text` sets.
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        self.ctx.set_font(&font);
        self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }
}

type Result<T = ()> = core::result::Result<T, DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result {
        self.inner.draw_rect(ul, br, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        // An odd stroke width on whole pixels covers two half pixels: blurred. `draw_line` shifts
        // a horizontal or vertical line by half a pixel.
        if let [a, b] = points.as_slice() {
            if (a.0 == b.0 || a.1 == b.1) && style.stroke_width() % 2 == 1 {
                return self.inner.draw_line(*a, *b, style);
            }
        }
        self.inner.draw_path(points, style)
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32)> {
        let w = self.text_width(text, style);
        Ok((w.round().max(0.0) as u32, style.size().round().max(0.0) as u32))
    }
}
