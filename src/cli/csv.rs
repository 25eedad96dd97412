//! A small RFC 4180 CSV reader and writer, one record at a time, in constant memory.
//!
//! Reading: fields are separated by `,`; records end with CRLF, LF or a lone CR; a field in double
//! quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). A UTF-8 byte order
//! mark at the very start is skipped. Lenient where spreadsheet programs are: a quote inside an
//! unquoted field is kept as a character, and text after a closing quote is appended to the
//! field (`"ab"c` reads `abc`). A quoted field still open at the end of the input, or a record
//! longer than `MAX_RECORD` bytes, ends the read with an error: past that point the input cannot
//! be split into records reliably.
//!
//! The reader keeps one record in buffers it reuses, so memory does not grow with the number of
//! records. Fields are bytes; the caller decides which must be UTF-8.
//!
//! Writing: a field holding `,` `"` CR or LF is quoted, its quotes doubled; records end with CRLF.
//! A text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheet
//! programs show it instead of running it as a formula (CSV injection); numbers are written as
//! they are.

use std::io::{self, BufRead, Cursor, Read, Write};

/// The longest record accepted, bytes (1 MiB): far above any real row, and a bound on memory.
pub const MAX_RECORD: usize = 1 << 20;

const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// Why reading stopped early.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// A quoted field was still open at the end of the input.
    UnterminatedQuote,
    /// A record longer than `MAX_RECORD` bytes.
    TooLong,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    Start,
    /// Inside an unquoted field.
    Plain,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: a closing quote, or the first of a doubled one.
    QuoteInQuoted,
}

/// The input with a byte order mark at its start removed.
pub type Input<R> = io::Chain<Cursor<Vec<u8>>, R>;

/// Handles `,` (ends the field at `len`) or CR / LF (ends the record: returns true).
fn delimiter(b: u8, ends: &mut Vec<usize>, len: usize, after_cr: &mut bool, state: &mut State) -> bool {
    match b {
        b',' => {
            ends.push(len);
            *state = State::Start;
            false
        }
        b'\r' => {
            *after_cr = true;
            true
        }
        _ => true,
    }
}

/// Reads records from a buffered byte stream.
pub struct Reader<R> {
    inner: R,
    /// The bytes of the current record's fields, back to back.
    buf: Vec<u8>,
    /// The end offset in `buf` of each field of the current record.
    ends: Vec<usize>,
    /// The previous record ended with CR: a LF right after it is part of that line break.
    after_cr: bool,
}

/// Starts reading `inner`, skipping a UTF-8 byte order mark at its start (even one split
/// across reads).
pub fn reader<R: BufRead>(mut inner: R) -> io::Result<Reader<Input<R>>> {
    let mut head = Vec::with_capacity(BOM.len());
    while head.len() < BOM.len() {
        let chunk = match inner.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        let n = (BOM.len() - head.len()).min(chunk.len());
        head.extend(chunk.iter().take(n));
        inner.consume(n);
    }
    if head == BOM {
        head.clear();
    }
    Ok(Reader {
        inner: Cursor::new(head).chain(inner),
        buf: Vec::with_capacity(256),
        ends: Vec::with_capacity(32),
        after_cr: false,
    })
}

