/**
 * Every reason a document can be rejected for, with what it means to the person who added the
 * file. The README's "When a file is rejected" table lists exactly these (a test holds them equal).
 */
export const REJECT_REASONS = {
  'discover/unreadable': 'the file or folder could not be read; the message names the system error (EIO, EACCES...)',
  'discover/broken-symlink': 'a symlink whose target does not exist',
  'discover/symlink-outside-input': 'a symlink that leads outside the input folder: never followed',
  'discover/not-a-file': 'a FIFO, socket or device: never read, it could block the build',
  'discover/duplicate': 'byte-identical to an earlier file (in sorted path order), which is the one parsed; it shares that document_id',
  'repair/empty': 'the file has no bytes',
  'repair/blank': 'the file holds only whitespace',
  'repair/binary': 'an image, a PDF, an executable, or data with more than 1% control bytes: not text',
  'repair/compressed': 'a gzip, zip, bzip2, xz or zstd file: decompress it and add the text',
  'parse/html': 'an HTML page: save the transcript as text and add that',
  'parse/unknown-format': 'text in none of the supported formats (Capital IQ, Seeking Alpha, Motley Fool, Markdown transcripts, forum threads)',
  'parse/no-turns': 'a supported format, but no speaker label was found',
  'parse/no-speech': 'speaker labels, but no speech after any of them',
  'internal/parser-error': 'a parser failed: a bug in callset, please report it (`--verbose` prints the stack)',
  'internal/invalid-record': 'a record failed its schema: a bug in callset; the message gives the table, row, zod path and span',
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;
