//! Byte-stream plumbing: decompression chosen by magic bytes, bounded line reads, and a
//! reader that can put bytes back (for resynchronising on a damaged WARC file).

use std::io::{self, BufRead, BufReader, Read};

use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};
use ruzstd::decoding::{BlockDecodingStrategy, FrameDecoder};

/// Buffer size for file and decompressor readers.
pub(crate) const BUF: usize = 64 * 1024;

/// A boxed byte stream.
pub(crate) type Stream<'a> = Box<dyn BufRead + Send + 'a>;

/// Compression recognised by its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    pub(crate) fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// Reads up to `n` bytes from the start of `r` and returns them with a stream that still
/// yields every byte (the peeked ones first).
pub(crate) fn peek<'a>(mut r: Stream<'a>, n: usize) -> io::Result<(Vec<u8>, Stream<'a>)> {
    let buffered = r.fill_buf()?;
    if buffered.len() >= n {
        // the common case: the buffer already holds them
        let head = buffered[..n].to_vec();
        return Ok((head, r));
    }
    let mut head = Vec::with_capacity(n);
    (&mut r).take(n as u64).read_to_end(&mut head)?;
    let rest: Stream<'a> = Box::new(BufReader::with_capacity(
        BUF,
        io::Cursor::new(head.clone()).chain(r),
    ));
    Ok((head, rest))
}

/// Undoes gzip (any number of members) or zstd (any number of frames) when the stream starts
/// with their magic bytes; errors from the decompressor say which format was corrupt.
pub(crate) fn decompress<'a>(r: Stream<'a>) -> io::Result<(Compression, Stream<'a>)> {
    let (head, r) = peek(r, 4)?;
    let c = Compression::sniff(&head);
    let out: Stream<'a> = match c {
        Compression::None => r,
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUF,
            Labelled {
                inner: flate2::bufread::MultiGzDecoder::new(r),
                what: "gzip",
            },
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUF,
            Labelled {
                inner: Zstd {
                    src: r,
                    dec: FrameDecoder::new(),
                    in_frame: false,
                },
                what: "zstd",
            },
        )),
    };
    Ok((c, out))
}

/// Adds "corrupt or truncated gzip data" to a decompressor's errors.
struct Labelled<R> {
    inner: R,
    what: &'static str,
}

impl<R: Read> Read for Labelled<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            let kind = match e.kind() {
                io::ErrorKind::Interrupted => io::ErrorKind::Other,
                k => k,
            };
            io::Error::new(
                kind,
                format!("corrupt or truncated {} data ({e})", self.what),
            )
        })
    }
}

/// A zstd stream of any number of frames (ruzstd's `StreamingDecoder` reads only one),
/// skippable frames skipped.
struct Zstd<R> {
    src: R,
    dec: FrameDecoder,
    in_frame: bool,
}

impl<R: BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if self.in_frame {
                while self.dec.can_collect() == 0 && !self.dec.is_finished() {
                    self.dec
                        .decode_blocks(&mut self.src, BlockDecodingStrategy::UptoBlocks(1))
                        .map_err(io::Error::other)?;
                }
                let n = self.dec.read(buf)?;
                if n > 0 {
                    return Ok(n);
                }
                if self.dec.is_finished() && self.dec.can_collect() == 0 {
                    self.in_frame = false;
                }
                continue;
            }
            if self.src.fill_buf()?.is_empty() {
                return Ok(0);
            }
            match self.dec.reset(&mut self.src) {
                Ok(()) => self.in_frame = true,
                Err(FrameDecoderError::ReadFrameHeaderError(ReadFrameHeaderError::SkipFrame {
                    length,
                    ..
                })) => {
                    let skipped =
                        io::copy(&mut (&mut self.src).take(length as u64), &mut io::sink())?;
                    if skipped < length as u64 {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "a skippable frame is cut short",
                        ));
                    }
                }
                Err(e) => return Err(io::Error::other(e)),
            }
        }
    }
}

/// Appends bytes up to and including `delim` to `buf`, taking at most `limit` bytes. Returns
/// the number of bytes taken; `buf` does not end with `delim` when the limit was reached or
/// the stream ended first.
pub(crate) fn read_until_limited<R: BufRead + ?Sized>(
    r: &mut R,
    delim: u8,
    limit: usize,
    buf: &mut Vec<u8>,
) -> io::Result<usize> {
    let mut taken = 0;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(taken);
        }
        let room = limit - taken;
        let window = &avail[..avail.len().min(room)];
        let (n, done) = match memchr::memchr(delim, window) {
            Some(p) => (p + 1, true),
            None => (window.len(), window.len() == room),
        };
        buf.extend_from_slice(&window[..n]);
        r.consume(n);
        taken += n;
        if done {
            return Ok(taken);
        }
    }
}

/// Discards bytes up to and including `delim` (or to the end). Returns how many, and whether
/// the last was `delim`.
pub(crate) fn skip_until<R: BufRead + ?Sized>(r: &mut R, delim: u8) -> io::Result<(u64, bool)> {
    let mut skipped = 0u64;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((skipped, false));
        }
        let (n, done) = match memchr::memchr(delim, avail) {
            Some(p) => (p + 1, true),
            None => (avail.len(), false),
        };
        r.consume(n);
        skipped += n as u64;
        if done {
            return Ok((skipped, true));
        }
    }
}