impl<R: BufRead> Reader<R> {
    /// Reads the next record into the reader's buffers; `Ok(false)` at the end of the input.
    pub fn next_record(&mut self) -> Result<bool, ReadError> {
        self.buf.clear();
        self.ends.clear();
        let mut state = State::Start;
        let mut any = false;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ReadError::Io(e)),
            };
            if chunk.is_empty() {
                if state == State::Quoted {
                    return Err(ReadError::UnterminatedQuote);
                }
                if !any {
                    return Ok(false);
                }
                self.ends.push(self.buf.len());
                return Ok(true);
            }
            let mut rest = chunk;
            if self.after_cr {
                self.after_cr = false;
                if let Some((b'\n', tail)) = rest.split_first() {
                    rest = tail;
                }
            }
            let mut done = false;
            while !done {
                let Some((&first, tail)) = rest.split_first() else {
                    break;
                };
                any = true;
                match state {
                    State::Quoted => {
                        // Copy up to the next quote in one go.
                        let k = rest.iter().position(|&b| b == b'"').unwrap_or(rest.len());
                        self.buf.extend_from_slice(rest.get(..k).unwrap_or_default());
                        if k < rest.len() {
                            state = State::QuoteInQuoted;
                        }
                        rest = rest.get(k.saturating_add(1)..).unwrap_or_default();
                    }
                    State::Start if first == b'"' => {
                        state = State::Quoted;
                        rest = tail;
                    }
                    State::Start | State::Plain => {
                        // Copy up to the next delimiter in one go (a quote here is a character).
                        let k = rest.iter().position(|&b| matches!(b, b',' | b'\r' | b'\n'));
                        let k = k.unwrap_or(rest.len());
                        self.buf.extend_from_slice(rest.get(..k).unwrap_or_default());
                        state = State::Plain;
                        match rest.get(k) {
                            Some(&b) => {
                                done = delimiter(b, &mut self.ends, self.buf.len(), &mut self.after_cr, &mut state);
                                rest = rest.get(k.saturating_add(1)..).unwrap_or_default();
                            }
                            None => rest = &[],
                        }
                    }
                    State::QuoteInQuoted => {
                        rest = tail;
                        if first == b'"' {
                            self.buf.push(b'"');
                            state = State::Quoted;
                        } else if matches!(first, b',' | b'\r' | b'\n') {
                            done = delimiter(first, &mut self.ends, self.buf.len(), &mut self.after_cr, &mut state);
                        } else {
                            // Text after a closing quote: kept, as spreadsheet programs do.
                            self.buf.push(first);
                            state = State::Plain;
                        }
                    }
                }
            }
            let used = chunk.len().saturating_sub(rest.len());
            self.inner.consume(used);
            if done {
                self.ends.push(self.buf.len());
                return Ok(true);
            }
            if self.buf.len().saturating_add(self.ends.len()) > MAX_RECORD {
                return Err(ReadError::TooLong);
            }
        }
    }

    /// The number of fields of the current record.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i` of the current record.
    pub fn field(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)?,
            None => 0,
        };
        self.buf.get(start..end)
    }

    /// True for a blank line or a record whose fields are all empty or white space (spreadsheet
    /// programs write trailing rows of commas).
    pub fn is_blank(&self) -> bool {
        self.buf.iter().all(u8::is_ascii_whitespace)
    }
}

/// Writes CSV records.
pub struct Writer<W: Write> {
    out: W,
    /// The next field is the first of its record (no comma before it).
    first: bool,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Self {
        Writer { out, first: true }
    }

    /// A UTF-8 byte order mark, so spreadsheet programs read the file as UTF-8.
    pub fn bom(&mut self) -> io::Result<()> {
        self.out.write_all(&BOM)
    }

    fn sep(&mut self) -> io::Result<()> {
        if self.first {
            self.first = false;
            Ok(())
        } else {
            self.out.write_all(b",")
        }
    }

    /// A text cell: quoted when needed, guarded against formula injection.
    pub fn text(&mut self, s: &str) -> io::Result<()> {
        self.sep()?;
        let guard = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
            self.out.write_all(b"\"")?;
            if guard {
                self.out.write_all(b"'")?;
            }
            for (i, part) in s.split('"').enumerate() {
                if i > 0 {
                    self.out.write_all(b"\"\"")?;
                }
                self.out.write_all(part.as_bytes())?;
            }
            self.out.write_all(b"\"")
        } else {
            if guard {
                self.out.write_all(b"'")?;
            }
            self.out.write_all(s.as_bytes())
        }
    }

    /// A whole number, as digits.
    pub fn number(&mut self, n: u64) -> io::Result<()> {
        self.sep()?;
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = n;
        for d in digits.iter_mut().rev() {
            *d = b'0'.saturating_add((rest % 10) as u8);
            rest /= 10;
            start = start.saturating_sub(1);
            if rest == 0 {
                break;
            }
        }
        self.out.write_all(digits.get(start..).unwrap_or_default())
    }

    /// An empty cell.
    pub fn empty(&mut self) -> io::Result<()> {
        self.sep()
    }

    /// Ends the record with CRLF.
    pub fn end(&mut self) -> io::Result<()> {
        self.first = true;
        self.out.write_all(b"\r\n")
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// The sink back (tests/cli.rs checks what was written).
    #[allow(dead_code)]
    pub fn into_inner(self) -> W {
        self.out
    }
}
