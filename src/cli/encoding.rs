//! What `batch` reads: UTF-8 (with or without a BOM) or CP949 / EUC-KR, the encoding Korean
//! Excel uses for "CSV (쉼표로 분리)" by default, decided from the first bytes and streamed as
//! UTF-8 to the CSV reader in constant memory.
//!
//! The decision: a UTF-8 BOM, or a first block (up to `SNIFF` bytes) that is valid UTF-8, is
//! UTF-8 (passed through untouched: the fast path); a first block that is valid CP949 and not
//! UTF-8 is CP949, decoded by `encoding_rs` through `encoding_rs_io`; a block valid in neither
//! stays UTF-8, so each bad cell is reported as today ("not UTF-8") instead of being guessed.
//! A file whose first block is plain ASCII and whose Korean comes later is read as UTF-8.
//!
//! `Bounded` keeps memory constant whatever the input: a record (header or row) may not grow
//! beyond `MAX_RECORD` bytes, which stops a quote left open in a large file early.

use std::cell::Cell;
use std::io::{self, Cursor, Read};
use std::rc::Rc;

use encoding_rs::EUC_KR;
use encoding_rs_io::DecodeReaderBytesBuilder;

/// How much of the input decides its encoding.
const SNIFF: u64 = 64 * 1024;
/// The longest record accepted, bytes (1 MiB): far above any real row, and a bound on memory.
pub const MAX_RECORD: u64 = 1 << 20;

/// The encoding a CSV was read in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Cp949,
}

impl Encoding {
    /// What stderr says.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Cp949 => "CP949 (EUC-KR, Korean Excel's CSV), converted to UTF-8",
        }
    }
}

fn is_utf8_prefix(bytes: &[u8], complete: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // A character cut by the end of the block is not an error unless the input ended there.
        Err(e) => !complete && e.error_len().is_none(),
    }
}

fn is_cp949_prefix(bytes: &[u8], complete: bool) -> bool {
    let mut decoder = EUC_KR.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length(bytes.len()).unwrap_or(0));
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut out, complete);
    matches!(result, encoding_rs::DecoderResult::InputEmpty)
}

/// Decides the encoding from the first bytes of `input` and returns it with a reader of the
/// whole input as UTF-8.
pub fn utf8_reader<'a, R: Read + 'a>(mut input: R) -> io::Result<(Encoding, Box<dyn Read + 'a>)> {
    let mut head = Vec::new();
    (&mut input).take(SNIFF).read_to_end(&mut head)?;
    let complete = (head.len() as u64) < SNIFF;
    let encoding = if head.starts_with(b"\xEF\xBB\xBF") || is_utf8_prefix(&head, complete) {
        Encoding::Utf8
    } else if is_cp949_prefix(&head, complete) {
        Encoding::Cp949
    } else {
        Encoding::Utf8
    };
    let whole = Cursor::new(head).chain(input);
    Ok(match encoding {
        Encoding::Utf8 => (encoding, Box::new(whole)),
        Encoding::Cp949 => {
            // A 64 KiB decoding buffer rather than the default 8 KiB: fewer, larger decode calls.
            let decoder = DecodeReaderBytesBuilder::new()
                .encoding(Some(EUC_KR))
                .build_with_buffer(whole, vec![0u8; 1 << 16])?;
            (encoding, Box::new(decoder))
        }
    })
}

/// How far `Bounded` has read, shared with the loop that reads records.
#[derive(Default)]
pub struct Progress {
    /// Bytes read from the input so far.
    pub read: Cell<u64>,
    /// The last byte read so far.
    pub last: Cell<Option<u8>>,
    /// Byte offset of the end of the last complete record (set by the caller).
    pub record_end: Cell<u64>,
}

/// A reader that fails once more than `MAX_RECORD` bytes (plus one buffer) were read past the
/// end of the last complete record.
pub struct Bounded<R> {
    inner: R,
    pub progress: Rc<Progress>,
}

impl<R> Bounded<R> {
    pub fn new(inner: R) -> Self {
        Bounded {
            inner,
            progress: Rc::new(Progress::default()),
        }
    }
}

/// The CSV reader's buffer: what may be read ahead of the record being parsed.
pub const READ_AHEAD: u64 = 64 * 1024;

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let progress = &self.progress;
        if progress.read.get().saturating_sub(progress.record_end.get()) > MAX_RECORD.saturating_add(READ_AHEAD) {
            return Err(io::Error::other(TOO_LONG));
        }
        let n = self.inner.read(buf)?;
        if let Some(&last) = buf.get(..n).and_then(<[u8]>::last) {
            progress.last.set(Some(last));
        }
        progress.read.set(progress.read.get().saturating_add(n as u64));
        Ok(n)
    }
}

/// The message of the error `Bounded` returns.
pub const TOO_LONG: &str = "record too long";