/// A buffered stream that counts the bytes consumed and can take bytes back.
pub(crate) struct Pushback<R> {
    back: Vec<u8>,
    pos: usize,
    inner: R,
    /// Offset of the next byte in the stream.
    pub(crate) offset: u64,
}

impl<R: BufRead> Pushback<R> {
    pub(crate) fn new(inner: R) -> Pushback<R> {
        Pushback {
            back: Vec::new(),
            pos: 0,
            inner,
            offset: 0,
        }
    }

    /// Puts `bytes` back in front of the stream; they must be the bytes just consumed.
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        let mut v = Vec::with_capacity(bytes.len() + self.back.len() - self.pos);
        v.extend_from_slice(bytes);
        v.extend_from_slice(&self.back[self.pos..]);
        self.back = v;
        self.pos = 0;
        self.offset -= bytes.len() as u64;
    }

    /// Reads exactly `n` bytes, or fewer at the end of the stream.
    pub(crate) fn read_up_to(&mut self, n: u64) -> io::Result<Vec<u8>> {
        let mut v = Vec::with_capacity(n.min(BUF as u64) as usize);
        self.take(n).read_to_end(&mut v)?;
        Ok(v)
    }

    /// Discards `n` bytes, or fewer at the end of the stream. Returns how many.
    pub(crate) fn skip(&mut self, n: u64) -> io::Result<u64> {
        io::copy(&mut self.take(n), &mut io::sink())
    }
}

impl<R: BufRead> Read for Pushback<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Pushback<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.back.len() {
            Ok(&self.back[self.pos..])
        } else {
            self.inner.fill_buf()
        }
    }

    fn consume(&mut self, n: usize) {
        if self.pos < self.back.len() {
            self.pos += n.min(self.back.len() - self.pos);
            if self.pos == self.back.len() {
                self.back = Vec::new();
                self.pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
        self.offset += n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn stream(b: &[u8]) -> Stream<'_> {
        Box::new(b)
    }

    fn all(mut s: Stream<'_>) -> io::Result<Vec<u8>> {
        let mut v = Vec::new();
        s.read_to_end(&mut v)?;
        Ok(v)
    }

    fn gz(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_members_are_joined() {
        let mut b = gz(b"one ");
        b.extend(gz(b"two"));
        let (c, s) = decompress(stream(&b)).unwrap();
        assert_eq!(c, Compression::Gzip);
        assert_eq!(all(s).unwrap(), b"one two");
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let b = gz(&b"some text that is long enough ".repeat(100));
        let (_, s) = decompress(stream(&b[..b.len() / 2])).unwrap();
        let e = all(s).unwrap_err().to_string();
        assert!(e.contains("corrupt or truncated gzip data"), "{e}");
    }

    #[test]
    fn zstd_frames_are_joined_and_skippable_frames_skipped() {
        use ruzstd::encoding::{compress_to_vec, CompressionLevel};
        let mut b = compress_to_vec(&b"alpha "[..], CompressionLevel::Fastest);
        // a skippable frame: magic 0x184D2A50, length 3, payload
        b.extend([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 9, 9, 9]);
        b.extend(compress_to_vec(&b"beta"[..], CompressionLevel::Fastest));
        let (c, s) = decompress(stream(&b)).unwrap();
        assert_eq!(c, Compression::Zstd);
        assert_eq!(all(s).unwrap(), b"alpha beta");
        let (_, s) = decompress(stream(&b[..b.len() - 3])).unwrap();
        assert!(all(s).unwrap_err().to_string().contains("zstd"));
    }

    #[test]
    fn plain_bytes_pass_through() {
        let (c, s) = decompress(stream(b"ab")).unwrap();
        assert_eq!(c, Compression::None);
        assert_eq!(all(s).unwrap(), b"ab");
        let (_, s) = decompress(stream(b"")).unwrap();
        assert_eq!(all(s).unwrap(), b"");
    }

    #[test]
    fn bounded_lines() {
        let mut r: &[u8] = b"abc\ndefghij\nk";
        let mut buf = Vec::new();
        assert_eq!(read_until_limited(&mut r, b'\n', 10, &mut buf).unwrap(), 4);
        assert_eq!(buf, b"abc\n");
        buf.clear();
        assert_eq!(read_until_limited(&mut r, b'\n', 3, &mut buf).unwrap(), 3);
        assert_eq!(buf, b"def");
        assert_eq!(skip_until(&mut r, b'\n').unwrap(), (5, true));
        buf.clear();
        assert_eq!(read_until_limited(&mut r, b'\n', 3, &mut buf).unwrap(), 1);
        assert_eq!(buf, b"k");
    }

    #[test]
    fn pushback_counts_and_rereads() {
        let mut p = Pushback::new(&b"0123456789"[..]);
        let a = p.read_up_to(4).unwrap();
        assert_eq!((a.as_slice(), p.offset), (&b"0123"[..], 4));
        p.unread(&a[1..]);
        assert_eq!(p.offset, 1);
        let b = p.read_up_to(5).unwrap();
        assert_eq!(b, b"12345");
        assert_eq!(p.skip(100).unwrap(), 4);
        assert_eq!(p.offset, 10);
    }
}
